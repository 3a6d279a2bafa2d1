// Motions (Robert's Rules): move, second, debate, vote; amendments are
// motions on a motion under debate; withdrawal by the mover before voting.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class Motions : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("parking");
  }
  Id propose(const std::string& mover, Id amends = 0, const std::string& text = "增设临时车位",
             test::Where where = test::Where::here()) {
    return m.ok(cmd::ProposeMotion{text, amends, ""}, participant(mover), where).created_id;
  }
  MeetingDriver m;
};

TEST_F(Motions, ProposedMotionWaitsForASecond) {
  m.clock.advance_s(7);
  Decision d = m.ok(cmd::ProposeMotion{"增设临时车位", 0, ""}, participant("elderly1"));
  ASSERT_EQ(d.events.size(), 1u);
  const auto& proposed = std::get<ev::MotionProposed>(d.events[0].body);
  EXPECT_EQ(proposed.motion_id, 1u);
  EXPECT_EQ(d.created_id, 1u);
  EXPECT_EQ(proposed.item_id, "parking");
  EXPECT_EQ(proposed.mover_id, "elderly1");
  const Motion* motion = m.state().motion(1);
  ASSERT_NE(motion, nullptr);
  EXPECT_EQ(motion->state, MotionState::proposed);
  EXPECT_EQ(motion->text, "增设临时车位");
  EXPECT_EQ(motion->moved, kMeetingDay + 7 * kSecond);
  EXPECT_TRUE(motion->seconder_id.empty());
}

TEST_F(Motions, SecondOpensTheDebate) {
  Id id = propose("elderly1");
  Decision d = m.ok(cmd::SecondMotion{id, ""}, participant("youth1"));
  EXPECT_EQ(std::get<ev::MotionSeconded>(d.events.at(0).body).seconder_id, "youth1");
  EXPECT_EQ(m.state().motion(id)->state, MotionState::debate);
  EXPECT_EQ(m.state().motion(id)->seconder_id, "youth1");
  m.rejects(cmd::SecondMotion{id, ""}, participant("youth2"), ErrorCode::invalid_state);
}

TEST_F(Motions, CannotSecondYourOwnMotion) {
  Id id = propose("elderly1");
  m.rejects(cmd::SecondMotion{id, ""}, participant("elderly1"), ErrorCode::not_allowed);
  m.rejects(cmd::SecondMotion{id, "elderly1"}, chair(), ErrorCode::not_allowed);
}

TEST_F(Motions, ChairMovesAndSecondsOnSomeonesBehalf) {
  Decision d = m.ok(cmd::ProposeMotion{"夜间限行", 0, "tenant1"}, chair());
  m.ok(cmd::SecondMotion{d.created_id, "tenant2"}, chair());
  EXPECT_EQ(m.state().motion(d.created_id)->mover_id, "tenant1");
  EXPECT_EQ(m.state().motion(d.created_id)->seconder_id, "tenant2");
  m.rejects(cmd::ProposeMotion{"无名动议", 0, ""}, chair(), ErrorCode::invalid_argument);
  m.rejects(cmd::ProposeMotion{"替人动议", 0, "tenant1"}, participant("youth1"),
            ErrorCode::not_allowed);
}

TEST_F(Motions, MoverAndSeconderMustBePresent) {
  Id id = propose("elderly1");
  m.ok(cmd::CheckOut{}, participant("youth1"));
  m.rejects(cmd::SecondMotion{id, ""}, participant("youth1"), ErrorCode::not_present);
  m.rejects(cmd::ProposeMotion{"x", 0, ""}, participant("youth1"), ErrorCode::not_present);
}

TEST_F(Motions, InvitedMembersMoveAndSecondOnlyOnTheirItems) {
  m.ok(cmd::CheckIn{"expert1"}, chair());
  Id id = propose("elderly1");
  m.rejects(cmd::ProposeMotion{"专家动议", 0, ""}, participant("expert1"), ErrorCode::not_eligible);
  m.rejects(cmd::SecondMotion{id, ""}, participant("expert1"), ErrorCode::not_eligible);
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  Id lift = propose("expert1", 0, "加装电梯");
  m.ok(cmd::SecondMotion{lift, ""}, participant("elderly1"));
}

TEST_F(Motions, ProposalNeedsAnOpenItemAndAText) {
  m.rejects(cmd::ProposeMotion{"", 0, ""}, participant("elderly1"), ErrorCode::invalid_argument);
  m.rejects(cmd::ProposeMotion{std::string(8001, 'x'), 0, ""}, participant("elderly1"),
            ErrorCode::invalid_argument);
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::ProposeMotion{"x", 0, ""}, participant("elderly1"), ErrorCode::invalid_state);
}

TEST_F(Motions, UnknownMotionIsNotFound) {
  m.rejects(cmd::SecondMotion{9, ""}, participant("youth1"), ErrorCode::not_found);
  m.rejects(cmd::SecondMotion{0, ""}, participant("youth1"), ErrorCode::not_found);
  m.rejects(cmd::WithdrawMotion{9}, participant("youth1"), ErrorCode::not_found);
}

TEST_F(Motions, MotionWithoutASecondCannotBeVotedOn) {
  Id id = propose("elderly1");
  m.rejects(cmd::OpenVote{vote_on(id)}, chair(), ErrorCode::invalid_state);
  m.ok(cmd::SecondMotion{id, ""}, participant("youth1"));
  m.ok(cmd::OpenVote{vote_on(id)}, chair());
  EXPECT_EQ(m.state().motion(id)->state, MotionState::voting);
}

TEST_F(Motions, MotionOnAClosedItemCannotBeSeconded) {
  Id id = propose("elderly1");
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::SecondMotion{id, ""}, participant("youth1"), ErrorCode::invalid_state);
  m.open("lift");
  m.rejects(cmd::SecondMotion{id, ""}, participant("youth1"), ErrorCode::invalid_state);
  EXPECT_EQ(m.state().motion(id)->state, MotionState::proposed);
}

TEST_F(Motions, AmendmentIsAMotionOnAMotionUnderDebate) {
  Id main = propose("elderly1");
  m.rejects(cmd::ProposeMotion{"修正：限时停车", main, ""}, participant("tenant1"),
            ErrorCode::invalid_state);  // not seconded yet
  m.ok(cmd::SecondMotion{main, ""}, participant("youth1"));
  Id amendment = propose("tenant1", main, "修正：限时停车");
  EXPECT_EQ(m.state().motion(amendment)->amends, main);
  EXPECT_EQ(m.state().motion(amendment)->state, MotionState::proposed);
  m.ok(cmd::SecondMotion{amendment, ""}, participant("tenant2"));
  Id second_degree = propose("youth2", amendment, "修正的修正：两小时");
  EXPECT_EQ(m.state().motion(second_degree)->amends, amendment);
  m.rejects(cmd::ProposeMotion{"x", 77, ""}, participant("tenant1"), ErrorCode::not_found);
}

TEST_F(Motions, AmendmentIsVotedOnBeforeTheMainMotion) {
  Id main = propose("elderly1");
  m.ok(cmd::SecondMotion{main, ""}, participant("youth1"));
  Id amendment = propose("tenant1", main, "修正：限时停车");
  m.ok(cmd::SecondMotion{amendment, ""}, participant("tenant2"));
  m.ok(cmd::OpenVote{vote_on(amendment)}, chair());
  EXPECT_EQ(m.state().motion(amendment)->state, MotionState::voting);
  EXPECT_EQ(m.state().motion(main)->state, MotionState::debate) << "the main motion waits";
  cmd::CastBallot yes;
  yes.choices = {0};
  for (const char* p : {"elderly1", "elderly2", "youth1", "tenant1", "tenant2"})
    m.ok(yes, participant(p));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(m.state().motion(amendment)->state, MotionState::carried);
  m.ok(cmd::OpenVote{vote_on(main)}, chair());
  EXPECT_EQ(m.state().votes.back().spec.motion_id, main);
}

TEST_F(Motions, AmendmentMustStayOnTheSameItem) {
  Id main = propose("elderly1");
  m.ok(cmd::SecondMotion{main, ""}, participant("youth1"));
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  m.rejects(cmd::ProposeMotion{"跨议题修正", main, ""}, participant("tenant1"),
            ErrorCode::invalid_state);
}

TEST_F(Motions, WithdrawalIsForTheMoverOnly) {
  Id id = propose("elderly1");
  m.rejects(cmd::WithdrawMotion{id}, participant("youth1"), ErrorCode::not_allowed);
  m.ok(cmd::WithdrawMotion{id}, participant("elderly1"));
  EXPECT_EQ(m.state().motion(id)->state, MotionState::withdrawn);
  m.rejects(cmd::SecondMotion{id, ""}, participant("youth1"), ErrorCode::invalid_state);
  m.rejects(cmd::WithdrawMotion{id}, participant("elderly1"), ErrorCode::invalid_state);
}

TEST_F(Motions, MoverMayWithdrawDuringDebateButNotOnceVoting) {
  Id a = propose("elderly1");
  m.ok(cmd::SecondMotion{a, ""}, participant("youth1"));
  m.ok(cmd::WithdrawMotion{a}, participant("elderly1"));
  EXPECT_EQ(m.state().motion(a)->state, MotionState::withdrawn);
  m.rejects(cmd::OpenVote{vote_on(a)}, chair(), ErrorCode::invalid_state);

  Id b = propose("elderly2", 0, "第二个动议");
  m.ok(cmd::SecondMotion{b, ""}, participant("youth1"));
  m.ok(cmd::OpenVote{vote_on(b)}, chair());
  m.rejects(cmd::WithdrawMotion{b}, participant("elderly2"), ErrorCode::invalid_state);
  m.ok(cmd::CloseVote{}, chair());
  m.rejects(cmd::WithdrawMotion{b}, participant("elderly2"), ErrorCode::invalid_state);
}

TEST_F(Motions, ChairWithdrawsForTheMover) {
  Id id = propose("elderly1");
  m.ok(cmd::WithdrawMotion{id}, chair());
  EXPECT_EQ(m.state().motion(id)->state, MotionState::withdrawn);
}

TEST_F(Motions, NoWithdrawalAfterTheMeetingEnds) {
  Id id = propose("elderly1");
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  m.rejects(cmd::WithdrawMotion{id}, participant("elderly1"), ErrorCode::invalid_state);
}

}  // namespace
}  // namespace gavel::test
