#include "ui/fonts.hpp"

#include <backends/imgui_impl_opengl3.h>

#include <array>

namespace gavel::display {

namespace {

// Only the countdown uses the clock font: digits, ':', '+' and '-'.
constexpr std::array<ImWchar, 3> kClockRanges = {0x20, 0x3A, 0};

}  // namespace

client::Result<FontSet, std::string> FontSet::load() {
  auto regular = load_font_file("NotoSansCJK-Regular.ttc");
  if (!regular) return regular.error();
  auto bold = load_font_file("NotoSansCJK-Bold.ttc");
  if (!bold) return bold.error();
  FontSet set;
  set.regular_ = std::move(regular).value();
  set.bold_ = std::move(bold).value();
  return set;
}

bool FontSet::current(const GlyphSet& glyphs, const Metrics& metrics) const {
  return fonts_.text && built_glyphs_ == glyphs.codepoints().size() && built_metrics_.text_px == metrics.text_px &&
         built_metrics_.heading_px == metrics.heading_px && built_metrics_.clock_px == metrics.clock_px;
}

client::Result<bool, std::string> FontSet::rebuild(const GlyphSet& glyphs, const Metrics& metrics) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  fonts_ = {};

  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesDefault());
  // Punctuation the panels join texts with, whatever the language shown.
  builder.AddText("—·…「」（）：，、；");
  for (char32_t cp : glyphs.codepoints()) builder.AddChar(static_cast<ImWchar>(cp));
  ImVector<ImWchar> built;
  builder.BuildRanges(&built);
  text_ranges_.assign(built.begin(), built.end());

  auto add = [&](FontFile& face, float px, const ImWchar* ranges) -> ImFont* {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes stay here for the next rebuild
    config.FontNo = face.face;
    // Oversampling buys nothing at these sizes and triples the atlas.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromMemoryTTF(face.data.data(), static_cast<int>(face.data.size()), px, &config, ranges);
  };
  fonts_.text = add(regular_, metrics.text_px, text_ranges_.data());
  fonts_.heading = add(bold_, metrics.heading_px, text_ranges_.data());
  fonts_.clock = add(bold_, metrics.clock_px, kClockRanges.data());
  if (!fonts_.text || !fonts_.heading || !fonts_.clock) {
    fonts_ = {};
    return "ImGui could not load " + regular_.path + " or " + bold_.path;
  }
  if (!atlas.Build()) {
    fonts_ = {};
    return std::string("ImGui could not build the font atlas");
  }
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (!ImGui_ImplOpenGL3_CreateFontsTexture()) return std::string("could not upload the font atlas");
  // The texture is on the GPU now; the atlas can be large, so free its pixels.
  atlas.ClearTexData();
  built_glyphs_ = glyphs.codepoints().size();
  built_metrics_ = metrics;
  return true;
}

}  // namespace gavel::display
