// Which file under the web root answers a URL path, and its MIME type.
// Pure functions, so the rules (no "..", fixed page names) are unit-tested.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gavel::net {

// "/" → "index.html", "/chair" → "chair.html", "/secretary" → "secretary.html",
// "/app.js" → "app.js"; nullopt for anything that could leave the web root.
std::optional<std::string> file_for_path(std::string_view target);
std::string_view mime_type(std::string_view file);

}  // namespace gavel::net
