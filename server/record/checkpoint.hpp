// Checkpoints: a chain head in the C2SP tlog-checkpoint text form, signed as
// a C2SP signed note with the data folder's Ed25519 key.
//
//   <origin>\n<size>\n<base64 head hash>\n[extension lines\n]
//   \n
//   — <key name> <base64(key id || signature)>\n
//
// `size` is the head's seq (the number of events covered, the chain
// starting at 1) and the "root hash" is the chain head's hash: a hash chain,
// not a Merkle tree. Pure apart from the signer; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "record/signer.hpp"
#include "store/chain.hpp"
#include "store/meeting_store.hpp"

namespace gavel::record {

struct Checkpoint {
  std::string origin;
  store::ChainHead head;
  std::vector<std::string> extensions;  // e.g. "minutes 2 sha256:…", one line each, no newline
};

// The log's name in its checkpoints: "gavel/<fingerprint's first 16 digits>/<meeting id>".
std::string origin_of(const Signer& signer, store::MeetingId meeting);

std::string checkpoint_text(const Checkpoint& checkpoint);

// What a signed version of the minutes carries.
struct Seal {
  Checkpoint checkpoint;
  std::string note;            // the whole signed note
  std::string signature;       // base64 of the 64-byte Ed25519 signature
  std::string fingerprint;     // the signer's, 64 hex digits
  std::string verifier_key;
  core::Seq head_seq() const { return checkpoint.head.seq; }
  std::string head_hash() const;  // base64, as in the note
  store::StoredCheckpoint stored() const { return {checkpoint.head.seq, note, verifier_key}; }
};

Seal seal(const Signer& signer, Checkpoint checkpoint);

// A signed note read back and checked against its verifier key.
struct OpenedNote {
  Checkpoint checkpoint;
  std::string key_name;
  std::string fingerprint;  // of the verifier key's public key
  bool signature_valid = false;
};
// A clear error when the note or the key is not in the expected form; a
// well-formed note with a bad signature opens with signature_valid false.
core::Result<OpenedNote> open_note(std::string_view note, std::string_view verifier_key);

}  // namespace gavel::record
