// The one place where roles are checked: which role may send which command.
// The table is data so that a test can walk all of it.
#pragma once

#include <span>

#include "commands.hpp"

namespace gavel::core {

struct Permission {
  const char* command;  // as command_name() spells it
  bool chair, secretary, participant, display, clicker;
};

std::span<const Permission> permission_table();
bool allowed(Role role, const Command& command);

}  // namespace gavel::core
