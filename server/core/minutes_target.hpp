// What a secretary's edit of the minutes points at. Parts that are recorded
// facts (attendance, times, speeches, votes, motions, dissent, resolutions)
// take notes only; the prose parts of an item (title, background, proposal,
// the secretary's summary) may also be reworded. Targets are written
//   header | attendance | actions | item/<id> | item/<id>/<field> |
//   speech/<n> | dissent/<n> | motion/<n> | vote/<n> | resolution/<n>
// and are checked against the meeting's state, so a note never dangles.
#pragma once

#include <string>

#include "result.hpp"
#include "state.hpp"

namespace gavel::core {

enum class MinutesPart { header, attendance, actions, item, item_field, speech, dissent, motion, vote, resolution };

struct MinutesTarget {
  MinutesPart part = MinutesPart::header;
  std::string item_id;  // item and item_field
  std::string field;    // item_field: title, background, proposal, summary
  Id id = 0;            // speech, dissent, motion, vote, resolution
};

// Parses and checks a target; an unknown item or record is not_found.
Result<MinutesTarget> parse_minutes_target(const MeetingState& s, const std::string& target);

// Whether the secretary may reword it (true) or only annotate it.
bool rewordable(const MinutesTarget& target);

}  // namespace gavel::core
