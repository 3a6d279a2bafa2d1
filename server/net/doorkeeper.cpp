#include "doorkeeper.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>

namespace gavel::net {

namespace {
std::string digest(const std::string& token) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), out.data());
  return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}

template <class Table>
std::optional<Credentials> find(const Table& table, const std::string& secret) {
  auto it = table.find(digest(secret));
  if (it == table.end() || it->second.token.size() != secret.size()) return std::nullopt;
  if (CRYPTO_memcmp(it->second.token.data(), secret.data(), secret.size()) != 0) return std::nullopt;
  return it->second.credentials;
}

// A receipt is drawn for every ballot: one RAND_bytes call per 64 tokens
// instead of one each (each call was 5% of a vote's instructions). Bytes are
// wiped from the pool as they are taken.
constexpr std::size_t kTokenBytes = 16;
struct RandomPool {
  std::array<unsigned char, 64 * kTokenBytes> bytes{};
  std::size_t taken = bytes.size();

  bool take(unsigned char* out) {
    if (taken == bytes.size()) {
      if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return false;
      taken = 0;
    }
    std::copy_n(bytes.data() + taken, kTokenBytes, out);
    OPENSSL_cleanse(bytes.data() + taken, kTokenBytes);
    taken += kTokenBytes;
    return true;
  }
  ~RandomPool() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};
}  // namespace

std::optional<std::string> random_token() {
  thread_local RandomPool pool;
  std::array<unsigned char, kTokenBytes> bytes{};
  if (!pool.take(bytes.data())) return std::nullopt;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * kTokenBytes);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return out;
}

void Doorkeeper::add(const std::string& token, Credentials credentials) {
  if (credentials.role == core::Role::participant) cards_[credentials.participant_id].token = token;
  by_digest_[digest(token)] = Entry{token, std::move(credentials)};
}

core::Error no_randomness() {
  return core::make_error(core::ErrorCode::internal, "服务器暂时无法生成随机数，请稍后再试",
                          "the server has no randomness for tokens or receipts just now: try again shortly");
}

std::optional<Credentials> Doorkeeper::admit(const std::string& token) const { return find(by_digest_, token); }

void Doorkeeper::add_code(const std::string& code, const std::string& participant_id) {
  cards_[participant_id].code = code;
  codes_by_digest_[digest(code)] = Entry{code, Credentials{core::Role::participant, participant_id, ""}};
}

std::optional<Credentials> Doorkeeper::admit_code(const std::string& code) const {
  return find(codes_by_digest_, code);
}

std::optional<JoinCard> Doorkeeper::card(const std::string& participant_id) const {
  auto it = cards_.find(participant_id);
  if (it == cards_.end()) return std::nullopt;
  return it->second;
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
