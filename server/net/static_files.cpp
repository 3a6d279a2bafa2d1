#include "static_files.hpp"

#include <array>
#include <utility>

namespace gavel::net {

std::optional<std::string> file_for_path(std::string_view target) {
  auto query = target.find_first_of("?#");
  std::string_view path = target.substr(0, query);
  if (path.empty() || path.front() != '/') return std::nullopt;
  if (path == "/" || path == "/index.html") return "index.html";
  if (path == "/chair" || path == "/chair/") return "chair.html";
  if (path == "/secretary" || path == "/secretary/") return "secretary.html";
  path.remove_prefix(1);
  if (path.find("..") != std::string_view::npos || path.find('\\') != std::string_view::npos ||
      path.find("//") != std::string_view::npos || path.find('%') != std::string_view::npos ||
      path.front() == '.')
    return std::nullopt;
  return std::string(path);
}

std::string_view mime_type(std::string_view file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".wasm", "application/wasm"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  }};
  for (const auto& [extension, type] : kTypes)
    if (file.size() >= extension.size() && file.substr(file.size() - extension.size()) == extension)
      return type;
  return "application/octet-stream";
}

}  // namespace gavel::net
