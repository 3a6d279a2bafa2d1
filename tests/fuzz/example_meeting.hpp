// The example residents' council (examples/residents-council), read once:
// the meeting every fuzz target that needs one runs.
#pragma once

#include <cstdlib>
#include <string>

#include "core/types.hpp"
#include "meeting_file/meeting_file.hpp"

namespace gavel::fuzz {

inline const core::MeetingSetup& example_meeting() {
  static const core::MeetingSetup setup = [] {
    auto loaded = meeting_file::load(std::string(GAVEL_EXAMPLE_DIR) + "/meeting.toml", "");
    if (!loaded) std::abort();  // the example is part of the repository
    return loaded.value();
  }();
  return setup;
}

}  // namespace gavel::fuzz
