// What the secretary's desk asks of the minutes: a file in one format, and
// the signing of the working version. Pure functions of the meeting's state;
// the server sends their results and submits the signing to the engine.
#pragma once

#include <cstdint>
#include <string>

#include "core/commands.hpp"
#include "core/result.hpp"
#include "core/state.hpp"

namespace gavel::minutes {

enum class Format { markdown = 1, html = 2, pdf = 3, csv = 4 };

struct MinutesFile {
  Format format = Format::markdown;
  std::uint32_t version = 0;
  bool draft = false;
  std::string content;
  std::string file_name;       // minutes-2026-03-21-v1.pdf, minutes-2026-03-21-v2-draft.md
  std::string content_sha256;  // of the document without its seal
};

// Version 0: the working one. A version that is not signed yet comes only
// with `draft` set, and is then marked 草稿 throughout; a signed version is
// always exported as signed.
core::Result<MinutesFile> export_minutes(const core::MeetingState& state, Format format, std::uint32_t version,
                                         bool draft);

// The engine command that signs the working version: its content hash and
// the record's head seq filled in; the rest of the seal is left to the server.
core::Result<core::cmd::SignMinutes> signing_of(const core::MeetingState& state, std::string signed_by);

}  // namespace gavel::minutes
