// A batch of an open secret vote's ballots sealed for the event log's own
// transaction: encrypted and authenticated (ChaCha20-Poly1305) with the
// vote's key (store/vote_key.hpp), so the batch is durable with the one sync
// that makes its events durable, while the database holds nothing readable
// in the order the ballots arrived. Bound to its meeting, vote and batch:
// an envelope moved to another place does not open.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/events.hpp"
#include "core/result.hpp"
#include "store/vote_key.hpp"

namespace gavel::store {

struct EnvelopePlace {
  std::int64_t meeting = 0;
  core::Id vote = 0;
  core::Seq upto = 0;  // the chain seq of the batch's last event
};

// nonce (12 random bytes) || ciphertext || tag (16 bytes).
core::Result<std::string> seal_envelope(const VoteKey& key, const EnvelopePlace& place,
                                        std::span<const core::SecretBallot* const> ballots);
// The ballots in the order sealed, each with the place's vote; a damaged
// envelope, or one from another place or key, is refused.
core::Result<std::vector<core::SecretBallot>> open_envelope(const VoteKey& key, const EnvelopePlace& place,
                                                            std::string_view sealed);

}  // namespace gavel::store
