// The key map: what each clicker key means at each moment of the meeting.
#include <gtest/gtest.h>

#include "clicker/key_map.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;
using clicker::read_key;

class KeyMap : public ::testing::Test {
 protected:
  KeyMap() : m(SetupBuilder().members("r", 4).item("x").build()) {}
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("x");
  }
  void open_vote(VoteSpec spec) {
    Id id = m.ok(cmd::ProposeMotion{"动议", 0, "r1"}, chair()).created_id;
    m.ok(cmd::SecondMotion{id, "r2"}, chair());
    spec.motion_id = id;
    m.ok(cmd::OpenVote{spec}, chair());
  }
  clicker::PressReason refusal(std::uint32_t key) {
    auto reading = read_key(key, m.state(), "r1");
    auto* r = std::get_if<clicker::Refusal>(&reading);
    EXPECT_TRUE(r) << "key " << key << " was accepted";
    return r ? r->reason : clicker::PressReason::none;
  }
  std::optional<std::uint32_t> option(std::uint32_t key) {
    auto reading = read_key(key, m.state(), "r1");
    auto* action = std::get_if<clicker::KeyAction>(&reading);
    if (!action) return std::nullopt;
    auto* choose = std::get_if<clicker::Choose>(action);
    if (!choose) return std::nullopt;
    return choose->option;
  }
  MeetingDriver m;
};

TEST_F(KeyMap, OptionKeysWithoutAnOpenVoteSayNothingIsOpen) {
  EXPECT_EQ(refusal(1), clicker::PressReason::no_vote_open);
  auto reading = read_key(1, m.state(), "r1");
  EXPECT_TRUE(std::get<clicker::Refusal>(reading).closed) << "nothing open is a 'closed' rejection";
}

TEST_F(KeyMap, DigitsAndLettersChooseTheSameOptions) {
  open_vote(vote_on(0));
  EXPECT_EQ(option(1), 0u);
  EXPECT_EQ(option(3), 2u);
  EXPECT_EQ(option(clicker::kLetterA), 0u);
  EXPECT_EQ(option(clicker::kLetterA + 2), 2u);
}

TEST_F(KeyMap, KeysBeyondTheVotesOptionsAreOutOfRangeWithTheCount) {
  open_vote(vote_on(0));  // yes / no / abstain
  EXPECT_EQ(refusal(4), clicker::PressReason::key_out_of_range);
  auto reading = read_key(4, m.state(), "r1");
  EXPECT_NE(std::get<clicker::Refusal>(reading).message_en.find("3 options"), std::string::npos);
  EXPECT_EQ(refusal(clicker::kLetterE), clicker::PressReason::key_out_of_range);
}

TEST_F(KeyMap, UnknownKeysAreOutOfRange) {
  EXPECT_EQ(refusal(0), clicker::PressReason::key_out_of_range);
  EXPECT_EQ(refusal(17), clicker::PressReason::key_out_of_range);
  EXPECT_EQ(refusal(4000000000u), clicker::PressReason::key_out_of_range);
}

TEST_F(KeyMap, NineOptionsAreAllReachable) {
  open_vote(vote_on(0).form(BallotForm::one_of_n).options({"1", "2", "3", "4", "5", "6", "7", "8", "9"}));
  EXPECT_EQ(option(9), 8u);
}

TEST_F(KeyMap, AConsensusBlockNeedsAReasonAClickerCannotGive) {
  open_vote(vote_on(0).form(BallotForm::consensus));
  EXPECT_EQ(option(1), 0u);
  EXPECT_EQ(refusal(3), clicker::PressReason::not_now);
}

TEST_F(KeyMap, TheHandKeyRaisesThenLowersTheHand) {
  auto reading = read_key(clicker::kHandKey, m.state(), "r1");
  ASSERT_TRUE(std::holds_alternative<clicker::RaiseHand>(std::get<clicker::KeyAction>(reading)));
  Id request = m.ok(cmd::RequestFloor{}, clicker("r1")).created_id;
  reading = read_key(clicker::kHandKey, m.state(), "r1");
  auto* lower = std::get_if<clicker::LowerHand>(&std::get<clicker::KeyAction>(reading));
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->request_id, request);
}

TEST_F(KeyMap, TheHandKeyIsRefusedWhenTheListIsClosed) {
  m.ok(cmd::CloseList{}, chair());
  EXPECT_EQ(refusal(clicker::kHandKey), clicker::PressReason::not_now);
}

TEST_F(KeyMap, ThePresenceKeyChecksIn) {
  auto reading = read_key(clicker::kPresenceKey, m.state(), "r1");
  EXPECT_TRUE(std::holds_alternative<clicker::CheckIn>(std::get<clicker::KeyAction>(reading)));
}

}  // namespace
}  // namespace gavel::test
