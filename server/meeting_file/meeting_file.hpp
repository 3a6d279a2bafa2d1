// Meeting files: a human-edited TOML description of the meeting and its
// agenda, plus the roster as a spreadsheet's CSV export, read into the
// engine's MeetingSetup. Every failure is a value whose message names the
// file, the line and the field; no exception leaves this library. The format
// is documented in docs/meeting-file.md.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.hpp"
#include "core/types.hpp"

namespace gavel::meeting_file {

// Reads both files. With an empty roster path the TOML's meeting.roster key
// names the CSV, relative to the TOML file's folder. A file that cannot be
// read is ErrorCode::not_found; a file larger than 8 MiB is too_large; a
// file with a mistake is invalid_argument.
core::Result<core::MeetingSetup> load(const std::filesystem::path& toml,
                                      const std::filesystem::path& roster_csv);

// Reads texts already in memory; the names start the error messages.
// meeting.roster, if present, is ignored: the CSV text is given.
core::Result<core::MeetingSetup> parse(std::string_view toml_text, std::string_view csv_text,
                                       std::string_view toml_name, std::string_view csv_name);

}  // namespace gavel::meeting_file
