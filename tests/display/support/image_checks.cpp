#include "image_checks.hpp"

#include <stb/stb_truetype.h>

#include <algorithm>
#include <cmath>

#include "model/glyphs.hpp"

namespace gavel::display::test {

namespace {

struct Gray {
  int width = 0, height = 0;
  std::vector<float> v;
  float at(int x, int y) const { return v[static_cast<std::size_t>(y * width + x)]; }
  float& at(int x, int y) { return v[static_cast<std::size_t>(y * width + x)]; }
};

Gray make_gray(int width, int height) {
  return {width, height, std::vector<float>(static_cast<std::size_t>(std::max(width * height, 0)), 0.0f)};
}

Gray brightness(const Image& image, Region r) {
  Gray g = make_gray(r.x1 - r.x0, r.y1 - r.y0);
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {
      const Rgb p = image.at(r.x0 + x, r.y0 + y);
      g.at(x, y) = (0.299f * p.r + 0.587f * p.g + 0.114f * p.b) / 255.0f;
    }
  return g;
}

Gray shrink(const Gray& g, int factor) {
  Gray out = make_gray(g.width / factor, g.height / factor);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      float sum = 0;
      for (int dy = 0; dy < factor; ++dy)
        for (int dx = 0; dx < factor; ++dx) sum += g.at(x * factor + dx, y * factor + dy);
      out.at(x, y) = sum / static_cast<float>(factor * factor);
    }
  return out;
}

// The text as ImGui 1.86 lays it out: sized by pixel height, advances
// rounded to whole pixels (PixelSnapH), no kerning.
Gray render(const FontFile& font, const std::string& text, float px) {
  stbtt_fontinfo info;
  if (!stbtt_InitFont(&info, font.data.data(), stbtt_GetFontOffsetForIndex(font.data.data(), font.face))) return {};
  const float scale = stbtt_ScaleForPixelHeight(&info, px);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
  const std::vector<char32_t> codepoints = decode_utf8(text);
  int width = 0;
  for (char32_t cp : codepoints) {
    int advance = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&info, static_cast<int>(cp), &advance, &bearing);
    width += static_cast<int>(std::lround(static_cast<float>(advance) * scale));
  }
  const int baseline = static_cast<int>(std::lround(static_cast<float>(ascent) * scale));
  Gray g = make_gray(width, static_cast<int>(std::ceil(static_cast<float>(ascent - descent) * scale)));
  int pen = 0;
  for (char32_t cp : codepoints) {
    const int glyph = static_cast<int>(cp);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetCodepointBitmapBox(&info, glyph, scale, scale, &x0, &y0, &x1, &y1);
    const int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0) {
      std::vector<unsigned char> bitmap(static_cast<std::size_t>(w * h));
      stbtt_MakeCodepointBitmap(&info, bitmap.data(), w, h, w, scale, scale, glyph);
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          const int gx = pen + x0 + x, gy = baseline + y0 + y;
          if (gx >= 0 && gx < g.width && gy >= 0 && gy < g.height)
            g.at(gx, gy) = std::max(g.at(gx, gy), bitmap[static_cast<std::size_t>(y * w + x)] / 255.0f);
        }
    }
    int advance = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&info, glyph, &advance, &bearing);
    pen += static_cast<int>(std::lround(static_cast<float>(advance) * scale));
  }
  return g;
}

double ncc(const Gray& image, int ox, int oy, const Gray& t) {
  double si = 0, st = 0, sii = 0, stt = 0, sit = 0;
  const double n = static_cast<double>(t.width) * t.height;
  for (int y = 0; y < t.height; ++y)
    for (int x = 0; x < t.width; ++x) {
      const double a = image.at(ox + x, oy + y), b = t.at(x, y);
      si += a;
      st += b;
      sii += a * a;
      stt += b * b;
      sit += a * b;
    }
  const double cov = sit - si * st / n, vi = sii - si * si / n, vt = stt - st * st / n;
  return vi > 1e-9 && vt > 1e-9 ? cov / std::sqrt(vi * vt) : 0;
}

struct Best {
  double score = -1;
  int x = 0, y = 0;
};

Best search(const Gray& image, const Gray& t, int x0, int y0, int x1, int y1) {
  Best best;
  for (int y = std::max(y0, 0); y <= std::min(y1, image.height - t.height); ++y)
    for (int x = std::max(x0, 0); x <= std::min(x1, image.width - t.width); ++x)
      if (const double s = ncc(image, x, y, t); s > best.score) best = {s, x, y};
  return best;
}

}  // namespace

std::size_t count_colour(const Image& image, Rgb colour, Region r) {
  std::size_t n = 0;
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x)
      if (image.at(x, y) == colour) ++n;
  return n;
}

std::size_t count_colour(const Image& image, Rgb colour) { return count_colour(image, colour, Region::whole(image)); }

double bar_fill(const Image& image, Rgb fill, Rgb track) {
  std::size_t best_fill = 0, best_track = 0;
  for (int y = 0; y < image.height; ++y) {
    const Region row{0, y, image.width, y + 1};
    const std::size_t f = count_colour(image, fill, row);
    if (f > best_fill) {
      best_fill = f;
      best_track = count_colour(image, track, row);
    }
  }
  return best_fill == 0 ? 0 : static_cast<double>(best_fill) / static_cast<double>(best_fill + best_track);
}

double text_match(const Image& image, const FontFile& font, const std::string& text, float px, Region region) {
  const Gray reference = render(font, text, px);
  const Gray area = brightness(image, region);
  if (reference.width == 0 || reference.width > area.width || reference.height > area.height) return 0;
  // Coarse to fine: find the place at a quarter of the size, then settle it
  // at half size, where a pixel of difference in layout does not count.
  const Best coarse = search(shrink(area, 4), shrink(reference, 4), 0, 0, area.width, area.height);
  const Gray half = shrink(area, 2);
  return search(half, shrink(reference, 2), coarse.x * 2 - 3, coarse.y * 2 - 3, coarse.x * 2 + 3, coarse.y * 2 + 3)
      .score;
}

}  // namespace gavel::display::test
