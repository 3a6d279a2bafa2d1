#include "minutes_seal.hpp"

#include <algorithm>

namespace gavel::record {

store::LogWriter::Sealer sign_on(std::shared_ptr<const Signer> signer, store::MeetingId meeting,
                                 std::set<std::string> kinds) {
  return [signer = std::move(signer), meeting, kinds = std::move(kinds)](
             const store::Commit& commit, const store::ChainHead& head) -> std::optional<store::StoredCheckpoint> {
    bool signs = std::any_of(commit.events.begin(), commit.events.end(),
                             [&](const store::StoredEvent& e) { return kinds.count(e.kind) > 0; });
    if (!signs) return std::nullopt;
    return seal(*signer, Checkpoint{origin_of(*signer, meeting), head, {}}).stored();
  };
}

core::Result<Seal> seal_of(const store::StoredCheckpoint& stored) {
  auto opened = open_note(stored.note, stored.verifier_key);
  if (!opened) return opened.error();
  if (!opened.value().signature_valid)
    return core::make_error(core::ErrorCode::invalid_argument, "签名检查点的签名无效",
                            "the signed checkpoint's signature is invalid");
  // The signature is the last 64 bytes of the last signature line's base64.
  auto line_start = stored.note.rfind(' ', stored.note.size() - 2);
  std::string signed_bytes;
  if (line_start == std::string::npos ||
      !unbase64(stored.note.substr(line_start + 1, stored.note.size() - line_start - 2), signed_bytes) ||
      signed_bytes.size() != 68)
    return core::make_error(core::ErrorCode::invalid_argument, "签名行格式错误", "malformed signature line");
  return Seal{opened.value().checkpoint, stored.note, base64(signed_bytes.substr(4)), opened.value().fingerprint,
              stored.verifier_key};
}

void seal_minutes(const Signer& signer, const store::ChainHead& durable, core::cmd::SignMinutes& sign) {
  if (durable.seq == sign.head_seq) sign.head_sha256 = hex(store::to_bytes(durable.hash));
  std::string statement = "gavel minutes\nsha256:" + sign.content_sha256 + "\nhead " + std::to_string(sign.head_seq) +
                          " " + sign.head_sha256 + "\n";
  sign.signature = base64(signer.sign(statement));
  sign.key_fingerprint = signer.fingerprint();
}

}  // namespace gavel::record
