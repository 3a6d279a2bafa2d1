// Turns the choices a person types ("2", "赞成", "yes") into the option
// indexes of the open vote, which the snapshot describes. Pure, any thread.
#pragma once

#include "args.hpp"
#include "invocation.hpp"

namespace gavel::cli {

// Fails when a choice matches no option, or names one when no vote is open.
Checked<v1::Command> ballot_command(const CastVote& cast, const v1::MeetingSnapshot& snapshot);

}  // namespace gavel::cli
