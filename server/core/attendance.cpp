#include "attendance.hpp"

#include <algorithm>
#include <cmath>

namespace gavel::core {

namespace {
std::uint32_t quorum_needed(const MeetingState& s, std::uint32_t fixed_members) {
  auto by_fraction = static_cast<std::uint32_t>(
      std::ceil(s.info.quorum.min_fraction * static_cast<double>(fixed_members) - 1e-9));
  return std::max(s.info.quorum.min_present, by_fraction);
}
}  // namespace

AttendanceView attendance(const MeetingState& s) {
  AttendanceView view;
  for (const Member& m : s.roster) {
    if (!m.info.invited) ++view.fixed_members;
    if (m.info.invited) ++view.invited_members;
    if (m.present && m.info.invited) ++view.present_invited;
    if (m.present) ++view.present;
    if (m.present && !m.info.invited) ++view.present_members;
    auto g = std::find_if(view.by_group.begin(), view.by_group.end(),
                          [&](const GroupPresence& p) { return p.group == m.info.group; });
    if (g == view.by_group.end()) {
      view.by_group.push_back({m.info.group, 0, 0});
      g = view.by_group.end() - 1;
    }
    ++g->total;
    if (m.present) ++g->present;
  }
  view.quorum_needed = quorum_needed(s, view.fixed_members);
  // Invited members (the "N" of 1+N) are guests of an item, not members of
  // the body: they cannot make up its quorum.
  view.quorate = view.present_members >= view.quorum_needed;
  return view;
}

bool is_quorate(const MeetingState& s) { return attendance(s).quorate; }

bool may_take_part(const Member& m, const std::string& item_id) {
  if (!m.info.invited) return true;
  const auto& items = m.info.invited_items;
  return std::find(items.begin(), items.end(), item_id) != items.end();
}

}  // namespace gavel::core
