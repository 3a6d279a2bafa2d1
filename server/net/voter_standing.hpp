// Where a participant stands in the open vote, for their welcome: whether
// they may vote, whether their ballot is in, and whether a new one would
// replace it (and which clickers' holders have voted). A phone reloaded mid-vote then shows 已投票 instead of a fresh
// ballot. Pure: reads the state and the receipt the hall still holds.
#pragma once

#include <string>

#include "core/state.hpp"
#include "gavel/v1/envelope.pb.h"

namespace gavel::net {

// `receipt`: the participant's receipt in the open secret vote as the
// ReceiptBook holds it (empty after a restart, or for a named vote).
v1::VoterStanding standing_of(const core::MeetingState& state, const std::string& participant,
                              const std::string& receipt);

// The chair's clicker view: marks each paired device whose holder has a
// ballot in the open vote. Pool devices stay unmarked: nothing the chair sees
// may tie a lent device to a person's vote.
void mark_voted_clickers(const core::MeetingState& state, v1::ClickerFleet* fleet);

}  // namespace gavel::net
