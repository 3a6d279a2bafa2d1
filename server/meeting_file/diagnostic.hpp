// Where a problem sits in a meeting file, and the bilingual error that says
// so: "meeting.toml:12: item[2].speech_limit_s: must be between 10 and 3600".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gavel::meeting_file {

struct Location {
  std::string_view file;
  std::size_t line = 0;  // 1-based; 0 when no single line is to blame
  std::string field;     // empty when the file as a whole is meant
};

core::Error invalid_at(const Location& at, std::string_view zh, std::string_view en);

// Quotes a value from the file so that an empty or padded one is visible.
std::string in_quotes(std::string_view value);

}  // namespace gavel::meeting_file
