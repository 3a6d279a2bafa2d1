#include "speech_timer.hpp"

namespace gavel::core {

Millis allowed_ms(const Speech& s) {
  return (static_cast<Millis>(s.limit_s) + static_cast<Millis>(s.extended_s)) * kSecond;
}

Millis spoken(const Speech& s, Millis now) {
  Millis until = s.ended ? s.ended : (s.paused_at ? s.paused_at : now);
  return until - s.started - s.paused_total;
}

Millis remaining(const Speech& s, Millis now) { return allowed_ms(s) - spoken(s, now); }

Millis deadline(const Speech& s, Millis now) { return now + remaining(s, now); }

Millis overtime(const Speech& s, Millis now) {
  Millis left = remaining(s, now);
  return left < 0 ? -left : 0;
}

TimerPhase timer_phase(const Speech& s, Millis now) {
  Millis left = remaining(s, now);
  if (left < 0) return TimerPhase::overtime;
  if (left <= kWarningBefore) return TimerPhase::warning;
  return TimerPhase::normal;
}

}  // namespace gavel::core
