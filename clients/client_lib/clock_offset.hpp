// Estimates the server's clock from the server_time_ms every ServerMessage
// carries, so a client can show a countdown from a server deadline without
// counting ticks. Local times are steady-clock milliseconds: setting this
// machine's wall clock during a meeting changes nothing. Not thread-safe; the
// owner (a Connection, on its caller's thread) feeds and reads it.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>

namespace gavel::client {

// Milliseconds of std::chrono::steady_clock: the local time base used here.
std::int64_t steady_now_ms();

class ClockOffset {
 public:
  // A message the server stamped `server_ms`, received here at `received_ms`.
  // It left the server before it arrived, so the offset is at least their
  // difference: a lower bound, short by one network latency.
  void observe(std::int64_t server_ms, std::int64_t received_ms);
  // A ping sent at `sent_ms` and answered at `server_ms`: also an upper bound.
  void observe_round_trip(std::int64_t sent_ms, std::int64_t server_ms, std::int64_t received_ms);

  bool known() const { return !samples_.empty(); }
  // Server Unix ms = local steady ms + offset_ms(). 0 until known().
  std::int64_t offset_ms() const { return estimate_; }
  // How far off the estimate can be; nullopt until a round trip bounds it.
  std::optional<std::int64_t> uncertainty_ms() const { return uncertainty_; }
  std::int64_t server_time_at(std::int64_t local_ms) const { return local_ms + estimate_; }

 private:
  struct Sample {
    std::int64_t at_ms;                // local time of the observation
    std::int64_t low;                  // offset >= low
    std::optional<std::int64_t> high;  // offset <= high
  };
  void add(Sample sample);
  void recompute();

  std::deque<Sample> samples_;  // the recent window only: clocks drift
  std::int64_t estimate_ = 0;
  std::optional<std::int64_t> uncertainty_;
};

}  // namespace gavel::client
