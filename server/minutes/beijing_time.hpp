// Times in the minutes are written in Beijing time (UTC+8, no daylight
// saving), like the meeting file's times: the same instant always prints the
// same text, whatever the machine's time zone.
#pragma once

#include <string>

#include "core/types.hpp"

namespace gavel::minutes {

// strftime-style pattern, e.g. "%Y-%m-%d %H:%M".
std::string beijing_time(core::Millis at, const char* pattern);
// "4分05秒" / "45秒".
std::string duration_words(core::Millis ms);

}  // namespace gavel::minutes
