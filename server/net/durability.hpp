// Makes commits durable through the one LogWriter and runs what waits on
// them on the hall's strand, in submission order: a command's answer and
// broadcast after its own commit, a welcome after every commit its snapshot
// holds (without a commit of its own). When the disk refuses a commit, one
// callback handles the failure (the hall rebuilds from the record) before
// that commit's `refused` runs; what waited on it then runs on the rebuilt state.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "store/log_writer.hpp"

namespace gavel::net {

class Durability {
 public:
  using Post = std::function<void(std::function<void()>)>;
  // On the strand, for each refused commit, before its `refused`.
  using Failed = std::function<void(const core::Error&)>;

  Durability(std::unique_ptr<store::LogWriter> writer, Post post, Failed failed);

  // `then` runs on the strand once `commit` is durable, `refused` instead
  // when the disk refused it (either may be empty).
  void submit(store::Commit commit, std::function<void()> then, std::function<void()> refused = {});
  // Tries the disk again after a failure (store::LogWriter::mend).
  void mend(store::Commit probe, store::LogWriter::Done done) { writer_->mend(std::move(probe), std::move(done)); }
  // A state checkpoint for this commit when one is due (store::LogWriter::image_if_due).
  std::optional<store::StateImage> image_if_due(const core::MeetingState& state, core::Id closed_vote) {
    return writer_->image_if_due(state, closed_vote);
  }
  // Runs `then` on the strand once everything submitted so far is durable:
  // posted at once when nothing is in flight.
  void when_durable(std::function<void()> then);
  std::size_t in_flight() const { return waiting_.size(); }
  // Stops the writer after everything submitted is durable.
  void close() { writer_.reset(); }
  // False once closed: late work (a PDF finished after the end) records nothing.
  bool open() const { return writer_ != nullptr; }

 private:
  void done(const core::Status& status);

  std::unique_ptr<store::LogWriter> writer_;
  Post post_;
  Failed failed_;
  struct InFlight {
    std::function<void()> then, refused;
    std::vector<std::function<void()>> waiters;  // when_durable() after it
  };
  std::deque<InFlight> waiting_;  // oldest first
  std::shared_ptr<char> life_ = std::make_shared<char>();
};

}  // namespace gavel::net
