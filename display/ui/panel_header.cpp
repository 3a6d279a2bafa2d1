// The strip across the top: the meeting's title, attendance (fixed members
// present of the roster, invited members apart) against the quorum, and the time.

#include "client_lib/local_time.hpp"
#include "ui/panels.hpp"

namespace gavel::display {

void draw_header(Canvas& c, const Frame& f, Box box) {
  c.rect(box.min, box.max, palette::kPanel);
  const float pad = c.u(48);
  const float px = c.metrics().text_px * 1.1f;
  const float y = box.min.y + (box.height() - px) / 2;
  const v1::Attendance& attendance = f.snapshot.attendance();

  float right = box.max.x - pad;
  right -= c.line(c.fonts().heading, px, right, y, palette::kText, client::local_time(f.server_now_ms, "%H:%M"), 0, Align::right).x;
  right -= c.u(56);
  const char* quorum = tr(f.lang, attendance.quorate() ? Text::quorate : Text::not_quorate);
  right -= c.line(c.fonts().text, px, right, y, attendance.quorate() ? palette::kGood : palette::kBad, quorum, 0,
                  Align::right).x;
  right -= c.u(28);
  // Fixed members against the roster, invited members (列席) apart: only the
  // first make up the quorum.
  std::string present = fill(tr(f.lang, Text::attendance_line),
                             {std::to_string(attendance.present_members()), std::to_string(attendance.fixed_members())});
  if (attendance.present_invited() > 0)
    present += "  " + fill(tr(f.lang, Text::invited_present), {std::to_string(attendance.present_invited())});
  right -= c.line(c.fonts().text, px, right, y, palette::kText, present, 0, Align::right).x;

  const float title_width = right - c.u(56) - (box.min.x + pad);
  c.line(c.fonts().heading, px, box.min.x + pad, y, palette::kText, f.snapshot.info().title(), title_width);
}

}  // namespace gavel::display
