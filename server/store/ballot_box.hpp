// An open secret vote's ballot box: a SQLite file of its own beside the main
// database (gavel.db-ballots-M-V, WAL, synchronous=FULL), so that sealing
// the vote at its close costs in proportion to the vote, not the meeting.
// While the vote is open the box's pages and its WAL follow the order the
// ballots arrived in; at the close the main database takes the ballots in
// receipt order (MeetingStore::append) and the box is wiped: overwritten
// with zeros, synced and removed.
//
// The box commits before the main database does, so after a crash it may be
// one batch ahead of the event log. That batch is marked with the chain seq
// the main file must reach for it to count: its new ballots' receipts in one
// row (table `pending_new`), what each changed ballot said before in a row
// of its own (table `pending`). settle() undoes the batch when the main file
// did not reach that seq. The mark covers the latest batch only and is
// zeroed when the next batch is written.
//
// Owned by the thread that owns its MeetingStore.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/events.hpp"
#include "core/result.hpp"
#include "store/sqlite.hpp"

namespace gavel::store {

class BallotBox {
 public:
  // The box of vote `vote` of meeting `meeting` beside the main file `main`.
  // A main database in memory (":memory:", as tests and fuzzing use) keeps
  // its boxes in memory too: nothing is written beside it, nothing to wipe.
  static std::filesystem::path file_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote);
  // The votes of `meeting` that have a box on disk beside `main`, in order.
  static std::vector<core::Id> on_disk(const std::filesystem::path& main, std::int64_t meeting);
  static core::Result<BallotBox> open(const std::filesystem::path& file, std::int64_t meeting);
  // Overwrites the box (and its WAL) with zeros, syncs, and removes it. The
  // box must be closed (no BallotBox open on it).
  static core::Status wipe(const std::filesystem::path& file);

  // Writes (or replaces, by receipt) the ballots in one transaction, marked
  // pending until the main file's chain reaches `upto`.
  core::Status put(std::span<const core::SecretBallot* const> ballots, core::Seq upto);
  // Keeps the pending batch if the main file's chain reached its seq,
  // undoes it otherwise; either way the mark is gone afterwards.
  core::Status settle(core::Seq main_head);
  // Every ballot, in receipt order, with `vote` as its vote id.
  core::Result<std::vector<core::SecretBallot>> ballots(core::Id vote);

  const std::filesystem::path& file() const { return file_; }

 private:
  BallotBox(Database db, std::filesystem::path file, std::int64_t meeting)
      : db_(std::move(db)), file_(std::move(file)), meeting_(meeting) {}
  core::Status prepare_statements();
  core::Status load_receipts();

  Database db_;
  std::filesystem::path file_;
  std::int64_t meeting_ = 0;
  Statement remember_, upsert_, clear_pending_, mark_new_, clear_new_, drop_;
  // The receipts in the box: a new ballot is marked without looking it up
  // (the lookup was half of a ballot's cost on the log writer's thread).
  std::unordered_set<std::string> held_;
};

// Choices as the ballot tables keep them: "0,2".
std::string join_choices(const std::vector<std::uint32_t>& choices);
std::vector<std::uint32_t> split_choices(const std::string& text);

}  // namespace gavel::store
