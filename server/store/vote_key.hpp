// The key an open secret vote's envelopes are sealed with (store/envelope.hpp):
// 32 random bytes in a file of their own beside the main database
// (gavel.db-key-M-V, mode 0600), made durable before any envelope is. At the
// close the ballots move into the main file in receipt order and the key is
// wiped (overwritten with zeros, synced, removed): whatever copy of an
// envelope a freed block or an old write-ahead log still holds can no longer
// be opened.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/events.hpp"
#include "core/result.hpp"

namespace gavel::store {

class VoteKey {
 public:
  static constexpr std::size_t kSize = 32;

  // The key file of vote `vote` of meeting `meeting` beside the main file
  // `main`. A main database in memory (":memory:") keeps its keys in memory.
  static std::filesystem::path file_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote);
  // The votes of `meeting` with a key file beside `main`, in order.
  static std::vector<core::Id> on_disk(const std::filesystem::path& main, std::int64_t meeting);
  // The key in `file`; a new one, durable, if there is none yet (a crash
  // before a new key's rename leaves no file, so no envelope was sealed).
  static core::Result<VoteKey> open_or_create(const std::filesystem::path& file);
  // The key in `file`, which must exist (readers change nothing).
  static core::Result<VoteKey> open(const std::filesystem::path& file);
  // Overwrites the file with zeros, syncs, removes it and syncs its folder.
  static core::Status wipe(const std::filesystem::path& file);

  // Before key files, an open vote's ballots had a SQLite file of their own
  // (gavel.db-ballots-M-V, with -wal and -shm): these are its votes.
  static std::vector<core::Id> older_boxes_on_disk(const std::filesystem::path& main, std::int64_t meeting);
  static std::filesystem::path older_box_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote);
  // Wipes such a file and its -wal and -shm as wipe() does a key.
  static core::Status wipe_older_box(const std::filesystem::path& box);

  VoteKey(VoteKey&& other) noexcept;
  VoteKey& operator=(VoteKey&& other) noexcept;
  VoteKey(const VoteKey&) = delete;
  VoteKey& operator=(const VoteKey&) = delete;
  ~VoteKey();

  const std::array<std::uint8_t, kSize>& bytes() const { return bytes_; }

 private:
  VoteKey() = default;
  std::array<std::uint8_t, kSize> bytes_{};
};

}  // namespace gavel::store
