#include "model/view.hpp"

#include <algorithm>

namespace gavel::display {

const char* view_name(View view) {
  switch (view) {
    case View::join: return "join";
    case View::agenda: return "agenda";
    case View::debate: return "debate";
    case View::vote: return "vote";
    case View::result: return "result";
    case View::ended: return "ended";
  }
  return "?";
}

View choose_view(const v1::MeetingSnapshot& s) {
  if (s.phase() == v1::MEETING_ENDED) return View::ended;
  if (s.phase() != v1::MEETING_IN_SESSION) return View::join;
  if (s.current_vote().id() != 0 && s.current_vote().open()) return View::vote;
  if (fresh_result(s)) return View::result;
  if (!s.current_item_id().empty()) return View::debate;
  return View::agenda;
}

const v1::AgendaItem* current_item(const v1::MeetingSnapshot& s) {
  if (s.current_item_id().empty()) return nullptr;
  for (const v1::AgendaItem& item : s.agenda())
    if (item.id() == s.current_item_id()) return &item;
  return nullptr;
}

int item_number(const v1::MeetingSnapshot& s) {
  if (s.current_item_id().empty()) return 0;
  for (int i = 0; i < s.agenda_size(); ++i)
    if (s.agenda(i).id() == s.current_item_id()) return i + 1;
  return 0;
}

const v1::Participant* find_participant(const v1::MeetingSnapshot& s, const std::string& id) {
  for (const v1::Participant& p : s.roster())
    if (p.id() == id) return &p;
  return nullptr;
}

const v1::Vote* fresh_result(const v1::MeetingSnapshot& s) {
  if (s.votes().empty() || s.current_item_id().empty()) return nullptr;
  const v1::Vote& last = *s.votes().rbegin();
  if (last.item_id() != s.current_item_id()) return nullptr;
  // Anything the debate did after the vote closed moves the room on.
  std::int64_t latest = 0;
  if (s.current_speech().id() != 0) latest = s.current_speech().started_ms();
  for (const v1::Speech& speech : s.speeches())
    if (speech.item_id() == s.current_item_id()) latest = std::max(latest, speech.started_ms());
  for (const v1::Motion& motion : s.motions())
    if (motion.item_id() == s.current_item_id()) latest = std::max(latest, motion.moved_ms());
  return last.closed_ms() >= latest ? &last : nullptr;
}

const v1::Motion* motion_on_floor(const v1::MeetingSnapshot& s) {
  for (auto it = s.motions().rbegin(); it != s.motions().rend(); ++it) {
    if (it->item_id() != s.current_item_id()) continue;
    if (it->state() == v1::MOTION_PROPOSED || it->state() == v1::MOTION_DEBATE || it->state() == v1::MOTION_VOTING)
      return &*it;
  }
  return nullptr;
}

}  // namespace gavel::display
