// Drafting the minutes from the meeting's state: the record's facts, the
// secretary's edits up to one version, and the seal of that version when it
// is signed. Pure: the same state and version always give the same document.
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "core/state.hpp"
#include "minutes/document.hpp"

namespace gavel::minutes {

// The version being worked on: the latest signed one when nothing changed
// since, else the next one (1 before anything is signed).
std::uint32_t working_version(const core::MeetingState& state);

// Version 1..working_version(state); 0 means the working version. A version
// after the signed ones is a draft; a signed one carries its seal.
core::Result<Document> draft_minutes(const core::MeetingState& state, std::uint32_t version = 0);

}  // namespace gavel::minutes
