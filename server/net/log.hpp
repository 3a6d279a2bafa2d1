// One line per happening on stderr, with the wall time. Never given a
// ballot's choice next to a person: callers log participation only.
#pragma once

#include <string>
#include <string_view>

namespace gavel::net {

void log_line(std::string_view text);

// Text from the network made safe for one log line: control characters
// (a newline would forge a line of its own) become '?'.
std::string loggable(std::string_view text);

}  // namespace gavel::net
