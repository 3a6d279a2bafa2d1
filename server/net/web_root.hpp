// The one folder the web clients are served from. A file is served only
// when its real path (symlinks followed) lies inside the root's real path;
// without a root, nothing is. A root that holds the data folder (tokens,
// the database) is refused at start. Safe to share between I/O threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "net/static_files.hpp"

namespace gavel::net {

struct WebFile {
  std::string body;
  std::string_view mime;
  bool immutable = false;
  bool gzipped = false;  // the body is the build's .gz of the file: send Content-Encoding: gzip
};

class WebRoot {
 public:
  WebRoot() = default;  // serves nothing

  // The root's real path; refused when it does not exist or when it and the
  // data folder contain one another.
  static core::Result<WebRoot> open(const std::filesystem::path& root, const std::filesystem::path& data_dir);

  bool serves() const { return real_.has_value(); }
  const std::filesystem::path& path() const { return *real_; }

  // The file's bytes, or nullopt for anything outside the root, missing,
  // not a regular file or too large: the caller answers 404 without saying why.
  // With `gzip_accepted`, the file's precompressed .gz when the build wrote one.
  std::optional<WebFile> read(const WebPath& path, bool gzip_accepted = false) const;

 private:
  explicit WebRoot(std::filesystem::path real) : real_(std::move(real)) {}
  std::optional<std::string> bytes_of(const std::vector<std::string>& segments) const;
  std::optional<std::filesystem::path> real_;
};

// True when `inner` is `outer` or lies below it (both real paths).
bool lies_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

}  // namespace gavel::net
