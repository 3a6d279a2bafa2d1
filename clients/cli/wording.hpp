// The words gavelctl prints for the protocol's enums, in Chinese and in
// English. (Parsing uses the fixed English words of words.hpp.) Pure, any thread.
#pragma once

#include <string>

#include "gavel/v1/envelope.pb.h"
#include "lang.hpp"

namespace gavel::cli {

std::string request_kind_word(Lang lang, v1::RequestKind kind);
std::string dissent_kind_word(Lang lang, v1::DissentKind kind);
std::string ballot_form_word(Lang lang, v1::BallotForm form);
std::string outcome_word(Lang lang, v1::Outcome outcome);
std::string motion_state_word(Lang lang, v1::MotionState state);
std::string item_state_word(Lang lang, v1::ItemState state);
std::string phase_word(Lang lang, v1::MeetingPhase phase);
// "出席 12 / 应到 20 人，法定人数 14，未达到；列席 2 人": fixed members,
// quorum and invited members counted apart, as the server counts them.
std::string attendance_words(Lang lang, const v1::Attendance& attendance);

}  // namespace gavel::cli
