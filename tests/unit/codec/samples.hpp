// One sample of every command and every event, each field set to a value
// other than its default, so a field lost on the way through the wire shows.
// Built per variant alternative: a new command or event without a sample
// does not compile.
#pragma once

#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/events.hpp"
#include "core/types.hpp"

namespace gavel::test {

std::vector<core::Command> every_command();
std::vector<core::Event> every_event();
core::VoteSpec sample_spec();
core::VoteResult sample_result();

// Roster and agenda entries with only what a test cares about.
core::Participant person(const std::string& id, const std::string& name, const std::string& group);
core::AgendaItem agenda_item(const std::string& id, const std::string& title, core::Millis published);

}  // namespace gavel::test
