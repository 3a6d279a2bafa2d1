// A meeting of the record folded back into the engine's state, from its
// stored setup and event bytes: what the archive needs to draft an archived
// meeting's minutes and to decide its follow-up, without gaveld. The secret
// ballot box is not read: a finished meeting's votes are closed, and their
// tallies are in the close events. Caller's thread.
#pragma once

#include "core/meeting.hpp"
#include "core/result.hpp"
#include "gavel/v1/record.pb.h"

namespace gavel::record {

core::Result<core::Meeting> meeting_of(const v1::MeetingRecord& record);

}  // namespace gavel::record
