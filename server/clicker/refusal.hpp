// Why a press was not stored: a reason a device can show, and the same in
// Chinese and English for the log and gavelctl. Pure data, any thread.
#pragma once

#include <string>

namespace gavel::clicker {

// Numbered as gavel.v1.PressReason so the wire maps them one to one.
enum class PressReason {
  none = 0,
  unknown_device = 1,
  unpaired = 2,
  not_relayed_here = 3,
  key_out_of_range = 4,
  no_vote_open = 5,
  not_eligible = 6,
  cannot_change = 7,
  rate_limited = 8,
  not_now = 9,
  stale = 10,
  not_present = 11,
};

// `closed`: the press came when nothing was open for it (PRESS_REJECTED_CLOSED);
// otherwise it is invalid (PRESS_REJECTED_INVALID).
struct Refusal {
  PressReason reason = PressReason::none;
  bool closed = false;
  std::string message_zh;
  std::string message_en;
};

// The standard wording of a reason.
Refusal refuse(PressReason reason);
// The standard wording, with a more precise message.
Refusal refuse(PressReason reason, std::string zh, std::string en);

}  // namespace gavel::clicker
