// gavelctl's help texts: the overview and one page per command. Constant
// data, any thread.
#pragma once

#include <string_view>

namespace gavel::cli {

std::string_view overview_help();
// The page for a command ("vote", "speakers"); empty for an unknown one.
std::string_view command_help(std::string_view command);

}  // namespace gavel::cli
