#include "model/countdown.hpp"

namespace gavel::display {

namespace {

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string minutes_seconds(std::int64_t seconds) {
  const std::int64_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  if (h > 0) return std::to_string(h) + ":" + two_digits(m) + ":" + two_digits(s);
  return std::to_string(m) + ":" + two_digits(s);
}

}  // namespace

std::string clock_text(std::int64_t remaining_ms) {
  if (remaining_ms > 0) return minutes_seconds((remaining_ms + 999) / 1000);
  return "+" + minutes_seconds(-remaining_ms / 1000);
}

Countdown countdown(const v1::Speech& speech, std::int64_t server_now_ms) {
  Countdown c;
  c.remaining_ms = speech.paused() ? speech.remaining_ms() : speech.deadline_ms() - server_now_ms;
  c.text = clock_text(c.remaining_ms);
  if (speech.paused()) c.phase = TimerPhase::paused;
  else if (c.remaining_ms <= 0) c.phase = TimerPhase::overtime;
  else if (c.remaining_ms <= kWarningMs) c.phase = TimerPhase::warning;
  else c.phase = TimerPhase::normal;
  return c;
}

Rgb timer_colour(TimerPhase phase) {
  switch (phase) {
    case TimerPhase::normal: return palette::kTimerNormal;
    case TimerPhase::warning: return palette::kTimerWarning;
    case TimerPhase::overtime: return palette::kTimerOvertime;
    case TimerPhase::paused: return palette::kTimerPaused;
  }
  return palette::kTimerNormal;
}

}  // namespace gavel::display
