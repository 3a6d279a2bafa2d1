// Finds Noto Sans CJK (Debian's fonts-noto-cjk) and, in its collection, the
// Simplified Chinese face. Reads files; otherwise pure. Any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "client_lib/result.hpp"

namespace gavel::display {

struct FontFile {
  std::string path;
  std::vector<unsigned char> data;
  int face = 0;  // index in a collection (.ttc); 0 for a single font
};

// `name`: e.g. "NotoSansCJK-Regular.ttc", looked for in the usual font folders.
client::Result<FontFile, std::string> load_font_file(std::string_view name);

}  // namespace gavel::display
