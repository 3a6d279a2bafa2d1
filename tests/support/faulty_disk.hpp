// A disk that fails the way real ones do, as a SQLite VFS over the real one
// (the approach of SQLite's own test6.c and of LazyFS), for tests only.
//
// Power cuts: every write goes through to the file, as into the operating
// system's page cache, and is also remembered with the bytes it replaced
// until the file is synced. cut_power() (or the n-th write or sync after
// cut_power_after(n)) then decides, write by write, what reached the platter:
// all of it, none of it, or its first sectors (a torn write), applied in a
// shuffled order (the drive reordered what was not synced). The files are
// left that way and every later call fails, as if the machine had stopped;
// a test then opens them with SQLite's ordinary VFS, like a restart.
// Syncs only mark what is durable here: nothing calls fsync, so a round
// costs milliseconds. Creating and deleting files count as durable at once.
//
// Refusals: refuse_writes(full) fails every write that would grow a file
// with SQLITE_FULL (a full disk still overwrites its existing blocks);
// refuse_writes(read_only) fails every write, truncation and sync with an
// I/O error, as a file system remounted read-only does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace gavel::test {

class FaultyDisk {
 public:
  enum class Refusal { none, full, read_only };
  struct Cut {
    std::size_t unsynced = 0;  // writes and truncations not yet synced at the cut
    std::size_t kept = 0, dropped = 0, torn = 0;
  };

  // Becomes SQLite's default VFS until destroyed; one at a time.
  explicit FaultyDisk(std::uint64_t seed);
  ~FaultyDisk();
  FaultyDisk(const FaultyDisk&) = delete;
  FaultyDisk& operator=(const FaultyDisk&) = delete;

  // The power goes at the n-th write or sync from now (n >= 1).
  void cut_power_after(std::size_t operations);
  void cut_power();
  bool power_is_cut() const;
  Cut last_cut() const;

  void refuse_writes(Refusal refusal);
  // Writes and syncs seen so far (to choose a moment for a cut).
  std::size_t operations() const;

  struct State;  // shared with the VFS callbacks

 private:
  std::unique_ptr<State> state_;
};

}  // namespace gavel::test
