// The sample residents' council (examples/residents-council) run through the
// engine on a fixed clock: two items discussed with speeches (one in
// overtime, one point of order), dissent with a reply, motions (one
// withdrawn), a secret weighted vote and an open one, two resolutions; the
// third item left for next time. The minutes tests draft from it.
#pragma once

#include "support/meeting_driver.hpp"

namespace gavel::test {

// 2026-03-21 14:30 Beijing time, the file's scheduled start.
constexpr core::Millis kSampleStart = 1'774'074'600'000;

core::MeetingSetup sample_council();
// Runs the meeting to its end (the minutes then are a draft).
void run_sample_meeting(MeetingDriver& m);

}  // namespace gavel::test
