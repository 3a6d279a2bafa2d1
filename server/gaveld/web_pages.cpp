#include "web_pages.hpp"

namespace gavel::gaveld {

std::optional<std::filesystem::path> installed_pages() {
  std::error_code ec;
  auto here = std::filesystem::canonical("/proc/self/exe", ec).parent_path();
  if (ec) return std::nullopt;
  // build/<preset>/server/gaveld/gaveld → build/<preset>/web; <prefix>/bin/gaveld → <prefix>/share/gavel/web
  for (const auto& candidate : {here.parent_path().parent_path() / "web", here.parent_path() / "share/gavel/web"})
    if (std::filesystem::is_regular_file(candidate / "index.html", ec)) return candidate;
  return std::nullopt;
}

}  // namespace gavel::gaveld
