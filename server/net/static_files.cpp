#include "static_files.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace gavel::net {

namespace {
constexpr std::size_t kMaxTarget = 1024;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX once. An encoded '/', '%' (double encoding) or '\' and any
// control byte make the path unusable rather than something to guess at.
std::optional<std::string> percent_decode(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size()) return std::nullopt;
      int high = hex_value(path[i + 1]), low = hex_value(path[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      if (c == '/' || c == '%') return std::nullopt;
      i += 2;
    }
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

// Strict UTF-8: no overlong forms (so "%c0%ae" is never a '.'), no
// surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (length == 0 || b >= 0xf5 || i + length > text.size()) return false;
    std::uint32_t code = b & (0x7fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    static constexpr std::array<std::uint32_t, 5> kLeast{0, 0, 0x80, 0x800, 0x10000};
    if (code < kLeast[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}
}  // namespace

std::string WebPath::name() const { return segments.empty() ? std::string() : segments.back(); }

std::optional<WebPath> web_path_for(std::string_view target) {
  if (target.size() > kMaxTarget) return std::nullopt;
  std::string_view raw = target.substr(0, target.find_first_of("?#"));
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  auto decoded = percent_decode(raw);
  if (!decoded || !valid_utf8(*decoded)) return std::nullopt;
  std::string_view path = *decoded;
  if (path == "/" || path == "/index.html") return WebPath{{"index.html"}, false};
  if (path == "/chair" || path == "/chair/" || path == "/chair.html") return WebPath{{"chair.html"}, false};
  if (path == "/secretary" || path == "/secretary/" || path == "/secretary.html")
    return WebPath{{"secretary.html"}, false};

  WebPath web;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    // Empty segments ("//", a trailing '/'), "." and ".." and hidden files
    // (".git", ".env") are never names of the web clients.
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    web.segments.emplace_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  web.immutable = web.segments.size() > 1 && web.segments.front() == "assets";
  return web;
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

namespace {
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// "q=0", "q=0.0", "q=0.000": refused. Anything else (or no q) accepts.
bool refused_by_q(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    std::string_view param = trimmed(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    std::string_view value = trimmed(param.substr(2));
    if (value.empty() || value[0] != '0') return false;
    for (char c : value.substr(1))
      if (c != '.' && c != '0') return false;
    return true;
  }
  return false;
}
}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  bool star = false, gzip = false, gzip_named = false;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    std::string_view entry = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    auto semi = entry.find(';');
    std::string_view coding = trimmed(entry.substr(0, semi));
    bool ok = !refused_by_q(semi == std::string_view::npos ? std::string_view() : entry.substr(semi + 1));
    if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) {
      gzip_named = true;
      gzip = gzip || ok;
    } else if (coding == "*") {
      star = ok;
    }
  }
  return gzip_named ? gzip : star;
}

}  // namespace gavel::net
