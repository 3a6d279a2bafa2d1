// What a clicker key means at this moment of the meeting: a choice in the
// open vote, raising or lowering the hand, or checking in; or why it means
// nothing now. Pure: reads the meeting's state, changes nothing, any thread.
//
// Keys: 1..9 choose option 1..9; 12..16 are the letter keys A..E (= 1..5);
// 10 raises the hand (ask to speak) or, with a request waiting, lowers it;
// 11 is the presence key (check in).
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "clicker/refusal.hpp"
#include "core/state.hpp"

namespace gavel::clicker {

inline constexpr std::uint32_t kFirstDigit = 1, kLastDigit = 9;
inline constexpr std::uint32_t kHandKey = 10;
inline constexpr std::uint32_t kPresenceKey = 11;
inline constexpr std::uint32_t kLetterA = 12, kLetterE = 16;

struct Choose {
  std::uint32_t option = 0;  // index from 0
};
struct RaiseHand {};
struct LowerHand {
  core::Id request_id = 0;
};
struct CheckIn {};

using KeyAction = std::variant<Choose, RaiseHand, LowerHand, CheckIn>;
using KeyReading = std::variant<KeyAction, Refusal>;

// `holder`: the roster member the device is given to.
KeyReading read_key(std::uint32_t key, const core::MeetingState& state, const std::string& holder);

}  // namespace gavel::clicker
