#include "net/ballot_log.hpp"

namespace gavel::net {

void BallotLog::recorded(core::Seq seq) {
  if (count_++ == 0) first_ = seq;
  last_ = seq;
  if (scheduled_) return;
  scheduled_ = true;
  std::weak_ptr<char> life = life_;
  post_after_(every_, [this, life] {
    if (!life.lock()) return;
    scheduled_ = false;
    flush();
  });
}

void BallotLog::flush() {
  if (count_ == 0) return;
  std::string seqs = "#" + std::to_string(first_) + (last_ != first_ ? "-#" + std::to_string(last_) : "");
  line_(seqs + " cast_ballot: " + std::to_string(count_) + (count_ == 1 ? " ballot" : " ballots"));
  count_ = 0;
}

}  // namespace gavel::net
