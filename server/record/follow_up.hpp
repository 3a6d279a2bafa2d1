// 决议执行 for archived meetings: gaveld serves one meeting at a time, but a
// resolution's follow-up goes on for months. This records a status change
// of an archived meeting's resolution straight into the data folder's
// database: the meeting is folded from its record, the engine decides the
// command as the secretary (so the same rules and words apply), and the
// event is appended to that meeting's hash chain with an audit entry, in one
// transaction. The meeting gaveld runs is refused here: its writer keeps its
// chain head in memory, so its follow-up goes through gaveld. Caller's
// thread (with the LogWriter's own for the write).
#pragma once

#include <filesystem>

#include "core/commands.hpp"
#include "core/result.hpp"
#include "store/meeting_store.hpp"

namespace gavel::record {

struct FollowedUp {
  core::Seq seq = 0;             // the recorded event's
  std::string meeting_title;
};

// `client` names who did it in the audit trail (e.g. "gavelctl on the data folder").
core::Result<FollowedUp> follow_up(const std::filesystem::path& database, store::MeetingId meeting,
                                   const core::cmd::UpdateResolution& update, const std::string& client,
                                   core::Millis now);

}  // namespace gavel::record
