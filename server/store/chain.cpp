#include "chain.hpp"

#include <openssl/evp.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace gavel::store {

namespace {
// One digest context per thread, reused: the writer hashes every event it
// stores, so allocation per event would show in the group commit.
EVP_MD_CTX* context() {
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return ctx.get();
}

const EVP_MD* sha256() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

ChainHash digest(std::uint8_t prefix, std::string_view first, std::string_view second) {
  EVP_MD_CTX* ctx = context();
  ChainHash out{};
  unsigned int size = 0;
  // Only allocation failure can make these fail; a chain with a wrong hash
  // must never be written, so that is fatal here.
  if (!ctx || !sha256() || EVP_DigestInit_ex(ctx, sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx, &prefix, 1) != 1 || EVP_DigestUpdate(ctx, first.data(), first.size()) != 1 ||
      EVP_DigestUpdate(ctx, second.data(), second.size()) != 1 || EVP_DigestFinal_ex(ctx, out.data(), &size) != 1 ||
      size != out.size())
    throw std::runtime_error("SHA-256 failed");
  return out;
}
}  // namespace

ChainHash chain_root(std::string_view setup) { return digest(0x00, setup, {}); }

ChainHash chain_link(const ChainHash& previous, std::string_view body) {
  return digest(0x01, std::string_view(reinterpret_cast<const char*>(previous.data()), previous.size()), body);
}

std::string to_bytes(const ChainHash& hash) { return std::string(hash.begin(), hash.end()); }

bool from_bytes(std::string_view bytes, ChainHash& out) {
  if (bytes.size() != out.size()) return false;
  std::memcpy(out.data(), bytes.data(), out.size());
  return true;
}

}  // namespace gavel::store
