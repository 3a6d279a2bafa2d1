#include "clock_offset.hpp"

#include <algorithm>
#include <chrono>

namespace gavel::client {

namespace {
// Long enough to keep a few pings, short enough that drift and a stepped
// server clock age out quickly.
constexpr std::int64_t kWindowMs = 30'000;
constexpr std::size_t kMaxSamples = 64;
// Both clocks are read in whole milliseconds, so bounds from different
// messages may cross by a rounding step without anything being wrong.
constexpr std::int64_t kRoundingSlackMs = 2;
}  // namespace

std::int64_t steady_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void ClockOffset::observe(std::int64_t server_ms, std::int64_t received_ms) {
  add({received_ms, server_ms - received_ms, std::nullopt});
}

void ClockOffset::observe_round_trip(std::int64_t sent_ms, std::int64_t server_ms, std::int64_t received_ms) {
  if (received_ms < sent_ms) return;
  add({received_ms, server_ms - received_ms, server_ms - sent_ms});
}

void ClockOffset::add(Sample sample) {
  samples_.push_back(sample);
  while (samples_.size() > kMaxSamples || samples_.front().at_ms < sample.at_ms - kWindowMs) {
    samples_.pop_front();
  }
  recompute();
}

void ClockOffset::recompute() {
  std::int64_t low = samples_.front().low;
  std::optional<std::int64_t> high;
  for (const Sample& s : samples_) {
    low = std::max(low, s.low);
    if (s.high) high = high ? std::min(*high, *s.high) : *s.high;
  }
  if (high && low > *high + kRoundingSlackMs) {
    // The bounds contradict each other: one of the clocks was stepped. Only
    // the newest observation still describes the clocks as they are.
    samples_.erase(samples_.begin(), samples_.end() - 1);
    recompute();
    return;
  }
  if (high) {
    estimate_ = low + (*high - low) / 2;
    uncertainty_ = std::max<std::int64_t>(0, (*high - low + 1) / 2);
  } else {
    estimate_ = low;
    uncertainty_.reset();
  }
}

}  // namespace gavel::client
