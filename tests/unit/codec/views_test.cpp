// What phones are sent instead of lists that name the whole hall, and the
// part of a large vote's receipts a phone asks for.
#include <gtest/gtest.h>

#include <cstdio>

#include "codec/codec.hpp"
#include "codec/views.hpp"

namespace gavel {
namespace {

// Receipt i begins with the hex of i % 256, as random receipts spread.
std::string receipt_line(int i) {
  char line[64];
  std::snprintf(line, sizeof line, "%02x%030d=赞成", i % 256, i);
  return line;
}

core::MeetingState closed_vote_with(int receipts) {
  core::MeetingState state;
  core::Vote vote;
  vote.id = 3;
  vote.open = false;
  core::VoteResult result;
  for (int i = 0; i < receipts; ++i) result.receipts_published.push_back(receipt_line(i));
  vote.result = result;
  state.votes.push_back(vote);
  core::Vote open;
  open.id = 4;
  open.open = true;
  state.votes.push_back(open);
  return state;
}

v1::Event vote_closed_with(int receipts) {
  v1::Event event;
  event.set_seq(9);
  auto* result = event.mutable_vote_closed()->mutable_result();
  for (int i = 0; i < receipts; ++i) result->add_receipts_published(receipt_line(i));
  return event;
}

TEST(PhoneCopy, AVoteOpeningGoesToPhonesWithTheNumberEligibleNotTheirNames) {
  v1::Event event;
  for (const char* id : {"p1", "p2", "p3"}) event.mutable_vote_opened()->add_eligible(id);
  auto copy = codec::phone_copy(event);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->vote_opened().eligible_size(), 0);
  EXPECT_EQ(copy->vote_opened().eligible_count(), 3u);
  EXPECT_EQ(event.vote_opened().eligible_size(), 3) << "the original is left as it was";
}

TEST(PhoneCopy, AResultWithManyReceiptsGoesToPhonesWithTheirNumberNotTheLines) {
  EXPECT_EQ(codec::phone_copy(vote_closed_with(codec::kReceiptsSentToPhones)), nullptr)
      << "a few hundred lines go to phones as they are";
  auto copy = codec::phone_copy(vote_closed_with(codec::kReceiptsSentToPhones + 1));
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->vote_closed().result().receipts_published_size(), 0);
  EXPECT_EQ(copy->vote_closed().result().receipts_count(), 257u);
  v1::Event speech;
  speech.mutable_speech_started();
  EXPECT_EQ(codec::phone_copy(speech), nullptr) << "other events go as they are";
}

TEST(PhoneCopy, ThePhonesSnapshotLeavesOutALargeVotesReceiptsAndTheOfficersKeepsThem) {
  auto state = closed_vote_with(300);
  v1::MeetingSnapshot phones, officers;
  codec::public_snapshot(state, 0, &phones);
  codec::snapshot(state, 0, &officers);
  ASSERT_GE(phones.votes_size(), 1);
  EXPECT_EQ(phones.votes(0).result().receipts_published_size(), 0);
  EXPECT_EQ(phones.votes(0).result().receipts_count(), 300u);
  EXPECT_EQ(officers.votes(0).result().receipts_published_size(), 300);
}

TEST(ReceiptsBeginning, APrefixGivesTheLinesThatBeginWithItAndTheTotal) {
  auto state = closed_vote_with(512);
  auto bucket = codec::receipts_beginning(state, 3, "0a");
  ASSERT_TRUE(bucket);
  ASSERT_EQ(bucket.value().lines_size(), 2) << "receipts 10 and 266";
  EXPECT_EQ(bucket.value().lines(0), receipt_line(10));
  EXPECT_EQ(bucket.value().lines(1), receipt_line(266));
  EXPECT_EQ(bucket.value().total(), 512u);
  EXPECT_EQ(bucket.value().vote_id(), 3u);
  EXPECT_EQ(bucket.value().prefix(), "0a");
  auto sixteenth = codec::receipts_beginning(state, 3, "f");
  ASSERT_TRUE(sixteenth);
  EXPECT_EQ(sixteenth.value().lines_size(), 32);
  auto all = codec::receipts_beginning(state, 3, "");
  ASSERT_TRUE(all);
  EXPECT_EQ(all.value().lines_size(), 512);
}

TEST(ReceiptsBeginning, ABadPrefixOrAVoteNotClosedIsATypedErrorInBothLanguages) {
  auto state = closed_vote_with(20);
  for (const char* prefix : {"0A", "abc", "zz", "0="}) {
    auto refused = codec::receipts_beginning(state, 3, prefix);
    ASSERT_FALSE(refused) << prefix;
    EXPECT_EQ(refused.error().code, core::ErrorCode::bad_message) << prefix;
    EXPECT_FALSE(refused.error().message_zh.empty());
    EXPECT_FALSE(refused.error().message_en.empty());
  }
  for (std::uint64_t vote : {4u, 9u}) {
    auto refused = codec::receipts_beginning(state, vote, "0a");
    ASSERT_FALSE(refused) << vote;
    EXPECT_EQ(refused.error().code, core::ErrorCode::not_found) << "vote " << vote;
  }
}

}  // namespace
}  // namespace gavel
