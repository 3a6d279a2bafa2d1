#include "web_root.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>


namespace gavel::net {

namespace {
constexpr off_t kMaxFile = 16 * 1024 * 1024;
}

bool lies_within(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

core::Result<WebRoot> WebRoot::open(const std::filesystem::path& root, const std::filesystem::path& data_dir) {
  std::error_code ec;
  auto real = std::filesystem::canonical(root, ec);
  if (ec || !std::filesystem::is_directory(real))
    return core::make_error(core::ErrorCode::not_found, "网页目录不存在：" + root.string(),
                            "the web folder does not exist: " + root.string());
  auto data = std::filesystem::weakly_canonical(data_dir, ec);
  if (ec) data = std::filesystem::absolute(data_dir);
  if (lies_within(data, real))
    return core::make_error(core::ErrorCode::invalid_argument,
                            "网页目录 " + real.string() + " 包含数据目录 " + data.string() +
                                "（令牌与数据库），拒绝启动；请把 --web 指向只含网页的目录",
                            "the web folder " + real.string() + " contains the data folder " + data.string() +
                                " (tokens and the database); refusing to start: point --web at a folder of web pages only");
  if (lies_within(real, data))
    return core::make_error(core::ErrorCode::invalid_argument,
                            "网页目录 " + real.string() + " 位于数据目录 " + data.string() + " 之内，拒绝启动",
                            "the web folder " + real.string() + " lies inside the data folder " + data.string() +
                                "; refusing to start");
  return WebRoot(real);
}

std::optional<std::string> WebRoot::bytes_of(const std::vector<std::string>& segments) const {
  std::filesystem::path wanted = *real_;
  for (const std::string& segment : segments) wanted /= segment;
  std::error_code ec;
  auto real = std::filesystem::canonical(wanted, ec);
  if (ec || !lies_within(real, *real_)) return std::nullopt;
  // The real path has no symlink left; O_NOFOLLOW refuses one swapped in since.
  int fd = ::open(real.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  std::string body;
  bool ok = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= kMaxFile;
  if (ok) {
    body.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (ok && done < body.size()) {
      ssize_t n = ::read(fd, body.data() + done, body.size() - done);
      if (n <= 0) ok = false;
      else done += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return body;
}

std::optional<WebFile> WebRoot::read(const WebPath& path, bool gzip_accepted) const {
  if (!real_ || path.segments.empty()) return std::nullopt;
  WebFile file;
  file.mime = mime_type(path.name());
  file.immutable = path.immutable;
  if (gzip_accepted) {
    std::vector<std::string> compressed = path.segments;
    compressed.back() += ".gz";
    if (auto body = bytes_of(compressed)) {
      file.body = std::move(*body);
      file.gzipped = true;
      return file;
    }
  }
  auto body = bytes_of(path.segments);
  if (!body) return std::nullopt;
  file.body = std::move(*body);
  return file;
}

}  // namespace gavel::net
