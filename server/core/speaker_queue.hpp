// Where a new request to speak goes in the queue. Points of order go to the
// front, short replies right after them; other requests follow the meeting's
// rules: people who have not spoken on the item first, and roster groups
// taken in turn so that one group cannot fill the list.
#pragma once

#include <cstddef>

#include "state.hpp"

namespace gavel::core {

std::size_t insert_position(const MeetingState& state, const SpeakRequest& request);
std::uint32_t speeches_on_item(const MeetingState& state, const std::string& participant_id,
                               const std::string& item_id);

}  // namespace gavel::core
