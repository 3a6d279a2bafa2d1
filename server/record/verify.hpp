// Checks a record (from the database or a JSON export): whether each
// meeting's hash chain is whole, and whether its signed checkpoints'
// signatures and head hashes match. Names the first event that was changed,
// removed or inserted. Pure: a record in, findings out; the words are the
// caller's (gavelctl verify).
#pragma once

#include <string>
#include <vector>

#include "core/events.hpp"
#include "gavel/v1/record.pb.h"

namespace gavel::record {

enum class Damage {
  none,
  setup_changed,    // the meeting's stored setup (the chain's root) differs
  changed,          // `seq`'s bytes, hash or columns were changed
  removed,          // the event with `seq` is missing
  inserted,         // the event stored as `seq` was not in the chain
  decoded_differs,  // a JSON export's readable form of `seq` says something else than its bytes
};

struct ChainFinding {
  Damage damage = Damage::none;
  std::uint64_t seq = 0;
};

struct CheckpointFinding {
  std::uint64_t size = 0;
  bool well_formed = false;
  std::string problem_zh, problem_en;  // when not well formed
  bool signature_valid = false;
  bool head_matches = false;     // the chain's hash at `size` is the signed one
  bool events_missing = false;   // the chain is shorter than `size`
  bool beyond_break = false;     // the chain breaks before `size`: the head cannot be checked
  std::uint64_t events_after = 0;  // stored after the checkpoint, not covered by it
  std::string fingerprint;       // of the key that signed
  std::vector<std::string> extensions;
  bool ok() const { return well_formed && signature_valid && head_matches && !events_missing && !beyond_break; }
};

// One secret vote's ballot box (the database's `ballots` table, which the
// chain does not cover) against the receipts published in its close event
// (which the chain does). Only a database has a ballot box to check.
struct BallotFinding {
  std::uint64_t vote_id = 0;
  std::size_t published = 0, stored = 0;
  std::size_t missing = 0;  // published, not in the box
  std::size_t added = 0;    // in the box, never published
  std::size_t changed = 0;  // in both, with another choice
  std::string first_receipt;  // the first that disagrees (receipts are public after the close)
  bool ok() const { return missing == 0 && added == 0 && changed == 0; }
};

struct MeetingFinding {
  std::int64_t id = 0;
  std::string title;
  std::uint64_t events = 0;
  ChainFinding chain;
  std::vector<CheckpointFinding> checkpoints;
  bool ballots_checked = false;        // set by check_ballots (a database)
  std::vector<BallotFinding> ballots;  // each closed secret vote
  std::size_t open_ballots = 0;        // in the box for a vote not closed: nothing published to compare
  bool ok() const;
};

struct VerifyReport {
  std::vector<MeetingFinding> meetings;
  bool ok() const;
};

VerifyReport verify(const v1::RecordExport& record);

// Compares `box` (the meeting's stored secret ballots) with the receipts
// published at each secret vote's close, and records it in `finding`.
void check_ballots(const v1::MeetingRecord& meeting, const std::vector<core::SecretBallot>& box,
                   MeetingFinding& finding);

}  // namespace gavel::record
