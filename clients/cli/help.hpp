// gavelctl's help texts: the overview and one page per command. Constant
// data, any thread.
#pragma once

#include <string_view>

#include "lang.hpp"

namespace gavel::cli {

std::string_view overview_help(Lang lang = Lang::en);
// The page for a command ("vote", "speakers"); empty for an unknown one.
std::string_view command_help(std::string_view command, Lang lang = Lang::en);

// The Chinese texts (help_zh.cpp); `command` already resolved from aliases.
std::string_view overview_help_zh();
std::string_view command_help_zh(std::string_view command);

}  // namespace gavel::cli
