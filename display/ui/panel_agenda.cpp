// In session with no item open: the agenda with each item's state, so the
// room sees what was done and what comes next; attendance and the join code
// beside it for latecomers.
#include <algorithm>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {
Rgb state_colour(v1::ItemState state) {
  switch (state) {
    case v1::ITEM_OPEN: return palette::kAccent;
    case v1::ITEM_CLOSED: return palette::kGood;
    case v1::ITEM_NOT_REACHED:
    case v1::ITEM_DEFERRED: return palette::kTimerWarning;
    default: return palette::kTrack;
  }
}
}  // namespace

void draw_agenda(Canvas& c, const Frame& f, Box box) {
  const float pad = c.u(72);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float split = box.min.x + box.width() * 0.64f;
  const float left = box.min.x + pad;
  const float width = split - left - c.u(40);
  float y = box.min.y + c.u(40);
  y += c.line(c.fonts().heading, heading, left, y, palette::kText, tr(f.lang, Text::agenda), width).y + c.u(30);

  const float bottom = box.max.y - c.u(60) - text * 2.4f - heading;
  const int items = std::max(1, f.snapshot.agenda_size());
  const float row = std::min(heading * 1.9f, (bottom - y) / static_cast<float>(items));
  const float row_px = std::min(heading * 0.85f, row / 1.5f);
  const float badge_px = row_px * 0.75f;
  const float badge_width = c.u(200);
  for (int i = 0; i < f.snapshot.agenda_size(); ++i) {
    const v1::AgendaItem& item = f.snapshot.agenda(i);
    c.line(c.fonts().heading, row_px, left, y, palette::kMuted, std::to_string(i + 1));
    const float title_x = left + c.u(70);
    const Rgb plate = state_colour(item.state());
    const bool dark_ink = item.state() != v1::ITEM_PENDING;
    c.badge(title_x, y + (row_px - badge_px) * 0.3f, badge_px, item_state_word(f.lang, item.state()), plate,
            dark_ink ? palette::kBadgeText : palette::kText);
    c.line(c.fonts().heading, row_px, title_x + badge_width, y, palette::kText, item.title(),
           left + width - title_x - badge_width);
    y += row;
  }
  draw_attendance(c, f, left, box.max.y - c.u(60), width, heading);

  const float column = box.max.x - split - pad;
  const float label = text * 1.1f;
  const float top = box.min.y + c.u(40);
  const float cx = split + column / 2;
  c.line(c.fonts().heading, label, cx, top, palette::kText, tr(f.lang, Text::scan_to_join), column, Align::center);
  draw_join_code(c, f, Box{ImVec2(split, top + label * 1.6f), ImVec2(split + column, box.max.y - c.u(60))}, text * 0.85f);
}

}  // namespace gavel::display
