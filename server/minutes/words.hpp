// The minutes' words for the engine's enumerations, in Chinese: the language
// the minutes are written and filed in.
#pragma once

#include <string>

#include "core/types.hpp"

namespace gavel::minutes {

const char* request_kind_words(core::RequestKind kind);
const char* dissent_kind_words(core::DissentKind kind);
const char* motion_state_words(core::MotionState state);
const char* ballot_form_words(core::BallotForm form);
const char* outcome_words(core::Outcome outcome);
std::string threshold_words(core::Threshold threshold, bool abstentions_count);
// 一, 二, ... 九十九: the numbering of agenda items in a 纪要.
std::string chinese_number(std::size_t n);
// 12.4 rather than 12.400000; whole numbers without decimals.
std::string weight_text(double weight);

}  // namespace gavel::minutes
