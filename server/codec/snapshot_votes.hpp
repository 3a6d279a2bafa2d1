// The decision part of a snapshot: motions, the open vote, closed votes and
// resolutions. This is where ballot secrecy is kept on the way out.
#pragma once

#include "core/state.hpp"
#include "gavel/v1/meeting.pb.h"

namespace gavel::codec {

void add_decisions(const core::MeetingState& state, v1::MeetingSnapshot* out);

}  // namespace gavel::codec
