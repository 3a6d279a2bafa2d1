#include "join_codes.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>

namespace gavel::net {

std::optional<std::string> random_join_code() {
  std::string code;
  // Rejection sampling keeps every character equally likely.
  const auto limit = static_cast<unsigned char>(256 - 256 % kCodeAlphabet.size());
  while (code.size() < kCodeLength) {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return std::nullopt;
    for (unsigned char b : bytes)
      if (b < limit && code.size() < kCodeLength) code += kCodeAlphabet[b % kCodeAlphabet.size()];
  }
  return code;
}

std::optional<std::string> normalize_join_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCodeAlphabet.find(c) == std::string_view::npos || code.size() >= kCodeLength) return std::nullopt;
    code += c;
  }
  if (code.size() < 6) return std::nullopt;
  return code;
}

void CodeAttempts::refill(Bucket& b, core::Millis now) {
  b.tries = std::min(kBurst, b.tries + static_cast<double>(now - b.at) / static_cast<double>(kRefillMs));
  b.at = now;
}

bool CodeAttempts::may_try(const std::string& address, core::Millis now) {
  auto it = buckets_.find(address);
  if (it != buckets_.end()) {
    refill(it->second, now);
    return it->second.tries >= 1;
  }
  if (buckets_.size() >= kMaxAddresses)
    std::erase_if(buckets_, [&](const auto& entry) {
      Bucket b = entry.second;
      refill(b, now);
      return b.tries >= kBurst;
    });
  // While every remembered address is still spending its tries, a new one
  // waits too: memory stays bounded and guessing gains nothing.
  return buckets_.size() < kMaxAddresses;
}

void CodeAttempts::failed(const std::string& address, core::Millis now) {
  auto [it, fresh] = buckets_.try_emplace(address, Bucket{kBurst, now});
  if (!fresh) refill(it->second, now);
  it->second.tries = std::max(0.0, it->second.tries - 1);
}

}  // namespace gavel::net
