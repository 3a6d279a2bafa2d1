// The font atlas: Noto Sans CJK (Debian's fonts-noto-cjk), baked by ImGui
// 1.86 for exactly the characters the meeting needs at the sizes the window
// needs. Render thread only; rebuild between frames, never inside one.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "client_lib/result.hpp"
#include "model/font_files.hpp"
#include "model/glyphs.hpp"
#include "model/metrics.hpp"

namespace gavel::display {

struct Fonts {
  ImFont* text = nullptr;     // regular, metrics.text_px
  ImFont* heading = nullptr;  // bold, metrics.heading_px
  ImFont* clock = nullptr;    // bold digits only, metrics.clock_px
};

class FontSet {
 public:
  // Reads the font files into memory once; the atlas is rebuilt from them.
  static client::Result<FontSet, std::string> load();

  // True when the atlas holds every character of `glyphs` at `metrics`' sizes.
  bool current(const GlyphSet& glyphs, const Metrics& metrics) const;
  // Rebakes the atlas and uploads its texture. An error says what failed.
  client::Result<bool, std::string> rebuild(const GlyphSet& glyphs, const Metrics& metrics);
  const Fonts& fonts() const { return fonts_; }

 private:
  FontFile regular_, bold_;
  // ImGui reads glyph ranges when it builds the atlas, not when a font is
  // added: they live here, beside it. (A std::vector: ImGui 1.86's ImVector
  // cannot be moved, and copying an empty one passes null to memcpy.)
  std::vector<ImWchar> text_ranges_;
  std::size_t built_glyphs_ = 0;
  Metrics built_metrics_;
  Fonts fonts_;
};

}  // namespace gavel::display
