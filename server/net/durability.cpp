#include "net/durability.hpp"

namespace gavel::net {

Durability::Durability(std::unique_ptr<store::LogWriter> writer, Post post, Failed failed)
    : writer_(std::move(writer)), post_(std::move(post)), failed_(std::move(failed)) {}

void Durability::submit(store::Commit commit, std::function<void()> then) {
  waiting_.emplace_back();
  if (then) waiting_.back().push_back(std::move(then));
  std::weak_ptr<char> life = life_;
  writer_->submit(std::move(commit), [this, life, post = post_](const core::Status& status) {
    post([this, life, status] {
      if (life.lock()) done(status);
    });
  });
}

void Durability::when_durable(std::function<void()> then) {
  if (waiting_.empty()) return post_(std::move(then));
  waiting_.back().push_back(std::move(then));
}

void Durability::done(const core::Status& status) {
  auto after = std::move(waiting_.front());
  waiting_.pop_front();
  // Nothing that waited on a failed commit runs: it was not recorded.
  if (!status) return failed_(status.error());
  for (auto& then : after) then();
}

}  // namespace gavel::net
