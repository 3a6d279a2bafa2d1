// The characters the projector needs glyphs for: its labels and every text
// it can show from the meeting (titles, names, groups, motions, questions,
// options), so that the font atlas holds any name, not only common ones.
// Owned by the render thread; pure otherwise.
#pragma once

#include <set>
#include <string_view>
#include <vector>

#include "gavel/v1/meeting.pb.h"
#include "model/strings.hpp"

namespace gavel::display {

// Code points of UTF-8 text; a malformed sequence counts as U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

class GlyphSet {
 public:
  // Each returns true when a character was new. Characters beyond the Basic
  // Multilingual Plane are left out: Debian's ImGui has 16-bit glyph codes.
  bool add(std::string_view utf8);
  bool add_labels(Lang lang);
  bool add_snapshot(const v1::MeetingSnapshot& snapshot);

  const std::set<char32_t>& codepoints() const { return codepoints_; }

 private:
  std::set<char32_t> codepoints_;
};

}  // namespace gavel::display
