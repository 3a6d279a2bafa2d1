// An item under debate: its title, who has the floor with a countdown large
// enough to read across the room (amber in the last minute, red with the
// overtime after it), who speaks next, and the motion on the floor.
#include <algorithm>

#include "model/countdown.hpp"
#include "model/view.hpp"
#include "ui/panels.hpp"

namespace gavel::display {

namespace {

std::string name_of(const Frame& f, const std::string& id, std::string* group = nullptr) {
  const v1::Participant* p = find_participant(f.snapshot, id);
  if (group) *group = p ? p->group() : "";
  return p ? p->name() : id;
}

// Between speeches the room reads what the item is about: its background
// and the draft proposal (五步议事法: published before the meeting).
void draw_item_text(Canvas& c, const Frame& f, Box card) {
  const float pad = c.u(44);
  const float text = c.metrics().text_px;
  const v1::AgendaItem* item = current_item(f.snapshot);
  const float width = card.width() - 2 * pad;
  float y = card.min.y + c.u(26);
  c.line(c.fonts().text, text * 0.9f, card.min.x + pad, y, palette::kMuted, tr(f.lang, Text::waiting_for_speaker), width);
  y += text * 1.6f;
  if (!item || (item->background().empty() && item->proposal().empty())) return;
  const float room = card.max.y - y - c.u(30);
  const bool both = !item->background().empty() && !item->proposal().empty();
  const float part = both ? room / 2 : room;
  const float body = text * 0.95f;
  const int lines = std::max(1, static_cast<int>((part - text * 1.4f) / (body * 1.25f)));
  for (const auto& [label, content] : {std::pair{Text::background, &item->background()},
                                       std::pair{Text::proposal, &item->proposal()}}) {
    if (content->empty()) continue;
    c.line(c.fonts().heading, text, card.min.x + pad, y, palette::kAccent, tr(f.lang, label), width);
    c.paragraph(c.fonts().text, body, body * 0.8f, ImVec2(card.min.x + pad, y + text * 1.4f), width, lines,
                palette::kText, *content);
    y += part;
  }
}

void draw_speaker(Canvas& c, const Frame& f, Box card) {
  const float pad = c.u(44);
  const float text = c.metrics().text_px;
  const v1::Speech& speech = f.snapshot.current_speech();
  if (speech.id() == 0) {
    draw_item_text(c, f, card);
    return;
  }
  float x = card.min.x + pad;
  float y = card.min.y + c.u(30);
  x += c.line(c.fonts().text, text, x, y, palette::kAccent, tr(f.lang, Text::speaking)).x + c.u(28);
  if (speech.kind() == v1::REQUEST_POINT_OF_ORDER)
    c.badge(x, y - text * 0.1f, text, tr(f.lang, Text::point_of_order), palette::kBadge, palette::kBadgeText);
  y += text * 1.5f;

  std::string group;
  const std::string name = name_of(f, speech.participant_id(), &group);
  const float name_px = c.metrics().heading_px * 1.15f;
  const float name_width = c.line(c.fonts().heading, name_px, card.min.x + pad, y, palette::kText, name,
                                  card.width() * 0.62f).x;
  if (!group.empty()) {
    // Read from the back of the room: as large as the labels, on a plate.
    const float group_px = text * 1.1f;
    c.badge(card.min.x + pad + name_width + c.u(30), y + name_px - group_px * 1.35f, group_px, group,
            palette::kTrack, palette::kText);
  }
  y += name_px * 1.2f;

  const Countdown timer = countdown(speech, f.server_now_ms);
  const Rgb ink = timer_colour(timer.phase);
  const float status_px = text * 1.1f;
  const float room = card.max.y - y - status_px * 1.6f;
  const float clock_px = std::min(c.metrics().clock_px, room);
  const float cx = (card.min.x + card.max.x) / 2;
  c.line(c.fonts().clock, clock_px, cx, y, ink, timer.text, card.width() - 2 * pad, Align::center);
  if (timer.phase == TimerPhase::paused) {
    // Dark text on the light plate: contrast well above AA, and large.
    const float px = text * 1.4f;
    const float w = c.measure(c.fonts().heading, px, tr(f.lang, Text::paused)).x + px;
    c.badge(cx - w / 2, card.max.y - px * 1.6f, px, tr(f.lang, Text::paused), palette::kTimerPaused,
            palette::kBadgeText);
  } else if (timer.phase == TimerPhase::overtime) {
    c.line(c.fonts().heading, status_px, cx, card.max.y - status_px * 1.5f, ink, tr(f.lang, Text::overtime),
           card.width() - 2 * pad, Align::center);
  }
}

void draw_queue(Canvas& c, const Frame& f, Box column) {
  const float text = c.metrics().text_px;
  const v1::SpeakerQueue& queue = f.snapshot.queue();
  float y = column.min.y + c.u(30);
  const float label = c.line(c.fonts().text, text, column.min.x, y, palette::kAccent,
                             tr(f.lang, Text::speakers_list)).x;
  if (queue.closed())
    c.badge(column.min.x + label + c.u(24), y - text * 0.1f, text * 0.9f, tr(f.lang, Text::list_closed),
            palette::kBadge, palette::kBadgeText);
  y += text * 1.7f;

  if (queue.requests().empty()) {
    c.line(c.fonts().text, text, column.min.x, y, palette::kMuted, tr(f.lang, Text::nobody_waiting), column.width());
    return;
  }
  // At least five names and the "more" line fit: the rows shrink to make room.
  constexpr int kMinRows = 6;
  const float row = std::min(text * 1.1f * 1.6f, (column.max.y - y) / kMinRows);
  const float row_px = std::min(text * 1.1f, row / 1.45f);
  const int fits = std::max(kMinRows, static_cast<int>((column.max.y - y) / row));
  const int total = queue.requests_size();
  const int shown = total <= fits ? total : fits - 1;
  for (int i = 0; i < shown; ++i) {
    const v1::SpeakRequest& request = queue.requests(i);
    std::string group;
    const std::string name = name_of(f, request.participant_id(), &group);
    float x = column.min.x;
    c.line(c.fonts().text, row_px, x, y, palette::kMuted, std::to_string(i + 1));
    x += c.u(70);
    x += c.line(c.fonts().heading, row_px, x, y, palette::kText, name, column.width() * 0.55f).x + c.u(24);
    const char* kind = request_kind_word(f.lang, request.kind());
    if (*kind) {
      const bool order = request.kind() == v1::REQUEST_POINT_OF_ORDER;
      x += c.badge(x, y, row_px * 0.8f, kind, order ? palette::kBadge : palette::kTrack,
                   order ? palette::kBadgeText : palette::kText) + c.u(20);
    }
    if (x < column.max.x - c.u(60))
      c.line(c.fonts().text, row_px * 0.95f, x, y + row_px * 0.05f, palette::kMuted, group, column.max.x - x);
    y += row;
  }
  if (shown < total)
    c.line(c.fonts().text, row_px, column.min.x + c.u(70), y, palette::kMuted,
           fill(tr(f.lang, Text::more_waiting), {std::to_string(total - shown)}));
}

}  // namespace

void draw_debate(Canvas& c, const Frame& f, Box box) {
  const float pad = c.u(72);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float left = box.min.x + pad;
  const float width = box.width() - 2 * pad;
  float y = box.min.y + c.u(36);

  const v1::AgendaItem* item = current_item(f.snapshot);
  const std::string number = fill(tr(f.lang, Text::item_of), {std::to_string(item_number(f.snapshot)),
                                                                std::to_string(f.snapshot.agenda_size())});
  y += c.line(c.fonts().text, text, left, y, palette::kAccent, number).y + c.u(8);
  y += c.paragraph(c.fonts().heading, heading, heading * 0.75f, ImVec2(left, y), width, 2, palette::kText,
                   item ? item->title() : "") + c.u(28);

  float bottom = box.max.y - c.u(40);
  if (const v1::Motion* motion = motion_on_floor(f.snapshot)) {
    const float strip = text * 1.2f * 3 + c.u(20);
    bottom -= strip;
    const float label = c.line(c.fonts().text, text, left, bottom + c.u(20), palette::kAccent,
                               tr(f.lang, Text::motion)).x + c.u(24);
    const float used = c.paragraph(c.fonts().text, text, text * 0.8f, ImVec2(left + label, bottom + c.u(20)),
                                   width - label, 2, palette::kText, motion->text());
    // Robert's Rules: who moved it, and who seconded it (or that it waits for a second).
    std::string who = fill(tr(f.lang, Text::moved_by), {name_of(f, motion->mover_id())}) + "    ";
    who += motion->seconder_id().empty() ? tr(f.lang, Text::not_seconded)
                                         : fill(tr(f.lang, Text::seconded_by), {name_of(f, motion->seconder_id())});
    c.line(c.fonts().text, text * 0.9f, left + label, bottom + c.u(24) + used, palette::kMuted, who, width - label);
  }

  const float split = left + width * 0.6f;
  const Box card{ImVec2(left, y), ImVec2(split - c.u(24), bottom)};
  c.rect(card.min, card.max, palette::kPanel, c.u(16));
  draw_speaker(c, f, card);
  draw_queue(c, f, Box{ImVec2(split + c.u(32), y), ImVec2(box.max.x - pad, bottom)});
}

}  // namespace gavel::display
