#include <openssl/evp.h>

#include "minutes/render.hpp"

namespace gavel::minutes {

std::string content_sha256(const Document& doc) {
  Document bare = doc;
  bare.draft = false;
  bare.sealed = false;
  bare.seal = {};
  std::string text = render_markdown(bare);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace gavel::minutes
