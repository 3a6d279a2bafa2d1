// One line per happening on stderr, with the wall time. Never given a
// ballot's choice next to a person: callers log participation only.
#pragma once

#include <string_view>

namespace gavel::net {

void log_line(std::string_view text);

}  // namespace gavel::net
