// The countdown: phase, colour and text from the deadline and the server's
// time, never from counted ticks.
#include <gtest/gtest.h>

#include "model/countdown.hpp"

namespace gavel::display {
namespace {

v1::Speech running(std::int64_t deadline_ms) {
  v1::Speech s;
  s.set_id(1);
  s.set_deadline_ms(deadline_ms);
  return s;
}

TEST(Countdown, PhasesAtTheThresholds) {
  constexpr std::int64_t kDeadline = 1'000'000;
  struct Case {
    std::int64_t now;
    TimerPhase phase;
    const char* text;
  };
  const Case cases[] = {
      {kDeadline - 300'000, TimerPhase::normal, "5:00"},
      {kDeadline - 299'001, TimerPhase::normal, "5:00"},  // rounded up: 0:00 comes at the deadline
      {kDeadline - 299'000, TimerPhase::normal, "4:59"},
      {kDeadline - 60'001, TimerPhase::normal, "1:01"},
      {kDeadline - 60'000, TimerPhase::warning, "1:00"},
      {kDeadline - 1, TimerPhase::warning, "0:01"},
      {kDeadline, TimerPhase::overtime, "+0:00"},
      {kDeadline + 12'999, TimerPhase::overtime, "+0:12"},
      {kDeadline + 61'000, TimerPhase::overtime, "+1:01"},
  };
  for (const Case& c : cases) {
    const Countdown got = countdown(running(kDeadline), c.now);
    EXPECT_EQ(got.phase, c.phase) << c.text;
    EXPECT_EQ(got.text, c.text);
    EXPECT_EQ(got.remaining_ms, kDeadline - c.now);
  }
}

TEST(Countdown, PausedShowsTheTimeLeftWhenPaused) {
  v1::Speech s = running(0);
  s.set_paused(true);
  s.set_remaining_ms(42'500);
  const Countdown got = countdown(s, 999'999'999);
  EXPECT_EQ(got.phase, TimerPhase::paused);
  EXPECT_EQ(got.text, "0:43");
}

TEST(Countdown, DependsOnlyOnTheClockSoSlowFramesDoNotDrift) {
  // Whatever frames came before, the time shown is the deadline minus now.
  const v1::Speech s = running(500'000);
  for (std::int64_t now = 200'000; now < 700'000; now += 37'777)
    EXPECT_EQ(countdown(s, now).remaining_ms, 500'000 - now);
}

TEST(Countdown, LongSpeechesShowHours) { EXPECT_EQ(clock_text(3'661'000), "1:01:01"); }

TEST(Countdown, EachPhaseHasItsOwnColour) {
  EXPECT_EQ(timer_colour(TimerPhase::warning), palette::kTimerWarning);
  EXPECT_EQ(timer_colour(TimerPhase::overtime), palette::kTimerOvertime);
  EXPECT_FALSE(timer_colour(TimerPhase::normal) == timer_colour(TimerPhase::warning));
  EXPECT_FALSE(timer_colour(TimerPhase::paused) == timer_colour(TimerPhase::normal));
}

}  // namespace
}  // namespace gavel::display
