// The running meeting as its record holds it, read through a connection of
// its own that writes nothing: what the hall goes back to when the disk
// refuses a write (Hall::reload_from), and what a restart would rebuild.
#pragma once

#include <filesystem>

#include "core/meeting.hpp"

namespace gavel::gaveld {

core::Result<core::Meeting> read_back(const std::filesystem::path& database);

}  // namespace gavel::gaveld
