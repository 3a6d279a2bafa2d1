#include "model/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace gavel::display {

namespace {
// At 1080p: text 46 px is 4% of the screen's height, readable from 15 m on
// a 3 m screen; the countdown's digits are a quarter of the height.
constexpr float kTextPx = 46, kHeadingPx = 84, kClockPx = 300;
}  // namespace

Metrics metrics_for(int width, int height) {
  Metrics m;
  m.width = static_cast<float>(std::max(width, 1));
  m.height = static_cast<float>(std::max(height, 1));
  m.unit = std::min(m.width / 1920.0f, m.height / 1080.0f);
  m.text_px = std::round(kTextPx * m.unit);
  m.heading_px = std::round(kHeadingPx * m.unit);
  m.clock_px = std::round(kClockPx * m.unit);
  return m;
}

}  // namespace gavel::display
