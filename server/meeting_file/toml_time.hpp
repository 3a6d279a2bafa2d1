// How the meeting file's dates and times become Unix milliseconds. A time
// written without an offset is China Standard Time (UTC+8, no daylight
// saving), because that is the clock on the meeting room's wall.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "core/types.hpp"

namespace gavel::meeting_file {

constexpr int kChinaStandardOffsetMinutes = 8 * 60;

core::Millis to_unix_ms(const toml::date_time& when);
// A bare date means its midnight, China Standard Time.
core::Millis to_unix_ms(const toml::date& day);

// "2026-03-21"
std::string iso_date(const toml::date& day);

}  // namespace gavel::meeting_file
