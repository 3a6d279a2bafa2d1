// A batch of secret ballots sealed with its vote's key: it opens only with
// that key, at that place, unaltered; and the key file is whole or absent.
#include "store/envelope.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_db.hpp"

namespace gavel::store {
namespace {

using test::TempDb;

VoteKey key_in(const std::filesystem::path& file) {
  auto key = VoteKey::open_or_create(file);
  EXPECT_TRUE(key.ok()) << (key.ok() ? "" : key.error().message_en);
  return std::move(key.value());
}

std::vector<core::SecretBallot> batch() {
  return {{3, "a1b2", {0, 2}, 1.5, ""}, {3, "c3d4", {1}, 1.0, "因为电梯费用太高\n第二行"}, {3, "e5f6", {}, 2.0, ""}};
}

std::vector<const core::SecretBallot*> pointers(const std::vector<core::SecretBallot>& ballots) {
  std::vector<const core::SecretBallot*> out;
  for (const auto& b : ballots) out.push_back(&b);
  return out;
}

TEST(Envelope, OpensToTheBallotsSealedInItInTheirOrder) {
  TempDb db;
  const VoteKey key = key_in(VoteKey::file_for(db.file(), 1, 3));
  const auto ballots = batch();
  auto sealed = seal_envelope(key, {1, 3, 17}, pointers(ballots));
  ASSERT_TRUE(sealed.ok());
  for (const auto& b : ballots) {
    EXPECT_EQ(sealed.value().find(b.receipt), std::string::npos) << "a receipt readable in the envelope";
    if (!b.reason.empty()) {
      EXPECT_EQ(sealed.value().find(b.reason), std::string::npos) << "a reason readable in the envelope";
    }
  }
  auto opened = open_envelope(key, {1, 3, 17}, sealed.value());
  ASSERT_TRUE(opened.ok()) << opened.error().message_en;
  ASSERT_EQ(opened.value().size(), ballots.size());
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    EXPECT_EQ(opened.value()[i].vote_id, 3u);
    EXPECT_EQ(opened.value()[i].receipt, ballots[i].receipt);
    EXPECT_EQ(opened.value()[i].choices, ballots[i].choices);
    EXPECT_EQ(opened.value()[i].weight, ballots[i].weight);
    EXPECT_EQ(opened.value()[i].reason, ballots[i].reason);
  }
}

TEST(Envelope, TwoEnvelopesOfTheSameBallotsDiffer) {
  TempDb db;
  const VoteKey key = key_in(VoteKey::file_for(db.file(), 1, 3));
  const auto ballots = batch();
  auto one = seal_envelope(key, {1, 3, 17}, pointers(ballots));
  auto two = seal_envelope(key, {1, 3, 17}, pointers(ballots));
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_NE(one.value(), two.value()) << "a nonce was used twice";
}

TEST(Envelope, AnAlteredEnvelopeOrOneFromAnotherPlaceOrKeyIsRefused) {
  TempDb db;
  const VoteKey key = key_in(VoteKey::file_for(db.file(), 1, 3));
  const VoteKey other = key_in(VoteKey::file_for(db.file(), 1, 4));
  const auto ballots = batch();
  const std::string sealed = seal_envelope(key, {1, 3, 17}, pointers(ballots)).value();
  for (std::size_t at : {std::size_t{0}, std::size_t{12}, sealed.size() / 2, sealed.size() - 1}) {
    std::string altered = sealed;
    altered[at] = static_cast<char>(altered[at] ^ 1);
    auto opened = open_envelope(key, {1, 3, 17}, altered);
    ASSERT_FALSE(opened.ok()) << "a byte changed at " << at;
    EXPECT_EQ(opened.error().code, core::ErrorCode::internal);
    EXPECT_NE(opened.error().message_zh.find("损坏"), std::string::npos);
  }
  EXPECT_FALSE(open_envelope(key, {1, 3, 18}, sealed).ok()) << "moved to another batch";
  EXPECT_FALSE(open_envelope(key, {1, 4, 17}, sealed).ok()) << "moved to another vote";
  EXPECT_FALSE(open_envelope(key, {2, 3, 17}, sealed).ok()) << "moved to another meeting";
  EXPECT_FALSE(open_envelope(other, {1, 3, 17}, sealed).ok()) << "opened with another vote's key";
  EXPECT_FALSE(open_envelope(key, {1, 3, 17}, sealed.substr(0, 20)).ok()) << "cut short";
  EXPECT_FALSE(open_envelope(key, {1, 3, 17}, "").ok()) << "empty";
}

TEST(VoteKey, IsMadeOnceDurablyAndReadBackTheSame) {
  TempDb db;
  const auto file = VoteKey::file_for(db.file(), 1, 3);
  EXPECT_EQ(file.filename(), "gavel.db-key-1-3");
  const VoteKey made = key_in(file);
  EXPECT_FALSE(std::filesystem::exists(file.string() + ".new")) << "the key's temporary file stayed";
  auto read = VoteKey::open(file);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().bytes(), made.bytes());
  EXPECT_EQ(key_in(file).bytes(), made.bytes()) << "a second open made a new key";
  EXPECT_EQ(VoteKey::on_disk(db.file(), 1), std::vector<core::Id>{3});
  EXPECT_TRUE(VoteKey::on_disk(db.file(), 2).empty());
}

TEST(VoteKey, ADamagedKeyFileIsRefusedAndAMissingOneIsNotFound) {
  TempDb db;
  const auto file = VoteKey::file_for(db.file(), 1, 3);
  auto missing = VoteKey::open(file);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::not_found);
  std::ofstream(file) << "short";
  auto damaged = VoteKey::open(file);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, core::ErrorCode::internal);
  EXPECT_FALSE(VoteKey::open_or_create(file).ok()) << "a damaged key was replaced";
}

TEST(VoteKey, AWipedKeyIsGoneAndItsFolderSynced) {
  TempDb db;
  const auto file = VoteKey::file_for(db.file(), 1, 3);
  (void)key_in(file);
  std::ofstream(file.string() + ".new") << "left by a crash";
  ASSERT_TRUE(VoteKey::wipe(file).ok());
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_FALSE(std::filesystem::exists(file.string() + ".new"));
  EXPECT_TRUE(VoteKey::wipe(file).ok()) << "wiping what is gone is no error";
  EXPECT_TRUE(VoteKey::on_disk(db.file(), 1).empty());
}

}  // namespace
}  // namespace gavel::store
