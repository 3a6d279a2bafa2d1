// The speaking timer as a function of the recorded speech and a given time:
// the server owns it, clients only see the deadline.
#pragma once

#include "state.hpp"

namespace gavel::core {

enum class TimerPhase { normal, warning, overtime };

Millis allowed_ms(const Speech& speech);
// Running: when time runs out. Paused: as if resumed now.
Millis deadline(const Speech& speech, Millis now);
// Negative in overtime.
Millis remaining(const Speech& speech, Millis now);
Millis spoken(const Speech& speech, Millis now);
Millis overtime(const Speech& speech, Millis now);
TimerPhase timer_phase(const Speech& speech, Millis now);

}  // namespace gavel::core
