#include "log_writer.hpp"

namespace gavel::store {

LogWriter::LogWriter(MeetingStore store, MeetingId meeting, Sealer sealer)
    : store_(std::move(store)), meeting_(meeting), sealer_(std::move(sealer)) {
  // Read before the thread starts: afterwards the store is the thread's own.
  if (auto known = store_.chain_head(meeting_)) head_ = known.value();
  image_asked_ = head_.seq;  // a restart leaves an image at the head, or folded little
  if (auto stored = store_.checkpoints(meeting_); stored && !stored.value().empty())
    last_checkpoint_ = stored.value().back();
  thread_ = std::thread([this] { run(); });
}

LogWriter::~LogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void LogWriter::submit(Commit commit, Done done) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back({std::move(commit), std::move(done), false});
  }
  wake_.notify_one();
}

void LogWriter::mend(Commit probe, Done done) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back({std::move(probe), std::move(done), true});
  }
  wake_.notify_one();
}

ChainHead LogWriter::head() const {
  std::lock_guard lock(mutex_);
  return head_;
}

std::optional<StoredCheckpoint> LogWriter::last_checkpoint() const {
  std::lock_guard lock(mutex_);
  return last_checkpoint_;
}

std::optional<StateImage> LogWriter::image_if_due(const core::MeetingState& state, core::Id closed_vote) {
  {
    std::lock_guard lock(mutex_);
    if (!closed_vote && state.seq < image_asked_ + kImageEvery) return std::nullopt;
    image_asked_ = state.seq;
  }
  return image_of(state, closed_vote ? closed_vote : state.next_vote);
}

std::size_t LogWriter::transactions() const {
  std::lock_guard lock(mutex_);
  return transactions_;
}

namespace {
// Nothing to write: settled once everything before it is, whatever happened to that.
bool is_barrier(const Commit& c) {
  return c.events.empty() && c.ballots.empty() && !c.veto && c.audit.empty() && !c.closed_vote && !c.image && !c.seal;
}
}  // namespace

void LogWriter::run() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping, and nothing left to write
      batch.swap(pending_);
    }
    if (failure_) {
      // Stopped: refuse everything before the latest mend, try the rest.
      std::size_t first = batch.size();
      for (std::size_t i = batch.size(); i-- > 0;)
        if (batch[i].mends) {
          first = i;
          break;
        }
      for (std::size_t i = 0; i < first; ++i)
        batch[i].done(is_barrier(batch[i].commit) ? core::Status(core::Ok{}) : core::Status(*failure_));
      batch.erase(batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(first));
      if (!batch.empty()) failure_.reset();
    }
    if (!batch.empty()) write(batch);
    batch.clear();
  }
}

void LogWriter::write(std::vector<Pending>& batch) {
  std::vector<const Commit*> commits;
  std::vector<bool> barrier;
  std::optional<StoredCheckpoint> sealed;
  for (Pending& pending : batch) {
    Commit& commit = pending.commit;
    barrier.push_back(is_barrier(commit));
    // The commit's own seal, else the writer's: either way, remember
    // what was signed once it is committed.
    if (sealer_ || commit.seal)
      commit.seal = [this, &sealed, &c = commit, own = std::move(commit.seal)](const ChainHead& head) {
        auto checkpoint = own ? own(head) : sealer_(c, head);
        if (checkpoint) sealed = checkpoint;
        return checkpoint;
      };
    commits.push_back(&commit);
  }
  core::Status status = store_.append(meeting_, commits);
  const bool appended = static_cast<bool>(status);
  ChainHead head;
  if (appended)
    if (auto known = store_.chain_head(meeting_)) head = known.value();
  // A closed vote's ballots move into the ballot box inside append (store/vote_key.hpp).
  if (!appended) failure_ = status.error();
  {
    std::lock_guard lock(mutex_);
    ++transactions_;
    if (appended) head_ = head;
    if (appended && sealed) last_checkpoint_ = std::move(sealed);
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    core::Status outcome = status;
    if (barrier[i]) outcome = core::Ok{};
    else if (batch[i].mends && failure_) outcome = *failure_;
    batch[i].done(outcome);
  }
}

}  // namespace gavel::store
