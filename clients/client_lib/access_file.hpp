// The access file gaveld writes at start (DIR/access.json, mode 0600): where
// the server is and the tokens of the fixed roles (participants' tokens are in
// participants.csv beside it). Pure functions, any thread.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "client_lib/result.hpp"
#include "gavel/v1/meeting.pb.h"

namespace gavel::client {

struct AccessFile {
  std::string url;       // the server's base URL, e.g. "http://127.0.0.1:8080/"
  std::string ws_url;    // its WebSocket, e.g. "ws://127.0.0.1:8080/ws"
  std::string join_url;  // what participants scan to join
  std::string chair_token;
  std::string secretary_token;
  std::string display_token;
  std::string clicker_token;  // for base stations and the clicker simulator
  std::string wifi;           // the room's Wi-Fi as QR text (WIFI:T:WPA;S:...;;), empty when not given

  // The token of a fixed role; fails for other roles or when the file has none.
  Result<std::string> token_for(v1::Role role) const;
  // ws_url when present, else url: what to connect to.
  const std::string& server_url() const { return ws_url.empty() ? url : ws_url; }
};

// `source` names the text in error messages (usually the file's path).
Result<AccessFile> parse_access_file(std::string_view json_text, const std::string& source);
Result<AccessFile> load_access_file(const std::filesystem::path& path);

}  // namespace gavel::client
