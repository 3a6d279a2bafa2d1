// Reads the roster CSV into participants: the header names the columns in
// any order, every row is one person. Invited items are checked against the
// agenda already read from the TOML file.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/types.hpp"

namespace gavel::meeting_file {

core::Result<std::vector<core::Participant>> read_roster_csv(
    std::string_view text, std::string_view name, const std::vector<core::AgendaItem>& agenda);

}  // namespace gavel::meeting_file
