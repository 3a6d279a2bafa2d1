#include "net/resume_window.hpp"

namespace gavel::net {

void ResumeWindow::remember(v1::Event event) {
  events_.push_back(std::move(event));
  if (events_.size() > capacity_) events_.pop_front();
}

std::optional<std::vector<const v1::Event*>> ResumeWindow::missed(core::Seq after, core::Seq upto) const {
  if (after == 0 || after > upto || upto - after > max_missed_) return std::nullopt;
  std::vector<const v1::Event*> out;
  if (after == upto) return out;
  if (events_.empty() || events_.front().seq() > after + 1 || events_.back().seq() < upto) return std::nullopt;
  // Seqs are consecutive in the window: the first missed one is found by arithmetic.
  auto first = static_cast<std::size_t>(after + 1 - events_.front().seq());
  for (std::size_t i = first; i < events_.size() && events_[i].seq() <= upto; ++i) out.push_back(&events_[i]);
  return out;
}

}  // namespace gavel::net
