// The folded state of a meeting as bytes (a checkpoint of the fold), so
// that a restart folds only the events after it. The image is a cache, never
// the record: it says which seq it folded, the store keeps it beside the
// chain hash at that seq, and a restart that cannot use it (another format,
// another hash, a vote record missing) folds the whole log instead.
//
// It holds exactly what folding the events gives: never a secret ballot, a
// receipt's owner, which ballots are a veto group's "no", or the veto bit
// (the ballot box and veto_standing keep those). A closed vote is written
// once, at its close, as a record of its own (it never changes again), so an
// image costs in proportion to the open meeting, not to every vote held.
// Pure functions, any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/state.hpp"

namespace gavel::store {

struct StateImage {
  core::Seq seq = 0;
  std::string state;  // the state, closed votes by id only
  std::vector<std::pair<core::Id, std::string>> closed_votes;  // records to store with it
};

// The image of `state`, with the records of the closed votes numbered
// `closed_from` and above (the ones the store may not have yet).
StateImage image_of(const core::MeetingState& state, core::Id closed_from);

// Rebuilds the state from an image and the records of its closed votes
// (asked for by id); an error when the bytes are not an image of this
// format or a record is missing.
using VoteRecords = std::function<std::optional<std::string>(core::Id)>;
core::Result<core::MeetingState> state_from(std::string_view image, const VoteRecords& records);

}  // namespace gavel::store
