// The speaking timer as the room sees it, computed from the server's
// deadline and the server's time now: no ticks are counted, so a slow frame
// shows the right time and the countdown never drifts. Pure; any thread.
#pragma once

#include <cstdint>
#include <string>

#include "gavel/v1/meeting.pb.h"
#include "model/palette.hpp"

namespace gavel::display {

// The speaker is warned when this much time is left (五步议事法: 5 minutes a speech).
inline constexpr std::int64_t kWarningMs = 60'000;

enum class TimerPhase { normal, warning, overtime, paused };

struct Countdown {
  TimerPhase phase = TimerPhase::normal;
  std::int64_t remaining_ms = 0;  // negative in overtime
  std::string text;               // "4:59", "+0:12"
};

// `server_now_ms`: the server's clock now (Unix ms), from the offset estimate.
Countdown countdown(const v1::Speech& speech, std::int64_t server_now_ms);

// "m:ss" (or "h:mm:ss") of the whole seconds left, rounded up so that the
// display reaches 0:00 when time runs out; "+m:ss" of overtime after that.
std::string clock_text(std::int64_t remaining_ms);

Rgb timer_colour(TimerPhase phase);

}  // namespace gavel::display
