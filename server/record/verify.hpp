// Checks a record (from the database or a JSON export): whether each
// meeting's hash chain is whole, and whether its signed checkpoints'
// signatures and head hashes match. Names the first event that was changed,
// removed or inserted. Pure: a record in, findings out; the words are the
// caller's (gavelctl verify).
#pragma once

#include <string>
#include <vector>

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

struct MeetingFinding {
  std::int64_t id = 0;
  std::string title;
  std::uint64_t events = 0;
  ChainFinding chain;
  std::vector<CheckpointFinding> checkpoints;
  bool ok() const;
};

struct VerifyReport {
  std::vector<MeetingFinding> meetings;
  bool ok() const;
};

VerifyReport verify(const v1::RecordExport& record);

}  // namespace gavel::record
