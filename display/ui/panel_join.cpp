// Before the meeting: what the meeting is, a QR code large enough to scan
// from the back rows, and who has checked in.
#include <algorithm>

#include "ui/panels.hpp"

namespace gavel::display {

void draw_join(Canvas& c, const Frame& f, Box box) {
  const v1::MeetingInfo& info = f.snapshot.info();
  const float pad = c.u(80);
  const float split = box.min.x + box.width() * 0.56f;
  const float left = box.min.x + pad;
  const float width = split - left - c.u(40);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;

  float y = box.min.y + c.u(70);
  const Text phase = f.snapshot.phase() == v1::MEETING_IN_SESSION ? Text::in_session : Text::not_started;
  y += c.line(c.fonts().text, text, left, y, palette::kAccent, tr(f.lang, phase), width).y + c.u(24);
  y += c.paragraph(c.fonts().heading, heading, heading * 0.7f, ImVec2(left, y), width, 3, palette::kText,
                   info.title()) + c.u(28);
  std::string when_where = info.date();
  if (!info.place().empty()) when_where += (when_where.empty() ? "" : "  ") + info.place();
  y += c.paragraph(c.fonts().text, text, text * 0.8f, ImVec2(left, y), width, 2, palette::kMuted, when_where);
  if (!info.chair_name().empty()) {
    y += c.line(c.fonts().text, text, left, y, palette::kMuted, fill(tr(f.lang, Text::chair), {info.chair_name()}),
                width).y;
  }

  // Attendance at the bottom of the column, large: the chair waits on it.
  const float bottom = box.max.y - c.u(90);
  draw_attendance(c, f, left, bottom, width, heading * 1.2f);

  // The QR code fills the right column; the URL under it for those who type.
  const float column = box.max.x - split - pad;
  const float label = text * 1.1f;
  const float url = text * 0.9f;
  const float side = std::min(column, box.height() - c.u(90) - label * 1.5f - url * 1.6f);
  const float cx = split + column / 2;
  const float top = box.min.y + c.u(50);
  c.line(c.fonts().heading, label, cx, top, palette::kText, tr(f.lang, Text::scan_to_join), column, Align::center);
  const float qr_top = top + label * 1.5f;
  draw_join_code(c, f, Box{ImVec2(cx - column / 2, qr_top), ImVec2(cx + column / 2, qr_top + side + url * 1.8f)}, url);
}

// Fixed members, quorum and invited members apart, as the server counts
// them: "出席 12 / 应到 20 人" large, then "法定人数 14 人 未达到法定人数 · 列席 2 人".
void draw_attendance(Canvas& c, const Frame& f, float left, float bottom, float width, float big_px) {
  const v1::Attendance& a = f.snapshot.attendance();
  const float text = c.metrics().text_px;
  const std::string present =
      fill(tr(f.lang, Text::attendance_line), {std::to_string(a.present_members()), std::to_string(a.fixed_members())});
  std::string quorum = fill(tr(f.lang, Text::quorum_needed), {std::to_string(a.quorum_needed())}) + "  " +
                       tr(f.lang, a.quorate() ? Text::quorate : Text::not_quorate);
  if (a.present_invited() > 0)
    quorum += "  ·  " + fill(tr(f.lang, Text::invited_present), {std::to_string(a.present_invited())});
  c.line(c.fonts().text, text, left, bottom - text, a.quorate() ? palette::kGood : palette::kBad, quorum, width);
  c.line(c.fonts().heading, big_px, left, bottom - text - c.u(24) - big_px, palette::kText, present, width);
}

}  // namespace gavel::display
