// Reads the TOML half of a meeting file: [meeting], [quorum], [queue] and the
// [[item]] agenda with its [[item.opinion]]s. The roster is the CSV's; what
// refers into it (veto groups, the quorum's size) is checked once both are
// read, so the lines of those keys are kept here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/types.hpp"

namespace gavel::meeting_file {

struct MeetingToml {
  core::MeetingSetup setup;  // everything but the roster
  std::string roster;        // meeting.roster as written; empty when absent
  std::size_t meeting_line = 0;
  std::size_t min_present_line = 0;
  std::vector<std::size_t> veto_group_lines;  // one per agenda item
};

core::Result<MeetingToml> read_meeting_toml(std::string_view text, std::string_view name);

}  // namespace gavel::meeting_file
