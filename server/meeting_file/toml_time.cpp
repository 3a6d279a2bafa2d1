#include "toml_time.hpp"

#include <chrono>
#include <cstdio>

namespace gavel::meeting_file {

namespace {
std::chrono::milliseconds since_epoch(const toml::date& day) {
  const std::chrono::year_month_day ymd{std::chrono::year{day.year}, std::chrono::month{day.month},
                                        std::chrono::day{day.day}};
  return std::chrono::sys_days{ymd}.time_since_epoch();
}
}  // namespace

core::Millis to_unix_ms(const toml::date_time& when) {
  using std::chrono::hours;
  using std::chrono::milliseconds;
  using std::chrono::minutes;
  using std::chrono::seconds;
  const int offset = when.offset ? when.offset->minutes : kChinaStandardOffsetMinutes;
  const milliseconds local = since_epoch(when.date) + hours{when.time.hour} +
                             minutes{when.time.minute} + seconds{when.time.second} +
                             milliseconds{when.time.nanosecond / 1'000'000};
  return (local - minutes{offset}).count();
}

core::Millis to_unix_ms(const toml::date& day) {
  return (since_epoch(day) - std::chrono::minutes{kChinaStandardOffsetMinutes}).count();
}

std::string iso_date(const toml::date& day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", unsigned{day.year}, unsigned{day.month},
                unsigned{day.day});
  return text;
}

}  // namespace gavel::meeting_file
