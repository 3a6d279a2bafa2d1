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
    pending_.emplace_back(std::move(commit), std::move(done));
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

void LogWriter::run() {
  std::vector<std::pair<Commit, Done>> batch;
  std::vector<const Commit*> commits;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping, and nothing left to write
      batch.swap(pending_);
    }
    commits.clear();
    std::optional<StoredCheckpoint> sealed;
    for (auto& [commit, done] : batch) {
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
    {
      std::lock_guard lock(mutex_);
      ++transactions_;
      if (appended) head_ = head;
      if (appended && sealed) last_checkpoint_ = std::move(sealed);
    }
    for (auto& [commit, done] : batch) done(status);
    batch.clear();
  }
}

}  // namespace gavel::store
