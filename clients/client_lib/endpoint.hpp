// Where gaveld's WebSocket is: parsed from the URLs people type and the ones
// in access.json. Pure functions, any thread.
#pragma once

#include <string>
#include <string_view>

#include "client_lib/result.hpp"

namespace gavel::client {

struct Endpoint {
  std::string host;  // name or address; an IPv6 address without brackets
  std::string port;  // always set: 80 or 443 when the URL has none
  std::string path;  // the WebSocket target, e.g. "/ws"
  bool tls = false;  // wss:// or https://

  // "wss://[::1]:8443/ws": for messages and the Host header's view of things.
  std::string url() const;
};

// Accepts:
//   ws://HOST[:PORT]/PATH, wss://...   the WebSocket itself; an empty path or
//                                      "/" means "/ws", gaveld's only socket
//   http://HOST[:PORT]/BASE/, https:// the server's base URL; the socket is
//                                      BASE + "ws" (access.json's "url")
//   HOST[:PORT]                        as http://HOST:PORT/
// IPv6 addresses go in brackets. User info and fragments are refused.
Result<Endpoint> parse_endpoint(std::string_view url);

}  // namespace gavel::client
