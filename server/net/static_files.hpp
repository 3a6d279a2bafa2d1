// How a request path names a file of the web clients. Pure, so that every
// trick (percent-encodings, "..", NUL, backslashes, overlong UTF-8) is tested
// apart from the disk; web_root.hpp then keeps the file inside the root.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gavel::net {

struct WebPath {
  std::vector<std::string> segments;  // decoded, none empty, none starting with '.'
  bool immutable = false;             // under /assets/: content-hashed names, cached for good
  std::string name() const;           // the last segment, for the MIME type
};

// "/" → index.html, "/chair" → chair.html, "/secretary" → secretary.html,
// "/assets/app-1f2e.js" → assets/app-1f2e.js. The path is decoded once;
// nullopt for anything that is not plainly a file name below the root.
std::optional<WebPath> web_path_for(std::string_view target);
std::string_view mime_type(std::string_view file);

// Whether an Accept-Encoding header takes gzip ("gzip", "*", not "gzip;q=0").
// The build writes a .gz beside every page and asset (clients/web/scripts/
// compress.mjs), so the phone on a crowded Wi-Fi gets a third of the bytes.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace gavel::net
