// The open vote's memory of receipts and press ids.
#include "net/receipt_book.hpp"

#include <gtest/gtest.h>

namespace gavel::net {
namespace {

core::cmd::CastBallot ballot(std::vector<std::uint32_t> choices, std::string press_id = {}, std::string receipt = {}) {
  core::cmd::CastBallot c;
  c.choices = std::move(choices);
  c.press_id = std::move(press_id);
  c.receipt = std::move(receipt);
  return c;
}

class Book : public ::testing::Test {
 protected:
  void open_vote(core::Id id) {
    if (!state.votes.empty()) state.votes.back().open = false;
    core::Vote vote;
    vote.id = id;
    state.votes.push_back(vote);
  }
  void cast(const std::string& who, const core::cmd::CastBallot& b, const std::string& receipt) {
    ASSERT_FALSE(book.refuse(state, who, b));
    book.recorded(who, b, receipt);
    state.votes.back().voters.insert(who);
  }
  core::MeetingState state;
  ReceiptBook book;
};

TEST_F(Book, AReceiptChangesOnlyItsOwnersBallot) {
  open_vote(1);
  cast("p1", ballot({0}), "R-1");
  cast("p2", ballot({1}), "R-2");
  EXPECT_FALSE(book.refuse(state, "p1", ballot({1}, "", "R-1")));
  auto theft = book.refuse(state, "p2", ballot({0}, "", "R-1"));
  ASSERT_TRUE(theft);
  EXPECT_EQ(theft->code, core::ErrorCode::not_allowed);
  EXPECT_EQ(theft->message_zh, "这张回执不是您的");
}

TEST_F(Book, APressIdReusedForAnotherChoiceIsRefusedWithItsReason) {
  open_vote(1);
  cast("p1", ballot({0}, "press-1"), "R-1");
  EXPECT_FALSE(book.refuse(state, "p1", ballot({0}, "press-1"))) << "a plain repeat is fine";
  auto reused = book.refuse(state, "p1", ballot({1}, "press-1"));
  ASSERT_TRUE(reused);
  EXPECT_EQ(reused->code, core::ErrorCode::invalid_argument);
  EXPECT_NE(reused->message_zh.find("此按键编号已用于另一选择"), std::string::npos);
  EXPECT_FALSE(book.refuse(state, "p2", ballot({1}, "press-1"))) << "press ids are per person";
}

TEST_F(Book, AfterTheCloseTheVoteSaysItIsClosedNotThatTheReceiptIsForeign) {
  open_vote(1);
  cast("p1", ballot({0}), "R-1");
  state.votes.back().open = false;
  EXPECT_FALSE(book.refuse(state, "p1", ballot({1}, "", "R-1")))
      << "the engine answers: that vote is not open";
}

TEST_F(Book, AfterARestartAVoterIsToldBallotsCannotChangeAndTheirsCounts) {
  open_vote(1);
  state.votes.back().voters.insert("p1");  // voted before the restart; the book is new
  auto refused = book.refuse(state, "p1", ballot({1}, "", "R-old"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, core::ErrorCode::invalid_state);
  EXPECT_NE(refused->message_en.find("still counts"), std::string::npos);
}

TEST_F(Book, ANewVoteStartsWithAnEmptyBook) {
  open_vote(1);
  cast("p1", ballot({0}, "press-1"), "R-1");
  open_vote(2);
  EXPECT_FALSE(book.refuse(state, "p1", ballot({1}, "press-1"))) << "the old press id belongs to vote 1";
  EXPECT_EQ(book.receipt_of("p1"), "");
}

}  // namespace
}  // namespace gavel::net
