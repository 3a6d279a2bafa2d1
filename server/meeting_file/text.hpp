// Small text rules shared by the TOML and CSV readers: trimming, the shape of
// an id, and splitting a list cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gavel::meeting_file {

// Removes ASCII spaces, tabs and line breaks at both ends.
std::string_view trim(std::string_view text);

// Ids travel in URLs, clicker messages and ';'-separated cells, so they may
// hold neither whitespace, control characters, ',' nor ';'.
bool is_valid_id(std::string_view id);

// Splits "a; b；c" on ASCII ';' and the full-width '；' that Chinese input
// methods type, trimming each part and dropping empty ones.
std::vector<std::string> split_list(std::string_view cell);

}  // namespace gavel::meeting_file
