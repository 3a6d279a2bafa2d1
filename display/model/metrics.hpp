// Sizes that scale with the window, so the projector reads the same from the
// back of the room at 720p, 1080p or 4K. The layout is designed at 1920x1080
// and scaled by `unit`. Pure; any thread.
#pragma once

namespace gavel::display {

struct Metrics {
  float width = 0, height = 0;
  float unit = 1;        // pixels per design pixel of the 1080p layout
  float text_px = 0;     // the smallest text: labels, the queue, details
  float heading_px = 0;  // titles, names, the question, the outcome
  float clock_px = 0;    // the countdown's digits

  friend bool operator==(const Metrics&, const Metrics&) = default;
};

Metrics metrics_for(int width, int height);

}  // namespace gavel::display
