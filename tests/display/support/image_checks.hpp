// What the screenshot tests look for in a PNG: pixels of one exact colour
// (every element has its own, see palette.hpp), the fill of a bar, and a
// string of text found by comparing with a reference rendering of it made
// here with stb_truetype from the same font file. Pure; any thread.
#pragma once

#include <string>

#include "model/font_files.hpp"
#include "model/png_file.hpp"

namespace gavel::display::test {

struct Region {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x1, y1 exclusive
  static Region whole(const Image& image) { return {0, 0, image.width, image.height}; }
};

std::size_t count_colour(const Image& image, Rgb colour, Region region);
std::size_t count_colour(const Image& image, Rgb colour);

// A bar drawn as `fill` over the track colour: the filled share of the row
// that has the most `fill`. 0 when no row has any.
double bar_fill(const Image& image, Rgb fill, Rgb track);

// How well the best place in `search` matches `text` rendered at `px`
// (normalised cross-correlation of brightness: 1 is identical).
double text_match(const Image& image, const FontFile& font, const std::string& text, float px, Region search);

}  // namespace gavel::display::test
