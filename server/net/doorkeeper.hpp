// Who may come in: access tokens and the role and participant each admits.
// Tokens are 128-bit random hex; lookups compare in constant time.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.hpp"
#include "core/types.hpp"

namespace gavel::net {

struct Credentials {
  core::Role role = core::Role::participant;
  std::string participant_id;  // empty for chair, secretary, display and base stations
  std::string clicker_id;      // a clicker's or base station's id (role clicker)
};

// 32 lowercase hex characters from OpenSSL's CSPRNG, drawn 64 tokens at a
// time into a pool of the calling thread's own; nullopt when the pool is
// empty and the CSPRNG has no randomness to give (it runs on the hall's
// strand: no exception may leave it).
std::optional<std::string> random_token();
// The typed error for a client when random_token() had nothing to give.
core::Error no_randomness();

// What a participant can be handed to come in: the personal link's token
// and the short code (join_codes.hpp).
struct JoinCard {
  std::string token;
  std::string code;
};

class Doorkeeper {
 public:
  void add(const std::string& token, Credentials credentials);
  std::optional<Credentials> admit(const std::string& token) const;
  // Codes are kept apart from tokens: a code is never accepted as a token.
  void add_code(const std::string& code, const std::string& participant_id);
  std::optional<Credentials> admit_code(const std::string& code) const;
  std::optional<JoinCard> card(const std::string& participant_id) const;
  // A revoked credential admits nobody from now on.
  void remove(const std::string& token);

 private:
  struct Entry {
    std::string token;
    Credentials credentials;
  };
  // Keyed by the token's SHA-256, so the lookup's timing says nothing about
  // how close a guess was; the token itself is then compared in constant time.
  std::unordered_map<std::string, Entry> by_digest_;
  std::unordered_map<std::string, Entry> codes_by_digest_;
  std::unordered_map<std::string, JoinCard> cards_;  // by participant id
};

const char* role_name(core::Role role);
std::optional<core::Role> role_from_name(const std::string& name);

}  // namespace gavel::net
