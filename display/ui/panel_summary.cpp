// After the end: what the meeting decided, item by item (the outcome of its
// last vote, or why there was none), and the resolutions with who carries
// them out and by when; the room leaves knowing the same thing.
#include <algorithm>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {
const v1::Vote* last_vote_on(const v1::MeetingSnapshot& s, const std::string& item_id) {
  for (auto it = s.votes().rbegin(); it != s.votes().rend(); ++it)
    if (it->item_id() == item_id) return &*it;
  return nullptr;
}

Rgb outcome_colour(v1::Outcome outcome) {
  switch (outcome) {
    case v1::OUTCOME_CARRIED:
    case v1::OUTCOME_CHOSEN: return palette::kGood;
    case v1::OUTCOME_NO_QUORUM: return palette::kTimerWarning;
    default: return palette::kBad;
  }
}
}  // namespace

void draw_summary(Canvas& c, const Frame& f, Box box) {
  const v1::MeetingSnapshot& s = f.snapshot;
  const float pad = c.u(80);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float left = box.min.x + pad;
  const float width = box.width() - 2 * pad;
  float y = box.min.y + c.u(50);
  const float title_w = c.line(c.fonts().heading, heading, left, y, palette::kText, tr(f.lang, Text::ended), width).x;
  c.line(c.fonts().text, text, left + title_w + c.u(36), y + heading - text * 1.15f, palette::kMuted, s.info().title(),
         width - title_w - c.u(36));
  y += heading * 1.5f;
  y += c.line(c.fonts().text, text, left, y, palette::kAccent, tr(f.lang, Text::summary)).y + c.u(16);

  const int resolutions = s.resolutions_size();
  const float bottom = box.max.y - c.u(50) - (resolutions ? text * 1.6f * static_cast<float>(2 * resolutions + 1) : 0);
  const float row = std::min(text * 2.4f, (bottom - y) / static_cast<float>(std::max(1, s.agenda_size())));
  const float row_px = std::min(text * 1.1f, row / 1.35f);
  for (const v1::AgendaItem& item : s.agenda()) {
    const float column_w = width * 0.55f;
    c.line(c.fonts().heading, row_px, left, y, palette::kText, item.title(), column_w - c.u(20));
    const float x = left + column_w;
    if (const v1::Vote* vote = last_vote_on(s, item.id()); vote && vote->has_result()) {
      const v1::VoteResult& r = vote->result();
      float w = c.badge(x, y, row_px * 0.9f, outcome_word(f.lang, r.outcome()), outcome_colour(r.outcome()),
                        palette::kBadgeText);
      std::string detail;
      if (r.chosen_option() >= 0 && r.chosen_option() < vote->spec().options_size())
        detail = vote->spec().options(r.chosen_option()) + "  —  ";
      for (int i = 0; i < r.counts_size(); ++i)
        detail += (i ? " · " : "") + r.counts(i).option() + " " + std::to_string(r.counts(i).count());
      c.line(c.fonts().text, row_px * 0.85f, x + w + c.u(20), y + row_px * 0.08f, palette::kMuted, detail,
             left + width - x - w - c.u(20));
    } else {
      const char* state = item.state() == v1::ITEM_CLOSED ? tr(f.lang, Text::no_decision) : item_state_word(f.lang, item.state());
      c.badge(x, y, row_px * 0.9f, state, palette::kTrack, palette::kText);
    }
    y += row;
  }
  if (resolutions == 0) return;
  y = std::max(y + c.u(20), bottom);
  y += c.line(c.fonts().text, text, left, y, palette::kAccent, tr(f.lang, Text::resolutions)).y + c.u(12);
  for (const v1::Resolution& r : s.resolutions()) {
    y += c.line(c.fonts().heading, text, left, y, palette::kText, r.text(), width).y + c.u(6);
    y += c.line(c.fonts().text, text * 0.9f, left + c.u(40), y, palette::kMuted,
                fill(tr(f.lang, Text::responsible), {r.responsible(), r.deadline()}), width - c.u(40)).y + c.u(14);
  }
}

}  // namespace gavel::display
