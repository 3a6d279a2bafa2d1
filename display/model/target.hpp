// Where the display connects, with which token, and which URL the QR code
// gives phones: from --server/--token or gaveld's access.json. Reads that
// file; otherwise pure. Called on the network thread before every attempt.
#pragma once

#include <string>

#include "client_lib/endpoint.hpp"
#include "client_lib/result.hpp"
#include "model/options.hpp"

namespace gavel::display {

struct Target {
  client::Endpoint endpoint;
  std::string token;
  std::string phone_url;  // what the join view's QR code holds
};

client::Result<Target> resolve_target(const Options& options);

// The page phones open, on the same host and port as the WebSocket:
// ws://10.0.0.2:8080/ws gives http://10.0.0.2:8080/.
std::string phone_url(const client::Endpoint& endpoint);
// False for a loopback address (127.x, ::1, localhost): a phone in the room
// cannot reach it, so the display says so instead of showing a QR code.
bool reachable_from_phones(const std::string& url);

}  // namespace gavel::display
