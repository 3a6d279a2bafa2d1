// After the server refused a command: what to type instead, in gavelctl's
// own words (the server cannot know gavelctl's flags). Pure, any thread.
#pragma once

#include <string>

#include "gavel/v1/envelope.pb.h"
#include "lang.hpp"

namespace gavel::cli {

// "；请用 --mover PID 写明动议人" or empty when there is nothing to add.
std::string hint_for(const v1::Command& command, const v1::Error& error, Lang lang);

}  // namespace gavel::cli
