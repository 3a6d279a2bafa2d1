// Drawing helpers for the panels: text that fits its box (wrapped, then
// shrunk, then cut with "…"), bars and badges, all in pixels scaled from the
// 1080p design. Render thread only, inside a frame.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/metrics.hpp"
#include "model/palette.hpp"
#include "ui/fonts.hpp"

namespace gavel::display {

enum class Align { left, center, right };

ImU32 colour(Rgb rgb);

class Canvas {
 public:
  Canvas(ImDrawList* draw, const Metrics& metrics, const Fonts& fonts)
      : draw_(draw), metrics_(metrics), fonts_(fonts) {}

  const Metrics& metrics() const { return metrics_; }
  const Fonts& fonts() const { return fonts_; }
  float u(float design_px) const { return design_px * metrics_.unit; }

  ImVec2 measure(ImFont* font, float px, std::string_view text) const;

  // One line with its top at y, aligned on x (its left, centre or right).
  // Shrunk to max_width when wider (0: no limit). Returns the size drawn.
  ImVec2 line(ImFont* font, float px, float x, float y, Rgb rgb, std::string_view text, float max_width = 0,
              Align align = Align::left);

  // Wrapped to `width` in at most `max_lines` lines: the size shrinks down
  // to min_px, then the last line is cut with "…". Returns the height used.
  float paragraph(ImFont* font, float px, float min_px, ImVec2 pos, float width, int max_lines, Rgb rgb,
                  std::string_view text);

  void rect(ImVec2 min, ImVec2 max, Rgb rgb, float rounding = 0);
  // A bar filled `fraction` (0..1) from the left over its track.
  void bar(ImVec2 min, ImVec2 max, float fraction, Rgb fill);
  // Text on a rounded plate; returns the plate's width.
  float badge(float x, float y, float px, std::string_view text, Rgb plate, Rgb ink);

 private:
  std::vector<std::string_view> wrap(ImFont* font, float px, std::string_view text, float width) const;

  ImDrawList* draw_;
  const Metrics& metrics_;
  const Fonts& fonts_;
};

}  // namespace gavel::display
