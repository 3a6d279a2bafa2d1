#include "net/handout.hpp"

#include <algorithm>

namespace gavel::net {

void Handout::hand(Delivery& d) {
  if (d.snapshot) d.peer->deliver_snapshot(std::move(d.frame));
  else d.peer->deliver(std::move(d.frame), true);
}

void Handout::add(std::vector<Delivery> deliveries, Spread spread) {
  if (!post_) {
    for (Delivery& d : deliveries) hand(d);
    return;
  }
  bool start = false;
  {
    std::lock_guard lock(mutex_);
    for (Delivery& d : deliveries) queue_.push_back(std::move(d));
    pause_ = pause_for(queue_.size(), spread);
    if (!handing_ && !queue_.empty()) start = handing_ = true;
  }
  if (start) post_(Pause::zero(), [self = shared_from_this()] { self->hand_next_slice(); });
}

Handout::Pause Handout::pause_for(std::size_t queued, Spread spread) const {
  auto slices = static_cast<Pause::rep>((queued + slice_ - 1) / slice_);
  return slices == 0 ? Pause::zero() : std::min(spread.longest, spread.over / slices);
}

void Handout::hand_next_slice() {
  std::vector<Delivery> slice;
  {
    std::lock_guard lock(mutex_);
    auto n = static_cast<std::ptrdiff_t>(std::min(slice_, queue_.size()));
    slice.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.begin() + n));
    queue_.erase(queue_.begin(), queue_.begin() + n);
  }
  for (Delivery& d : slice) hand(d);
  Pause next;
  {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
      handing_ = false;
      return;
    }
    next = pause_;
  }
  post_(next, [self = shared_from_this()] { self->hand_next_slice(); });
}

}  // namespace gavel::net
