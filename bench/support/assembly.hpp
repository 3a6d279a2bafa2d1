// A generated assembly of any size, for loads a fixture cannot give: people
// P00001..Pnnnnn in ten groups, one agenda item ("budget") to vote on.
#pragma once

#include <filesystem>
#include <string>

namespace gavel::bench {

inline constexpr const char* kItem = "budget";

// The participant id of person `i` (1-based): "P00001".
std::string person(int i);

// Writes meeting.toml and roster.csv into `dir`; returns the meeting file.
std::filesystem::path write_assembly(const std::filesystem::path& dir, int people);

}  // namespace gavel::bench
