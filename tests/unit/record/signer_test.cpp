// The data folder's key and the signed checkpoints made with it.
#include "record/signer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <random>

#include "record/checkpoint.hpp"
#include "record/minutes_seal.hpp"

namespace gavel::record {
namespace {

class TempFolder {
 public:
  TempFolder() : dir_(std::filesystem::temp_directory_path() / ("gavel-record-" + std::to_string(std::random_device()()))) {
    std::filesystem::create_directories(dir_);
  }
  ~TempFolder() { std::filesystem::remove_all(dir_); }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

store::ChainHead head_of(core::Seq seq) {
  store::ChainHead head;
  head.seq = seq;
  head.hash = store::chain_link(store::chain_root("setup"), "event");
  return head;
}

TEST(Signer, CreatesAKeyReadableByTheOwnerOnlyAndLoadsTheSameOneAfter) {
  TempFolder data;
  auto first = Signer::open(data.path());
  ASSERT_TRUE(first.ok()) << first.error().message_en;
  struct stat info {};
  ASSERT_EQ(::stat((data.path() / kKeyFile).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto second = Signer::open(data.path());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first.value().fingerprint(), second.value().fingerprint());
  EXPECT_EQ(first.value().fingerprint().size(), 64u);
  TempFolder other;
  EXPECT_NE(Signer::open(other.path()).value().fingerprint(), first.value().fingerprint()) << "one key per folder";
}

TEST(Signer, SignaturesCheckAndAChangedByteFails) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  std::string signature = signer.sign("会议纪要");
  ASSERT_EQ(signature.size(), 64u);
  EXPECT_TRUE(signature_valid(signer.public_key(), "会议纪要", signature));
  EXPECT_FALSE(signature_valid(signer.public_key(), "会议纪要.", signature));
  signature[10] = static_cast<char>(signature[10] ^ 1);
  EXPECT_FALSE(signature_valid(signer.public_key(), "会议纪要", signature));
}

TEST(Signer, RefusesAKeyFileThatIsNotAnEd25519Key) {
  TempFolder data;
  std::ofstream(data.path() / kKeyFile) << "not a key\n";
  auto signer = Signer::open(data.path());
  ASSERT_FALSE(signer.ok());
  EXPECT_NE(signer.error().message_en.find("not an Ed25519"), std::string::npos);
}

TEST(Checkpoint, IsASignedNoteInTheC2spForm) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  Seal sealed = seal(signer, Checkpoint{origin_of(signer, 7), head_of(42), {"minutes 1 sha256:abcd"}});
  const std::string origin = "gavel/" + signer.fingerprint().substr(0, 16) + "/7";
  const std::string body = origin + "\n42\n" + sealed.head_hash() + "\nminutes 1 sha256:abcd\n";
  ASSERT_EQ(sealed.note.substr(0, body.size()), body);
  const std::string line = sealed.note.substr(body.size());
  ASSERT_EQ(line.substr(0, 1), "\n") << "a blank line before the signatures";
  ASSERT_EQ(line.substr(1, 4 + signer.name().size() + 1), "\xe2\x80\x94 " + signer.name() + " ")
      << "a signature line starts with an em dash and the key's name";
  // key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], then the signature.
  std::string raw;
  ASSERT_TRUE(unbase64(line.substr(line.rfind(' ') + 1, line.size() - line.rfind(' ') - 2), raw));
  ASSERT_EQ(raw.size(), 68u);
  EXPECT_EQ(raw.substr(0, 4), sha256(signer.name() + "\n\x01" + signer.public_key()).substr(0, 4));
  EXPECT_TRUE(signature_valid(signer.public_key(), body, raw.substr(4)));
  EXPECT_EQ(sealed.head_seq(), 42u);
  EXPECT_EQ(base64(raw.substr(4)), sealed.signature);
  EXPECT_EQ(sealed.fingerprint, signer.fingerprint());
  // The verifier key: name+keyid+base64(0x01 || key).
  EXPECT_EQ(sealed.verifier_key, signer.name() + "+" + hex(raw.substr(0, 4)) + "+" +
                                     base64(std::string(1, '\x01') + signer.public_key()));
}

TEST(Checkpoint, OpensBackAndATamperedNoteFailsItsSignature) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  Seal sealed = seal(signer, Checkpoint{origin_of(signer, 1), head_of(9), {}});
  auto opened = open_note(sealed.note, sealed.verifier_key);
  ASSERT_TRUE(opened.ok()) << opened.error().message_en;
  EXPECT_TRUE(opened.value().signature_valid);
  EXPECT_EQ(opened.value().checkpoint.head.seq, 9u);
  EXPECT_EQ(opened.value().checkpoint.head.hash, sealed.checkpoint.head.hash);
  EXPECT_EQ(opened.value().fingerprint, signer.fingerprint());

  std::string changed = sealed.note;
  changed.replace(changed.find("\n9\n"), 3, "\n8\n");
  auto forged = open_note(changed, sealed.verifier_key);
  ASSERT_TRUE(forged.ok());
  EXPECT_FALSE(forged.value().signature_valid);

  TempFolder other;
  auto stranger = Signer::open(other.path()).value();
  auto wrong_key = open_note(sealed.note, stranger.verifier_key());
  ASSERT_TRUE(wrong_key.ok());
  EXPECT_FALSE(wrong_key.value().signature_valid) << "another folder's key does not check this note";

  EXPECT_FALSE(open_note("garbage", sealed.verifier_key).ok());
  EXPECT_FALSE(open_note(sealed.note, "no-key").ok());
}

TEST(Checkpoint, TheMinutesSealerSignsOnlyCommitsWithTheSigningEvent) {
  TempFolder data;
  auto signer = std::make_shared<const Signer>(Signer::open(data.path()).value());
  auto sealer = sign_on(signer, 3);
  store::Commit plain, signing;
  plain.events.push_back({1, 0, "checked_in", "chair", "b"});
  signing.events.push_back({2, 0, "minutes_signed", "secretary", "b"});
  EXPECT_FALSE(sealer(plain, head_of(1)).has_value());
  auto stored = sealer(signing, head_of(2));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->size, 2u);
  auto sealed = seal_of(*stored);
  ASSERT_TRUE(sealed.ok()) << sealed.error().message_en;
  EXPECT_EQ(sealed.value().head_seq(), 2u);
  EXPECT_EQ(sealed.value().fingerprint, signer->fingerprint());
  EXPECT_EQ(sealed.value().checkpoint.origin, origin_of(*signer, 3));
  std::string signature;
  ASSERT_TRUE(unbase64(sealed.value().signature, signature));
  EXPECT_TRUE(signature_valid(signer->public_key(), checkpoint_text(sealed.value().checkpoint), signature));
}

TEST(Base64, RoundTripsAndRefusesJunk) {
  for (std::string bytes : {std::string(), std::string("a"), std::string("ab"), std::string("abc"), std::string("\0\xff", 2)}) {
    std::string back;
    ASSERT_TRUE(unbase64(base64(bytes), back));
    EXPECT_EQ(back, bytes);
  }
  std::string out;
  EXPECT_FALSE(unbase64("abc", out));
  EXPECT_FALSE(unbase64("ab!=", out));
}

}  // namespace
}  // namespace gavel::record
