#include "net/durability.hpp"

namespace gavel::net {

Durability::Durability(std::unique_ptr<store::LogWriter> writer, Post post, Failed failed)
    : writer_(std::move(writer)), post_(std::move(post)), failed_(std::move(failed)) {}

void Durability::submit(store::Commit commit, std::function<void()> then, std::function<void()> refused) {
  waiting_.push_back(InFlight{std::move(then), std::move(refused), {}});
  std::weak_ptr<char> life = life_;
  writer_->submit(std::move(commit), [this, life, post = post_](const core::Status& status) {
    post([this, life, status] {
      if (life.lock()) done(status);
    });
  });
}

void Durability::when_durable(std::function<void()> then) {
  if (waiting_.empty()) return post_(std::move(then));
  waiting_.back().waiters.push_back(std::move(then));
}

void Durability::done(const core::Status& status) {
  InFlight finished = std::move(waiting_.front());
  waiting_.pop_front();
  if (status) {
    if (finished.then) finished.then();
  } else {
    // Not recorded: the failure is handled (the state rebuilt) before anything else runs.
    failed_(status.error());
    if (finished.refused) finished.refused();
  }
  for (auto& waiter : finished.waiters) waiter();
}

}  // namespace gavel::net
