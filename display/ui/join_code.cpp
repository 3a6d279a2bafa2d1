// The room's join code, shared by the join, agenda and vote views: the QR
// code of the LAN URL from access.json with the URL under it, or, when the
// server listens on loopback only, a sentence saying so (a code no phone can
// reach would only waste the room's time).
#include <algorithm>
#include <cmath>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {
// Each module a whole number of pixels so that every edge is sharp.
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
}  // namespace

void draw_join_code(Canvas& c, const Frame& f, Box box, float url_px) {
  const float cx = (box.min.x + box.max.x) / 2;
  if (!f.qr) {
    // Loopback only (or no URL yet): say what is wrong and how to fix it.
    float y = box.min.y + box.height() * 0.2f;
    y += c.paragraph(c.fonts().heading, url_px * 1.2f, url_px, ImVec2(box.min.x, y), box.width(), 4, palette::kBad,
                     tr(f.lang, Text::loopback_only)) + url_px;
    c.paragraph(c.fonts().text, url_px, url_px * 0.8f, ImVec2(box.min.x, y), box.width(), 3, palette::kText,
                tr(f.lang, Text::loopback_hint));
    return;
  }
  const float side = std::min(box.width(), box.height() - url_px * 1.8f);
  draw_qr(c, *f.qr, ImVec2(cx, box.min.y + side / 2), side);
  c.line(c.fonts().text, url_px, cx, box.min.y + side + url_px * 0.5f, palette::kAccent, f.feed.phone_url, box.width(),
         Align::center);
}

}  // namespace gavel::display
