#include "state.hpp"

namespace gavel::core {

const Member* MeetingState::member(const std::string& id) const {
  auto it = roster_index.find(id);
  return it == roster_index.end() ? nullptr : &roster[it->second];
}
Member* MeetingState::member(const std::string& id) {
  auto it = roster_index.find(id);
  return it == roster_index.end() ? nullptr : &roster[it->second];
}
const Item* MeetingState::item(const std::string& id) const {
  auto it = agenda_index.find(id);
  return it == agenda_index.end() ? nullptr : &agenda[it->second];
}
Item* MeetingState::item(const std::string& id) {
  auto it = agenda_index.find(id);
  return it == agenda_index.end() ? nullptr : &agenda[it->second];
}
const Item* MeetingState::open_item() const {
  return current_item ? &agenda[*current_item] : nullptr;
}
const Motion* MeetingState::motion(Id id) const {
  return id >= 1 && id <= motions.size() ? &motions[id - 1] : nullptr;
}
Motion* MeetingState::motion(Id id) {
  return id >= 1 && id <= motions.size() ? &motions[id - 1] : nullptr;
}
const Vote* MeetingState::open_vote() const {
  return !votes.empty() && votes.back().open ? &votes.back() : nullptr;
}
Vote* MeetingState::open_vote() {
  return !votes.empty() && votes.back().open ? &votes.back() : nullptr;
}

}  // namespace gavel::core
