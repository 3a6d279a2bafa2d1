#include "ui/canvas.hpp"

#include <algorithm>

#include "model/glyphs.hpp"

namespace gavel::display {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Chinese typesetting (禁则): closing punctuation never starts a line; it
// hangs at the end of the line before instead.
bool hangs(std::string_view rest) {
  static constexpr std::u32string_view kClosing = U"，。、；：？！）》」』〉】…,.;:?!)%";
  const std::vector<char32_t> next = decode_utf8(rest.substr(0, std::min<std::size_t>(rest.size(), 4)));
  return !next.empty() && kClosing.find(next.front()) != std::u32string_view::npos;
}

// Drops the last character of UTF-8 text.
void drop_last(std::string& text) {
  while (!text.empty()) {
    const auto c = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((c & 0xC0u) != 0x80u) return;
  }
}

}  // namespace

ImU32 colour(Rgb rgb) { return IM_COL32(rgb.r, rgb.g, rgb.b, 255); }

ImVec2 Canvas::measure(ImFont* font, float px, std::string_view text) const {
  return font->CalcTextSizeA(px, 1e9f, 0, text.data(), text.data() + text.size());
}

ImVec2 Canvas::line(ImFont* font, float px, float x, float y, Rgb rgb, std::string_view text, float max_width,
                    Align align) {
  ImVec2 size = measure(font, px, text);
  if (max_width > 0 && size.x > max_width) {
    px *= max_width / size.x;
    size = measure(font, px, text);
  }
  if (align == Align::center) x -= size.x / 2;
  if (align == Align::right) x -= size.x;
  draw_->AddText(font, px, ImVec2(x, y), colour(rgb), text.data(), text.data() + text.size());
  return size;
}

std::vector<std::string_view> Canvas::wrap(ImFont* font, float px, std::string_view text, float width) const {
  std::vector<std::string_view> lines;
  const char* s = text.data();
  const char* end = text.data() + text.size();
  while (s < end) {
    const char* cut = font->CalcWordWrapPositionA(px / font->FontSize, s, end, width);
    // Not even one character fits: take one anyway, or this never ends.
    if (cut <= s) cut = std::min(end, s + utf8_length(static_cast<unsigned char>(*s)));
    while (cut < end && hangs(std::string_view(cut, static_cast<std::size_t>(end - cut))))
      cut = std::min(end, cut + utf8_length(static_cast<unsigned char>(*cut)));
    std::string_view one(s, static_cast<std::size_t>(cut - s));
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    lines.push_back(one);
    s = cut;
    while (s < end && *s == ' ') ++s;
  }
  return lines;
}

float Canvas::paragraph(ImFont* font, float px, float min_px, ImVec2 pos, float width, int max_lines, Rgb rgb,
                        std::string_view text) {
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::vector<std::string_view> lines = wrap(font, px, flat, width);
  while (static_cast<int>(lines.size()) > max_lines && px * 0.9f >= min_px) {
    px *= 0.9f;
    lines = wrap(font, px, flat, width);
  }
  const float line_height = px * 1.2f;
  const auto shown = std::min(lines.size(), static_cast<std::size_t>(std::max(max_lines, 1)));
  for (std::size_t i = 0; i < shown; ++i) {
    std::string one(lines[i]);
    if (i + 1 == shown && shown < lines.size()) {
      while (!one.empty() && measure(font, px, one + std::string(kEllipsis)).x > width) drop_last(one);
      one += kEllipsis;
    }
    draw_->AddText(font, px, ImVec2(pos.x, pos.y + line_height * static_cast<float>(i)), colour(rgb), one.data(),
                   one.data() + one.size());
  }
  return line_height * static_cast<float>(shown);
}

void Canvas::rect(ImVec2 min, ImVec2 max, Rgb rgb, float rounding) {
  draw_->AddRectFilled(min, max, colour(rgb), rounding);
}

void Canvas::bar(ImVec2 min, ImVec2 max, float fraction, Rgb fill) {
  rect(min, max, palette::kTrack);
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  if (fraction > 0) rect(min, ImVec2(min.x + (max.x - min.x) * fraction, max.y), fill);
}

float Canvas::badge(float x, float y, float px, std::string_view text, Rgb plate, Rgb ink) {
  const ImVec2 size = measure(fonts_.heading, px, text);
  const float pad = px * 0.35f;
  rect(ImVec2(x, y), ImVec2(x + size.x + 2 * pad, y + size.y + pad * 0.6f), plate, px * 0.2f);
  line(fonts_.heading, px, x + pad, y + pad * 0.3f, ink, text);
  return size.x + 2 * pad;
}

}  // namespace gavel::display
