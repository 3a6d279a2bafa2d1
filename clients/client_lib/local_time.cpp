#include "local_time.hpp"

#include <ctime>

namespace gavel::client {

std::string local_time(std::int64_t unix_ms, const char* format) {
  const auto seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[64];
  std::size_t n = std::strftime(text, sizeof text, format, &local);
  return std::string(text, n);
}

}  // namespace gavel::client
