// The data folder's Ed25519 key (OpenSSL EVP): created on the first start as
// record.key (PKCS#8 PEM, mode 0600), loaded afterwards. It signs the
// record's checkpoints; its fingerprint is printed on the minutes so that a
// reader can tell which folder signed them. Thread-safe once opened: sign()
// may run on the log writer's thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

typedef struct evp_pkey_st EVP_PKEY;

namespace gavel::record {

inline constexpr const char* kKeyFile = "record.key";

class Signer {
 public:
  // Loads DATA/record.key, or creates it when there is none.
  static core::Result<Signer> open(const std::filesystem::path& data_folder);

  // The Ed25519 signature (64 bytes) of `bytes`.
  std::string sign(std::string_view bytes) const;
  // SHA-256 of the raw public key, 64 lowercase hex digits.
  std::string fingerprint() const;
  // The 32 raw bytes of the public key.
  const std::string& public_key() const { return public_key_; }
  // The signed-note key name, "gavel-" and the fingerprint's first 16 digits.
  std::string name() const;
  // The C2SP note verifier key: name+keyid+base64(0x01 || public key).
  std::string verifier_key() const;

 private:
  Signer(std::shared_ptr<EVP_PKEY> key, std::string public_key)
      : key_(std::move(key)), public_key_(std::move(public_key)) {}
  std::shared_ptr<EVP_PKEY> key_;
  std::string public_key_;
};

// Checks an Ed25519 signature against a raw 32-byte public key.
bool signature_valid(std::string_view public_key, std::string_view message, std::string_view signature);

// SHA-256 of `bytes` (32 raw bytes); hex and base64 for printing.
std::string sha256(std::string_view bytes);
std::string hex(std::string_view bytes);
std::string base64(std::string_view bytes);
// false when `text` is not valid base64.
bool unbase64(std::string_view text, std::string& out);

}  // namespace gavel::record
