// Batched live tallies of a secret vote: shown at most every few seconds and
// only once several new ballots arrived, so that a change on the projector
// cannot be matched to one person pressing. Only when the meeting file
// allows it and the chair asked for it when opening the vote.
#pragma once

#include <optional>

#include "state.hpp"

namespace gavel::core {

constexpr Millis kLiveTallyEvery = 3 * kSecond;
constexpr std::uint32_t kLiveTallyBatch = 5;

// When the open vote's next live tally may be published; nullopt when none
// is owed (not a live-tally vote, or fewer than kLiveTallyBatch new or
// changed ballots since the last one).
std::optional<Millis> live_tally_due(const MeetingState& state);

}  // namespace gavel::core
