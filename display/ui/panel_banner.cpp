// What the room sees when the link to gaveld is down: a red band over the
// header that says so, while the last state stays on screen below it; or,
// before anything was received, a centred "connecting" message.
#include "ui/panels.hpp"

namespace gavel::display {

void draw_banner(Canvas& c, const Frame& f, Box box) {
  c.rect(box.min, box.max, palette::kBanner);
  const float pad = c.u(48);
  const float px = c.metrics().text_px * 1.1f;
  const float small = c.metrics().text_px * 0.8f;
  const float top = box.min.y + (box.height() - px - small * 1.25f) / 2;
  c.line(c.fonts().heading, px, box.min.x + pad, top, palette::kBannerText, tr(f.lang, Text::reconnecting),
         box.width() - 2 * pad);
  std::string detail = tr(f.lang, Text::last_state);
  if (f.feed.attempts > 0) detail += "  ·  " + fill(tr(f.lang, Text::attempt), {std::to_string(f.feed.attempts)});
  c.line(c.fonts().text, small, box.min.x + pad, top + px * 1.25f, palette::kBannerText, detail,
         box.width() - 2 * pad);
}

void draw_connecting(Canvas& c, const Frame& f, Box box) {
  const float cx = (box.min.x + box.max.x) / 2;
  const float cy = (box.min.y + box.max.y) / 2;
  const float px = c.metrics().heading_px;
  c.line(c.fonts().heading, px, cx, cy - px, palette::kText, tr(f.lang, Text::connecting), box.width() * 0.9f,
         Align::center);
  if (!f.feed.problem.empty()) {
    c.line(c.fonts().text, c.metrics().text_px * 0.8f, cx, cy + px * 0.4f, palette::kMuted, f.feed.problem,
           box.width() * 0.9f, Align::center);
  }
}

}  // namespace gavel::display
