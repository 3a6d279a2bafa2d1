// Which view the room needs now, chosen from the meeting's state alone, and
// the lookups the panels share. Pure; any thread.
#pragma once

#include <string>

#include "gavel/v1/meeting.pb.h"

namespace gavel::display {

enum class View {
  join,    // before the meeting: title, QR code, attendance
  agenda,  // in session with no item open: the agenda with each item's state, QR code
  debate,  // an item is open: speaker, countdown, queue
  vote,    // a vote is open: question, turnout, live counts when allowed
  result,  // the vote just closed on this item, until the debate moves on
  ended,   // the meeting is over: a summary of what was decided
};

const char* view_name(View view);  // "join", "debate", ... for --status

View choose_view(const v1::MeetingSnapshot& snapshot);

const v1::AgendaItem* current_item(const v1::MeetingSnapshot& snapshot);
int item_number(const v1::MeetingSnapshot& snapshot);  // 1-based; 0 when none is open
const v1::Participant* find_participant(const v1::MeetingSnapshot& snapshot, const std::string& id);
// The vote that closed on the current item after its last speech or motion
// began: the room still looks at its result. Null when there is none.
const v1::Vote* fresh_result(const v1::MeetingSnapshot& snapshot);
// The motion on the current item that is waiting for a second or debated.
const v1::Motion* motion_on_floor(const v1::MeetingSnapshot& snapshot);

}  // namespace gavel::display
