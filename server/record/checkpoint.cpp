#include "checkpoint.hpp"

#include <charconv>

namespace gavel::record {

namespace {
constexpr std::string_view kDash = "\xe2\x80\x94 ";  // "— ", U+2014 and a space

core::Error malformed(const std::string& zh, const std::string& en) {
  return core::make_error(core::ErrorCode::invalid_argument, "签名检查点格式错误：" + zh,
                          "malformed signed checkpoint: " + en);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(0, end));
    text.remove_prefix(std::min(text.size(), end + 1));
  }
  return out;
}

std::string key_id(std::string_view name, std::string_view public_key) {
  return sha256(std::string(name) + "\n\x01" + std::string(public_key)).substr(0, 4);
}
}  // namespace

std::string origin_of(const Signer& signer, store::MeetingId meeting) {
  return "gavel/" + signer.fingerprint().substr(0, 16) + "/" + std::to_string(meeting);
}

std::string checkpoint_text(const Checkpoint& checkpoint) {
  std::string text = checkpoint.origin + "\n" + std::to_string(checkpoint.head.seq) + "\n" +
                     base64(store::to_bytes(checkpoint.head.hash)) + "\n";
  for (const std::string& line : checkpoint.extensions) text += line + "\n";
  return text;
}

std::string Seal::head_hash() const { return base64(store::to_bytes(checkpoint.head.hash)); }

Seal seal(const Signer& signer, Checkpoint checkpoint) {
  std::string text = checkpoint_text(checkpoint);
  std::string signature = signer.sign(text);
  std::string note = text + "\n" + std::string(kDash) + signer.name() + " " +
                     base64(key_id(signer.name(), signer.public_key()) + signature) + "\n";
  return Seal{std::move(checkpoint), std::move(note), base64(signature), signer.fingerprint(), signer.verifier_key()};
}

core::Result<OpenedNote> open_note(std::string_view note, std::string_view verifier_key) {
  // name+keyid+base64(0x01 || key)
  auto plus = verifier_key.find('+');
  auto plus2 = plus == std::string_view::npos ? plus : verifier_key.find('+', plus + 1);
  if (plus2 == std::string_view::npos) return malformed("验证公钥不完整", "the verifier key is incomplete");
  std::string typed_key;
  if (!unbase64(verifier_key.substr(plus2 + 1), typed_key) || typed_key.size() != 33 || typed_key[0] != '\x01')
    return malformed("验证公钥不是 Ed25519", "the verifier key is not an Ed25519 key");
  std::string name(verifier_key.substr(0, plus));
  std::string public_key = typed_key.substr(1);

  auto split = note.rfind("\n\n");
  if (split == std::string_view::npos || note.back() != '\n') return malformed("缺少签名行", "no signature lines");
  std::string_view text = note.substr(0, split + 1);
  auto body = lines_of(text);
  if (body.size() < 3) return malformed("缺少来源、大小或哈希行", "origin, size or hash line missing");
  OpenedNote opened;
  opened.key_name = name;
  opened.fingerprint = hex(sha256(public_key));
  opened.checkpoint.origin = std::string(body[0]);
  auto size = body[1];
  auto [end, err] = std::from_chars(size.data(), size.data() + size.size(), opened.checkpoint.head.seq);
  if (err != std::errc() || end != size.data() + size.size() || size.empty())
    return malformed("大小不是数字", "the size is not a number");
  std::string hash;
  if (!unbase64(body[2], hash) || !store::from_bytes(hash, opened.checkpoint.head.hash))
    return malformed("头哈希不是 32 字节的 base64", "the head hash is not 32 bytes of base64");
  for (std::size_t i = 3; i < body.size(); ++i) opened.checkpoint.extensions.emplace_back(body[i]);

  const std::string want_id = key_id(name, public_key);
  for (std::string_view line : lines_of(note.substr(split + 2))) {
    if (line.substr(0, kDash.size()) != kDash) return malformed("签名行格式错误", "a signature line is malformed");
    line.remove_prefix(kDash.size());
    auto space = line.find(' ');
    if (space == std::string_view::npos) return malformed("签名行格式错误", "a signature line is malformed");
    std::string signature;
    if (line.substr(0, space) != name || !unbase64(line.substr(space + 1), signature) || signature.size() != 68 ||
        signature.substr(0, 4) != want_id)
      continue;  // another key's signature: not ours to check
    if (signature_valid(public_key, text, signature.substr(4))) opened.signature_valid = true;
  }
  return opened;
}

}  // namespace gavel::record
