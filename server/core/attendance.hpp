// Who is here: present count, quorum and the composition by roster group
// (the seeds ask that the room's make-up be visible).
#pragma once

#include <string>
#include <vector>

#include "state.hpp"

namespace gavel::core {

struct GroupPresence {
  std::string group;
  std::uint32_t present = 0;
  std::uint32_t total = 0;
};

struct AttendanceView {
  std::uint32_t present = 0;          // everyone checked in, invited members included
  std::uint32_t present_members = 0;  // fixed members checked in: what quorum counts
  std::uint32_t fixed_members = 0;
  std::uint32_t present_invited = 0;  // invited members (列席) checked in: never part of quorum
  std::uint32_t invited_members = 0;
  std::uint32_t quorum_needed = 0;
  bool quorate = false;
  std::vector<GroupPresence> by_group;  // in roster order of first appearance
};

AttendanceView attendance(const MeetingState& state);
bool is_quorate(const MeetingState& state);
// Invited members take part only in the items they were invited for.
bool may_take_part(const Member& member, const std::string& item_id);

}  // namespace gavel::core
