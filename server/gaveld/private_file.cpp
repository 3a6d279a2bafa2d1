#include "private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gavel::gaveld {

namespace {
core::Error cannot(const std::filesystem::path& file, const char* step, int error) {
  const std::string why = std::string(step) + ": " + std::strerror(error);
  return core::make_error(core::ErrorCode::internal, "无法写入 " + file.string() + "（" + why + "）",
                          "cannot write " + file.string() + " (" + why + ")");
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}
}  // namespace

core::Status write_private_file(const std::filesystem::path& file, const std::string& content) {
  std::filesystem::path temp = file;
  temp += ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return cannot(file, "open", errno);
  // An older temporary file keeps the mode it was made with.
  if (::fchmod(fd, 0600) != 0 || !write_all(fd, content) || ::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return cannot(file, "write", error);
  }
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return cannot(file, "close", error);
  }
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return cannot(file, "rename", error);
  }
  // The rename lives in the folder: without this fsync a power cut may bring back the old file.
  std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return cannot(file, "open folder", errno);
  int synced = ::fsync(dir), error = errno;
  ::close(dir);
  if (synced != 0) return cannot(file, "fsync folder", error);
  return core::Ok{};
}

}  // namespace gavel::gaveld
