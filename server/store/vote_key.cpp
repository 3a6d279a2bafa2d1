#include "vote_key.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <string>

namespace gavel::store {

namespace {
const std::filesystem::path kInMemory = ":memory:";

std::string prefix_for(const std::filesystem::path& main, const char* kind, std::int64_t meeting) {
  return main.filename().string() + "-" + kind + "-" + std::to_string(meeting) + "-";
}

core::Error file_error(const std::string& what, const std::filesystem::path& file) {
  return core::make_error(core::ErrorCode::internal, "投票密钥文件出错（" + what + "）：" + file.string(),
                          "the vote's key file: cannot " + what + " " + file.string());
}

core::Status sync_folder_of(const std::filesystem::path& file) {
  int dir = ::open(file.parent_path().empty() ? "." : file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return file_error("open the folder of", file);
  bool synced = ::fsync(dir) == 0;
  ::close(dir);
  if (!synced) return file_error("sync the folder of", file);
  return core::Ok{};
}

std::vector<core::Id> votes_beside(const std::filesystem::path& main, const std::string& prefix) {
  std::vector<core::Id> votes;
  if (main == kInMemory) return votes;
  std::error_code ec;
  auto folder = main.parent_path().empty() ? std::filesystem::path(".") : main.parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    core::Id vote = 0;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    // The name ends in the vote: not a -wal, -shm or .new beside it.
    if (auto [end, err] = std::from_chars(first, last, vote); err == std::errc() && end == last) votes.push_back(vote);
  }
  std::sort(votes.begin(), votes.end());
  return votes;
}

core::Status zero_and_remove(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? core::Status(core::Ok{}) : file_error("open", file);
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  const std::string zeros(64 * 1024, '\0');
  for (off_t at = 0; ok && at < st.st_size; at += static_cast<off_t>(zeros.size())) {
    auto n = static_cast<std::size_t>(std::min<off_t>(st.st_size - at, static_cast<off_t>(zeros.size())));
    ok = ::pwrite(fd, zeros.data(), n, at) == static_cast<ssize_t>(n);
  }
  ok = ok && ::fdatasync(fd) == 0;
  ::close(fd);
  if (!ok) return file_error("overwrite", file);
  if (::unlink(file.c_str()) != 0) return file_error("remove", file);
  return core::Ok{};
}
}  // namespace

std::filesystem::path VoteKey::file_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote) {
  if (main == kInMemory) return kInMemory;
  return main.parent_path() / (prefix_for(main, "key", meeting) + std::to_string(vote));
}

std::vector<core::Id> VoteKey::on_disk(const std::filesystem::path& main, std::int64_t meeting) {
  return votes_beside(main, prefix_for(main, "key", meeting));
}

std::filesystem::path VoteKey::older_box_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote) {
  return main.parent_path() / (prefix_for(main, "ballots", meeting) + std::to_string(vote));
}

std::vector<core::Id> VoteKey::older_boxes_on_disk(const std::filesystem::path& main, std::int64_t meeting) {
  return votes_beside(main, prefix_for(main, "ballots", meeting));
}

core::Result<VoteKey> VoteKey::open(const std::filesystem::path& file) {
  if (file == kInMemory)
    return core::make_error(core::ErrorCode::not_found, "投票密钥不在内存中", "the vote's key is not in memory");
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT)
      return core::make_error(core::ErrorCode::not_found, "投票密钥文件不见了，未结束投票的选票无法读取：" + file.string(),
                              "the vote's key file is gone, so the open vote's ballots cannot be read: " + file.string());
    return file_error("open", file);
  }
  VoteKey key;
  auto n = ::read(fd, key.bytes_.data(), kSize);
  char extra = 0;
  bool whole = n == static_cast<ssize_t>(kSize) && ::read(fd, &extra, 1) == 0;
  ::close(fd);
  if (!whole)
    return core::make_error(core::ErrorCode::internal, "投票密钥文件已损坏：" + file.string(),
                            "the vote's key file is damaged: " + file.string());
  return key;
}

core::Result<VoteKey> VoteKey::open_or_create(const std::filesystem::path& file) {
  if (file != kInMemory) {
    auto found = open(file);
    if (found || found.error().code != core::ErrorCode::not_found) return found;
  }
  VoteKey key;
  if (RAND_bytes(key.bytes_.data(), static_cast<int>(kSize)) != 1)
    return core::make_error(core::ErrorCode::internal, "无法生成投票密钥：系统没有随机数",
                            "cannot make the vote's key: no randomness from the system");
  if (file == kInMemory) return key;
  // Written whole under another name and renamed: the key file is either
  // absent or complete, never half written.
  const std::filesystem::path fresh = file.string() + ".new";
  int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return file_error("create", fresh);
  bool ok = ::write(fd, key.bytes_.data(), kSize) == static_cast<ssize_t>(kSize) && ::fdatasync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(fresh.c_str(), file.c_str()) != 0) {
    ::unlink(fresh.c_str());
    return file_error("write", file);
  }
  if (auto synced = sync_folder_of(file); !synced) return synced.error();
  return key;
}

core::Status VoteKey::wipe(const std::filesystem::path& file) {
  if (file == kInMemory) return core::Ok{};
  if (auto ok = zero_and_remove(file.string() + ".new"); !ok) return ok;
  if (auto ok = zero_and_remove(file); !ok) return ok;
  // The removal itself must reach the disk before the close is acknowledged.
  return sync_folder_of(file);
}

core::Status VoteKey::wipe_older_box(const std::filesystem::path& box) {
  for (const char* suffix : {"-wal", "-shm", ""})
    if (auto ok = zero_and_remove(box.string() + suffix); !ok) return ok;
  return sync_folder_of(box);
}

VoteKey::VoteKey(VoteKey&& other) noexcept : bytes_(other.bytes_) { OPENSSL_cleanse(other.bytes_.data(), kSize); }

VoteKey& VoteKey::operator=(VoteKey&& other) noexcept {
  bytes_ = other.bytes_;
  OPENSSL_cleanse(other.bytes_.data(), kSize);
  return *this;
}

VoteKey::~VoteKey() { OPENSSL_cleanse(bytes_.data(), kSize); }

}  // namespace gavel::store
