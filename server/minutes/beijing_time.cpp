#include "beijing_time.hpp"

#include <ctime>

namespace gavel::minutes {

std::string beijing_time(core::Millis at, const char* pattern) {
  std::time_t seconds = static_cast<std::time_t>(at / 1000 + 8 * 3600);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char out[64];
  std::size_t n = std::strftime(out, sizeof out, pattern, &parts);
  return std::string(out, n);
}

std::string duration_words(core::Millis ms) {
  core::Millis total = (ms + 500) / 1000;
  core::Millis minutes = total / 60, seconds = total % 60;
  if (minutes == 0) return std::to_string(seconds) + "秒";
  return std::to_string(minutes) + "分" + (seconds < 10 ? "0" : "") + std::to_string(seconds) + "秒";
}

}  // namespace gavel::minutes
