#include "envelope.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <bit>
#include <climits>
#include <cstring>
#include <memory>

namespace gavel::store {

namespace {
constexpr std::size_t kNonce = 12, kTag = 16;

core::Error sealing_failed() {
  return core::make_error(core::ErrorCode::internal, "无法加密这批选票", "cannot seal the batch of ballots");
}

core::Error damaged(const EnvelopePlace& place) {
  return core::make_error(core::ErrorCode::internal,
                          "第 " + std::to_string(place.vote) + " 项表决的选票记录已损坏或不属于这里（批次 " +
                              std::to_string(place.upto) + "）",
                          "vote " + std::to_string(place.vote) + ": a batch of ballots (to seq " +
                              std::to_string(place.upto) + ") is damaged or does not belong here");
}

// One cipher context per thread, reused: the writer seals every batch.
EVP_CIPHER_CTX* context() {
  thread_local std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                                  &EVP_CIPHER_CTX_free);
  return ctx.get();
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_text(std::string& out, const std::string& text) {
  put_u32(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

// What the tag also covers: the envelope's place.
std::string associated(const EnvelopePlace& place) {
  std::string out = "gavel envelope 1";
  put_u64(out, static_cast<std::uint64_t>(place.meeting));
  put_u64(out, place.vote);
  put_u64(out, place.upto);
  return out;
}

// Reads the plain text back; every length is checked against what is left.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool u32(std::uint32_t& v) {
    std::uint64_t wide = 0;
    if (!take(4, wide)) return false;
    v = static_cast<std::uint32_t>(wide);
    return true;
  }
  bool u64(std::uint64_t& v) { return take(8, v); }
  bool text(std::string& out) {
    std::uint32_t n = 0;
    if (!u32(n) || n > rest_.size()) return false;
    out.assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  bool take(std::size_t n, std::uint64_t& v) {
    if (rest_.size() < n) return false;
    v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    rest_.remove_prefix(n);
    return true;
  }
  std::string_view rest_;
};

auto* as_bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }
auto* as_bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
}  // namespace

core::Result<std::string> seal_envelope(const VoteKey& key, const EnvelopePlace& place,
                                        std::span<const core::SecretBallot* const> ballots) {
  std::string plain;
  put_u32(plain, static_cast<std::uint32_t>(ballots.size()));
  for (const core::SecretBallot* b : ballots) {
    put_text(plain, b->receipt);
    put_u32(plain, static_cast<std::uint32_t>(b->choices.size()));
    for (std::uint32_t c : b->choices) put_u32(plain, c);
    put_u64(plain, std::bit_cast<std::uint64_t>(b->weight));
    put_text(plain, b->reason);
  }
  const std::string aad = associated(place);
  std::string out(kNonce + plain.size() + kTag, '\0');
  EVP_CIPHER_CTX* ctx = context();
  int n = 0;
  bool ok = ctx && plain.size() < INT_MAX && RAND_bytes(as_bytes(out), static_cast<int>(kNonce)) == 1 &&
            EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key.bytes().data(), as_bytes(out)) == 1 &&
            EVP_EncryptUpdate(ctx, nullptr, &n, as_bytes(std::string_view(aad)), static_cast<int>(aad.size())) == 1 &&
            EVP_EncryptUpdate(ctx, as_bytes(out) + kNonce, &n, as_bytes(std::string_view(plain)),
                              static_cast<int>(plain.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx, as_bytes(out) + kNonce + n, &n) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kTag),
                                as_bytes(out) + kNonce + plain.size()) == 1;
  OPENSSL_cleanse(plain.data(), plain.size());
  if (!ok) return sealing_failed();
  return out;
}

core::Result<std::vector<core::SecretBallot>> open_envelope(const VoteKey& key, const EnvelopePlace& place,
                                                            std::string_view sealed) {
  if (sealed.size() < kNonce + kTag || sealed.size() - kNonce - kTag >= INT_MAX) return damaged(place);
  const std::string aad = associated(place);
  const std::string_view body = sealed.substr(kNonce, sealed.size() - kNonce - kTag);
  std::string tag(sealed.substr(sealed.size() - kTag));
  std::string plain(body.size(), '\0');
  EVP_CIPHER_CTX* ctx = context();
  int n = 0;
  bool ok = ctx && EVP_DecryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key.bytes().data(), as_bytes(sealed)) == 1 &&
            EVP_DecryptUpdate(ctx, nullptr, &n, as_bytes(std::string_view(aad)), static_cast<int>(aad.size())) == 1 &&
            EVP_DecryptUpdate(ctx, as_bytes(plain), &n, as_bytes(body), static_cast<int>(body.size())) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kTag), as_bytes(tag)) == 1 &&
            EVP_DecryptFinal_ex(ctx, as_bytes(plain) + n, &n) == 1;
  std::vector<core::SecretBallot> out;
  Reader in(plain);
  std::uint32_t count = 0;
  ok = ok && in.u32(count);
  for (std::uint32_t i = 0; ok && i < count; ++i) {
    core::SecretBallot b;
    b.vote_id = place.vote;
    std::uint32_t choices = 0;
    ok = in.text(b.receipt) && in.u32(choices) && choices <= plain.size();
    for (std::uint32_t c = 0; ok && c < choices; ++c) ok = in.u32(b.choices.emplace_back());
    std::uint64_t weight = 0;
    ok = ok && in.u64(weight) && in.text(b.reason);
    b.weight = std::bit_cast<double>(weight);
    if (ok) out.push_back(std::move(b));
  }
  ok = ok && in.done();
  OPENSSL_cleanse(plain.data(), plain.size());
  if (!ok) return damaged(place);
  return out;
}

}  // namespace gavel::store
