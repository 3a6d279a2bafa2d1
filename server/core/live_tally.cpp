#include "live_tally.hpp"

#include <algorithm>

namespace gavel::core {

std::optional<Millis> live_tally_due(const MeetingState& s) {
  const Vote* vote = s.open_vote();
  if (!vote || !vote->spec.secret || !vote->spec.live_tally || !s.info.live_tally_allowed) return std::nullopt;
  std::size_t moved = vote->voters.size() - vote->live_cast + vote->changes_since_live;
  if (moved < kLiveTallyBatch) return std::nullopt;
  return std::max(vote->opened, vote->live_at) + kLiveTallyEvery;
}

}  // namespace gavel::core
