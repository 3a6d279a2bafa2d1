#include "model/backoff.hpp"

#include <algorithm>

namespace gavel::display {

std::chrono::milliseconds Backoff::next() {
  const int doublings = std::min(failures_, 16);
  ++failures_;
  const std::int64_t base = std::min<std::int64_t>(kFirst.count() << doublings, kMax.count());
  std::uniform_int_distribution<std::int64_t> jitter(-base / 5, base / 5);
  return std::chrono::milliseconds(base + jitter(random_));
}

}  // namespace gavel::display
