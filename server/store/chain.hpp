// The hash chain over a meeting's event log. The root is the hash of the
// meeting's stored setup; each event links the previous hash to the event's
// stored bytes, exactly as stored (protobuf encoding is not canonical, so a
// re-serialisation could differ). RFC 6962-style prefixes keep the two kinds
// of input apart:
//   root   = SHA-256(0x00 || setup bytes)
//   hash_n = SHA-256(0x01 || hash_{n-1} || body bytes of event n)
// The secret ballot box is not chained: only events are, and a secret vote's
// events say who took part and, at the close, the receipts in receipt order.
// Pure functions, any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/types.hpp"

namespace gavel::store {

using ChainHash = std::array<std::uint8_t, 32>;

// The last event of a chain (seq 0 and the root before the first event).
struct ChainHead {
  core::Seq seq = 0;
  ChainHash hash{};
};

ChainHash chain_root(std::string_view setup);
ChainHash chain_link(const ChainHash& previous, std::string_view body);

// A hash as the 32 raw bytes the database keeps, and back (nullopt-like:
// false when the bytes are not 32 long).
std::string to_bytes(const ChainHash& hash);
bool from_bytes(std::string_view bytes, ChainHash& out);

}  // namespace gavel::store
