// Signs the record when the minutes are signed: a LogWriter sealer that,
// for a commit holding one of the signing events, signs a checkpoint of the
// chain head right after it, in the same transaction. So the checkpoint's
// head is the signing event itself, and a signed version of the minutes can
// carry exactly that head seq, hash and signature (see seal_of).
#pragma once

#include <memory>
#include <set>
#include <string>

#include "core/commands.hpp"
#include "record/checkpoint.hpp"
#include "store/log_writer.hpp"

namespace gavel::record {

// `kinds`: the events that sign (the log's kind column).
store::LogWriter::Sealer sign_on(std::shared_ptr<const Signer> signer, store::MeetingId meeting,
                                 std::set<std::string> kinds = {"minutes_signed"});

// A stored checkpoint read back into what the minutes print: head seq, head
// hash, signature, fingerprint. An error if it does not parse or its
// signature does not check.
core::Result<Seal> seal_of(const store::StoredCheckpoint& stored);

// Seals a version of the minutes before it is signed: the chain's hash at
// the draft's head seq (when that head is the last durable one), the data
// folder key's Ed25519 signature over "gavel minutes\nsha256:<content>\n
// head <seq> <head hash>\n" (base64) and the key's fingerprint. The
// checkpoint that sign_on() stores with the signing event ties both together.
void seal_minutes(const Signer& signer, const store::ChainHead& durable, core::cmd::SignMinutes& sign);

}  // namespace gavel::record
