#include "doorkeeper.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace gavel::net {

namespace {
std::string digest(const std::string& token) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), out.data());
  return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}
}  // namespace

std::string random_token() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("no randomness available for tokens");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

void Doorkeeper::add(const std::string& token, Credentials credentials) {
  by_digest_[digest(token)] = Entry{token, std::move(credentials)};
}

std::optional<Credentials> Doorkeeper::admit(const std::string& token) const {
  auto it = by_digest_.find(digest(token));
  if (it == by_digest_.end() || it->second.token.size() != token.size()) return std::nullopt;
  if (CRYPTO_memcmp(it->second.token.data(), token.data(), token.size()) != 0) return std::nullopt;
  return it->second.credentials;
}

void Doorkeeper::remove(const std::string& token) { by_digest_.erase(digest(token)); }

const char* role_name(core::Role role) {
  switch (role) {
    case core::Role::chair: return "chair";
    case core::Role::secretary: return "secretary";
    case core::Role::participant: return "participant";
    case core::Role::display: return "display";
    case core::Role::clicker: return "clicker";
  }
  return "unknown";
}

std::optional<core::Role> role_from_name(const std::string& name) {
  for (auto role : {core::Role::chair, core::Role::secretary, core::Role::participant,
                    core::Role::display, core::Role::clicker})
    if (name == role_name(role)) return role;
  return std::nullopt;
}

}  // namespace gavel::net
