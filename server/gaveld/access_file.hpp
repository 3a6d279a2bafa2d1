// What gaveld tells its operator at start: the URLs, and the tokens in
// DIR/access.json and DIR/participants.csv (both mode 0600).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/state.hpp"
#include "store/meeting_store.hpp"

namespace gavel::gaveld {

struct Urls {
  std::string base;     // http(s)://host:port/
  std::string ws;       // ws(s)://host:port/ws
  std::string join;     // base + "j/"
};

// The address a phone in the room can reach: the first non-loopback IPv4
// address when listening on all interfaces, else the bound address.
std::string reachable_host(const std::string& bind);
Urls urls_for(const std::string& host, std::uint16_t port, bool tls);

// The three pages' links, each officer's with its token in the fragment
// (never sent to a server, logged or passed on as a Referer).
void print_page_links(std::ostream& out, const Urls& urls, const std::vector<store::AccessToken>& tokens);
// The room's Wi-Fi as the text of a QR code: WIFI:T:WPA;S:ssid;P:password;;
std::string wifi_qr_text(const core::MeetingInfo& info);

core::Status write_access_files(const std::filesystem::path& dir, const Urls& urls,
                                const std::vector<store::AccessToken>& tokens, const core::MeetingState& state);

}  // namespace gavel::gaveld
