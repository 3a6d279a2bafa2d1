// Irreversible steps: the end of the meeting is refused while anything is
// still open (unless forced), pending items stay on record as not reached
// or deferred, and a closed item can be reopened, on the record.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class Ending : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
  }
  Error refused_end() {
    auto r = m.send(cmd::EndMeeting{}, chair());
    EXPECT_FALSE(r.ok()) << "the end was accepted";
    return r.ok() ? Error{} : r.error();
  }
  MeetingDriver m;
};

TEST_F(Ending, IsRefusedWithAnItemOpenAndSaysWhichInBothLanguages) {
  m.open("parking");
  const Seq before = m.state().seq;
  Error e = refused_end();
  EXPECT_EQ(e.code, ErrorCode::invalid_state);
  EXPECT_NE(e.message_zh.find("议题「议题 parking」"), std::string::npos) << e.message_zh;
  EXPECT_NE(e.message_en.find("item \"议题 parking\""), std::string::npos) << e.message_en;
  EXPECT_NE(e.message_en.find("force"), std::string::npos) << "the error names the way on";
  EXPECT_EQ(m.state().seq, before);
  EXPECT_EQ(m.state().phase, Phase::in_session);
}

TEST_F(Ending, IsRefusedWithASpeechRunningAndSomeoneWaiting) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.ok(cmd::RequestFloor{RequestKind::contra, ""}, participant("youth1"));
  Error e = refused_end();
  EXPECT_NE(e.message_en.find("the speech of"), std::string::npos) << e.message_en;
  EXPECT_NE(e.message_en.find("1 waiting to speak"), std::string::npos) << e.message_en;
  EXPECT_NE(e.message_zh.find("1 人等候发言"), std::string::npos) << e.message_zh;
}

TEST_F(Ending, ForcedOverAnOpenVoteClosesTheVoteFirstAndIsMarkedForced) {
  m.open("parking");
  Id motion = m.ok(cmd::ProposeMotion{"增设临时车位", 0, "elderly1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth1"}, chair());
  m.ok(cmd::OpenVote{vote_on(motion)}, chair());
  EXPECT_NE(refused_end().message_en.find("vote #1"), std::string::npos);

  Decision d = m.ok(cmd::EndMeeting{true}, chair());
  ASSERT_GE(d.events.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<ev::VoteClosed>(d.events.front().body));
  ASSERT_TRUE(std::holds_alternative<ev::MeetingEnded>(d.events.back().body));
  const auto& ended = std::get<ev::MeetingEnded>(d.events.back().body);
  EXPECT_TRUE(ended.forced);
  EXPECT_EQ(ended.not_reached, (std::vector<std::string>{"lift", "greening"}));
  EXPECT_FALSE(m.state().votes.back().open);
  EXPECT_EQ(m.state().item("parking")->state, ItemState::closed);
  EXPECT_EQ(m.state().item("lift")->state, ItemState::not_reached);
}

TEST_F(Ending, DeferredItemsStayDeferredAndTheRestAreNotReached) {
  m.ok(cmd::DeferItem{"greening"}, chair());
  EXPECT_EQ(m.state().item("greening")->state, ItemState::deferred);
  m.rejects(cmd::DeferItem{"greening"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::OpenItem{"greening"}, chair(), ErrorCode::invalid_state);
  m.open("parking");
  m.ok(cmd::CloseItem{}, chair());
  Decision d = m.ok(cmd::EndMeeting{}, chair());
  const auto& ended = std::get<ev::MeetingEnded>(d.events.back().body);
  EXPECT_FALSE(ended.forced);
  EXPECT_EQ(ended.not_reached, std::vector<std::string>{"lift"});
  EXPECT_EQ(m.state().item("parking")->state, ItemState::closed);
  EXPECT_EQ(m.state().item("lift")->state, ItemState::not_reached);
  EXPECT_EQ(m.state().item("greening")->state, ItemState::deferred);
}

TEST_F(Ending, NextItemSkipsDeferredItems) {
  m.ok(cmd::DeferItem{"parking"}, chair());
  m.ok(cmd::NextItem{}, chair());
  ASSERT_NE(m.state().open_item(), nullptr);
  EXPECT_EQ(m.state().open_item()->info.id, "lift");
}

TEST_F(Ending, AClosedItemCanBeReopenedAndTheRecordSaysSo) {
  m.open("parking");
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::OpenItem{"parking"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::ReopenItem{"lift"}, chair(), ErrorCode::invalid_state);  // pending: open it
  Decision d = m.ok(cmd::ReopenItem{"parking"}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(std::get<ev::ItemReopened>(d.events[0].body).item_id, "parking");
  EXPECT_EQ(m.state().item("parking")->state, ItemState::open);
  EXPECT_EQ(m.state().item("parking")->reopened, 1u);
  m.rejects(cmd::ReopenItem{"parking"}, chair(), ErrorCode::invalid_state);  // already open
  EXPECT_EQ(m.replay().state().item("parking")->reopened, 1u);
}

TEST_F(Ending, ADeferredItemCanStillBeTakenUpByReopeningIt) {
  m.ok(cmd::DeferItem{"lift"}, chair());
  m.ok(cmd::ReopenItem{"lift"}, chair());
  EXPECT_EQ(m.state().open_item()->info.id, "lift");
}

}  // namespace
}  // namespace gavel::test
