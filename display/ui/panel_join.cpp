// Before the meeting and between items: what the meeting is, a QR code
// large enough to scan from the back rows, and who has checked in. After
// the meeting: that it has ended.
#include <algorithm>
#include <cmath>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {

// Draws the code with its quiet zone, each module a whole number of pixels
// so that every edge is sharp. Returns the side drawn.
float draw_qr(Canvas& c, const QrCode& qr, ImVec2 centre, float max_side) {
  constexpr int kQuietModules = 4;
  const int modules = qr.size + 2 * kQuietModules;
  const float module = std::floor(max_side / static_cast<float>(modules));
  if (module < 1) return 0;
  const float side = module * static_cast<float>(modules);
  const ImVec2 origin(std::floor(centre.x - side / 2), std::floor(centre.y - side / 2));
  c.rect(origin, ImVec2(origin.x + side, origin.y + side), palette::kQrLight);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.at(x, y)) continue;
      const ImVec2 a(origin.x + module * static_cast<float>(x + kQuietModules),
                     origin.y + module * static_cast<float>(y + kQuietModules));
      c.rect(a, ImVec2(a.x + module, a.y + module), palette::kQrDark);
    }
  }
  return side;
}

void draw_ended(Canvas& c, const Frame& f, Box box) {
  const float cx = (box.min.x + box.max.x) / 2;
  const float width = box.width() - c.u(160);
  float y = box.min.y + box.height() * 0.22f;
  const float big = c.metrics().heading_px * 1.4f;
  c.line(c.fonts().heading, big, cx, y, palette::kText, tr(f.lang, Text::ended), width, Align::center);
  y += big * 1.6f;
  c.line(c.fonts().heading, c.metrics().heading_px * 0.8f, cx, y, palette::kAccent, f.snapshot.info().title(), width,
         Align::center);
  y += c.metrics().heading_px * 1.4f;
  c.line(c.fonts().text, c.metrics().text_px * 1.2f, cx, y, palette::kMuted, tr(f.lang, Text::thanks), width,
         Align::center);
}

}  // namespace

void draw_join(Canvas& c, const Frame& f, Box box) {
  if (f.snapshot.phase() == v1::MEETING_ENDED) {
    draw_ended(c, f, box);
    return;
  }
  const v1::MeetingInfo& info = f.snapshot.info();
  const v1::Attendance& attendance = f.snapshot.attendance();
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
  const std::string present = fill(tr(f.lang, Text::checked_in), {std::to_string(attendance.present())});
  const std::string quorum = fill(tr(f.lang, Text::quorum_needed), {std::to_string(attendance.quorum_needed())}) +
                             "  " + tr(f.lang, attendance.quorate() ? Text::quorate : Text::not_quorate);
  c.line(c.fonts().text, text, left, bottom - text, attendance.quorate() ? palette::kGood : palette::kBad, quorum,
         width);
  c.line(c.fonts().heading, heading * 1.2f, left, bottom - text - c.u(24) - heading * 1.2f, palette::kText, present,
         width);

  // The QR code fills the right column; the URL under it for those who type.
  const float column = box.max.x - split - pad;
  const float label = text * 1.1f;
  const float url = text * 0.9f;
  const float side = std::min(column, box.height() - c.u(90) - label * 1.5f - url * 1.6f);
  const float cx = split + column / 2;
  const float top = box.min.y + c.u(50);
  c.line(c.fonts().heading, label, cx, top, palette::kText, tr(f.lang, Text::scan_to_join), column, Align::center);
  const float qr_top = top + label * 1.5f;
  if (f.qr) draw_qr(c, *f.qr, ImVec2(cx, qr_top + side / 2), side);
  c.line(c.fonts().text, url, cx, qr_top + side + url * 0.5f, palette::kAccent, f.feed.phone_url, column,
         Align::center);
}

}  // namespace gavel::display
