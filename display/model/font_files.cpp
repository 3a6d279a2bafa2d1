#include "model/font_files.hpp"

#include <stb/stb_truetype.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace gavel::display {

namespace {

// Debian's fonts-noto-cjk first; then where other distributions put it.
constexpr std::array<const char*, 3> kFontDirs = {
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
};

// A collection holds the same design for Japanese, Korean and both Chinese
// scripts, with different glyphs for many characters: find the Simplified
// Chinese face by its family name, which is UTF-16BE in the name table.
int simplified_chinese_face(const std::vector<unsigned char>& data) {
  const std::u16string wanted = u"Noto Sans CJK SC";
  const int faces = stbtt_GetNumberOfFonts(data.data());
  for (int i = 0; i < faces; ++i) {
    stbtt_fontinfo info;
    if (!stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), i))) continue;
    int length = 0;
    const char* name = stbtt_GetFontNameString(&info, &length, STBTT_PLATFORM_ID_MICROSOFT,
                                               STBTT_MS_EID_UNICODE_BMP, STBTT_MS_LANG_ENGLISH, 1);
    if (!name || length != static_cast<int>(2 * wanted.size())) continue;
    bool same = true;
    for (std::size_t k = 0; k < wanted.size() && same; ++k) {
      const auto hi = static_cast<unsigned char>(name[2 * k]), lo = static_cast<unsigned char>(name[2 * k + 1]);
      same = static_cast<char16_t>((hi << 8) | lo) == wanted[k];
    }
    if (same) return i;
  }
  return 0;
}

}  // namespace

client::Result<FontFile, std::string> load_font_file(std::string_view name) {
  for (const char* dir : kFontDirs) {
    const auto candidate = std::filesystem::path(dir) / name;
    std::ifstream in(candidate, std::ios::binary | std::ios::ate);
    if (!in) continue;
    FontFile font;
    font.path = candidate.string();
    // 20 MB: one read, not a character at a time.
    font.data.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (font.data.empty() ||
        !in.read(reinterpret_cast<char*>(font.data.data()), static_cast<std::streamsize>(font.data.size())))
      return "cannot read " + font.path;
    font.face = simplified_chinese_face(font.data);
    return font;
  }
  return "no " + std::string(name) + " under /usr/share/fonts (Debian: apt-get install fonts-noto-cjk)";
}

}  // namespace gavel::display
