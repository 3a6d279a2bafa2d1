// Short personal codes (个人码): what a person types after scanning the room's
// QR code, for those who did not get a personal link. Eight characters from
// an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits; guessing is
// held back per client address by CodeAttempts. Runs on the hall's strand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/types.hpp"

namespace gavel::net {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kCodeLength = 8;

// From OpenSSL's CSPRNG; nullopt when no randomness is available.
std::optional<std::string> random_join_code();

// The code as typed ("k7mq 2xhp", "K7MQ-2XHP") in its stored form, or
// nullopt when it cannot be a code at all.
std::optional<std::string> normalize_join_code(std::string_view typed);

// A bucket of tries per client address: kBurst wrong codes at once, then
// one more every kRefillMs. Bounded: at most kMaxAddresses are remembered.
class CodeAttempts {
 public:
  static constexpr double kBurst = 5;
  static constexpr core::Millis kRefillMs = 20000;
  static constexpr std::size_t kMaxAddresses = 4096;

  bool may_try(const std::string& address, core::Millis now);
  // Only after may_try() said yes, so the map never outgrows kMaxAddresses.
  void failed(const std::string& address, core::Millis now);

 private:
  struct Bucket {
    double tries = kBurst;
    core::Millis at = 0;
  };
  static void refill(Bucket& bucket, core::Millis now);
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace gavel::net
