// The one writer: a thread that owns the store's write connection and turns
// every burst of commits into one SQLite transaction (group commit), so a
// thousand votes cost a handful of fsyncs. `done` runs on the writer thread,
// in submission order, only after the transaction has committed.
//
// A failed transaction (a full disk, a file gone read-only) stops the writer:
// the engine is ahead of the disk by what failed, and a later commit that did
// succeed would leave a gap in the log. Until mend() succeeds every commit
// gets the failure back, except one with nothing to write (a barrier), which
// is settled with Ok once everything before it is.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/meeting_store.hpp"

namespace gavel::store {

class LogWriter {
 public:
  using Done = std::function<void(const core::Status&)>;
  // Asked after each commit's events are chained, inside its transaction:
  // a checkpoint to store with it, or none. Runs on the writer thread.
  using Sealer = std::function<std::optional<StoredCheckpoint>(const Commit&, const ChainHead&)>;

  LogWriter(MeetingStore store, MeetingId meeting, Sealer sealer = {});
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  void submit(Commit commit, Done done);
  // After a failure: writes `probe` (it should hold something, e.g. an audit
  // entry) as the first commit tried again; if it commits, the writer takes
  // commits again, else `done` gets the new failure.
  void mend(Commit probe, Done done);
  // How many transactions have committed so far (for tests and benchmarks).
  std::size_t transactions() const;
  // The chain head of everything committed so far.
  ChainHead head() const;
  // The latest signed checkpoint stored, if any.
  std::optional<StoredCheckpoint> last_checkpoint() const;

 private:
  struct Pending {
    Commit commit;
    Done done;
    bool mends = false;
  };
  void run();
  void write(std::vector<Pending>& batch);

  MeetingStore store_;
  MeetingId meeting_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Pending> pending_;
  bool stopping_ = false;
  std::size_t transactions_ = 0;
  ChainHead head_;
  Sealer sealer_;
  std::optional<StoredCheckpoint> last_checkpoint_;
  // Writer thread only: the failure that stopped the writer, and whether a
  // closed vote's ballots still wait to be sealed (sealing needs room too).
  std::optional<core::Error> failure_;
  bool unsealed_ = false;
  std::thread thread_;
};

}  // namespace gavel::store
