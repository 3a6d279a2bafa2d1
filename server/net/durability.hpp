// Makes commits durable through the one LogWriter and runs what waits on
// them on the hall's strand, in submission order: a command's answer and
// broadcast after its own commit, a welcome after every commit its snapshot
// holds (without a commit of its own). What a storage failure does is one
// callback, so that it can be changed in one place.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "store/log_writer.hpp"

namespace gavel::net {

class Durability {
 public:
  using Post = std::function<void(std::function<void()>)>;
  // On the strand, instead of the failed commit's `then`.
  using Failed = std::function<void(const core::Error&)>;

  Durability(std::unique_ptr<store::LogWriter> writer, Post post, Failed failed);

  // `then` (may be empty) runs on the strand once `commit` is durable.
  void submit(store::Commit commit, std::function<void()> then);
  // Runs `then` on the strand once everything submitted so far is durable:
  // posted at once when nothing is in flight.
  void when_durable(std::function<void()> then);
  std::size_t in_flight() const { return waiting_.size(); }
  // Stops the writer after everything submitted is durable.
  void close() { writer_.reset(); }

 private:
  void done(const core::Status& status);

  std::unique_ptr<store::LogWriter> writer_;
  Post post_;
  Failed failed_;
  // One entry per commit in flight: what runs after it, oldest first.
  std::deque<std::vector<std::function<void()>>> waiting_;
  std::shared_ptr<char> life_ = std::make_shared<char>();
};

}  // namespace gavel::net
