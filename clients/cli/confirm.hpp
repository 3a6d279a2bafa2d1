// Irreversible steps (ending the meeting, closing a vote or an item) are
// confirmed on a terminal before they are sent: the question says what the
// step will cut short. Pure, any thread; run.cpp asks and reads the answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gavel/v1/envelope.pb.h"
#include "lang.hpp"
#include "names.hpp"

namespace gavel::cli {

// The question to ask, or none when `command` needs no confirmation.
std::optional<std::string> confirmation_question(const v1::Command& command, const v1::MeetingSnapshot& snapshot,
                                                 const Names& names, Lang lang);
// "y", "yes", "是", "确定" (any case, spaces around ignored).
bool is_yes(std::string_view answer);

}  // namespace gavel::cli
