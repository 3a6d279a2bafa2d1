// A clock that moves only when a test says so. The engine never reads a
// clock: tests pass fake_clock.now() to Meeting::handle.
#pragma once

#include "core/types.hpp"

namespace gavel::test {

// 2026-01-10 09:00:00 +08:00 as Unix ms: a realistic, positive start time.
constexpr core::Millis kMeetingDay = 1'768'006'800'000;

class FakeClock {
 public:
  explicit FakeClock(core::Millis start = kMeetingDay) : now_(start) {}

  core::Millis now() const { return now_; }
  void advance(core::Millis ms) { now_ += ms; }
  void advance_s(std::int64_t seconds) { now_ += seconds * core::kSecond; }
  void set(core::Millis at) { now_ = at; }

 private:
  core::Millis now_;
};

}  // namespace gavel::test
