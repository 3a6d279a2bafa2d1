// Printable join cards, for people who cannot type a URL: one card per
// participant, eight to an A4 page, with the name, group, a QR code of the
// personal join link, the short personal code in large print, the room's
// Wi-Fi as a QR code and the paired clicker. Pure (no files, no network).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gavel::cli {

struct JoinCard {
  std::string name;
  std::string group;
  std::string join_url;
  std::string code;        // empty when participants.csv has no code column
  std::string clicker_id;  // empty: no clicker
};

struct CardSheet {
  std::string title;  // the meeting's
  std::string wifi;   // WIFI:T:WPA;S:...;; (empty: no Wi-Fi code)
  std::string wifi_name;
  std::vector<JoinCard> cards;
};

// The PDF's bytes, or nothing with `why` set.
std::optional<std::string> render_join_cards(const CardSheet& sheet, std::string& why);

// The SSID inside a WIFI: text, unescaped, for printing beside its code.
std::string wifi_name(const std::string& wifi_qr_text);

}  // namespace gavel::cli
