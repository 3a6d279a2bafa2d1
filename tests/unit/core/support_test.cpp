// The test support itself: the fake clock, the builder's defaults and
// describe(), which must see every change the engine makes.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/fake_clock.hpp"
#include "support/meeting_builder.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

TEST(FakeClock, MovesOnlyWhenTold) {
  FakeClock clock;
  EXPECT_EQ(clock.now(), kMeetingDay);
  clock.advance(250);
  clock.advance_s(2);
  EXPECT_EQ(clock.now(), kMeetingDay + 2250);
  clock.set(5);
  EXPECT_EQ(clock.now(), 5);
  EXPECT_EQ(FakeClock(100).now(), 100);
}

TEST(SetupBuilder, NumbersMembersPerGroupAndMarksInvitedOnes) {
  MeetingSetup s = SetupBuilder()
                       .members("elderly", 2)
                       .members("youth", 1)
                       .members("elderly", 1, 1.5)
                       .invited("expert1", "expert", {"b"})
                       .item("a")
                       .item("b")
                       .speech_limit(90)
                       .max_speeches(3)
                       .veto_group("youth")
                       .opinion("a", "缺席者", "意见")
                       .quorum(2, 0.5)
                       .alternate_groups()
                       .build();
  ASSERT_EQ(s.roster.size(), 5u);
  EXPECT_EQ(s.roster[0].id, "elderly1");
  EXPECT_EQ(s.roster[1].id, "elderly2");
  EXPECT_EQ(s.roster[2].id, "youth1");
  EXPECT_EQ(s.roster[3].id, "elderly3");
  EXPECT_DOUBLE_EQ(s.roster[3].weight, 1.5);
  EXPECT_TRUE(s.roster[4].invited);
  EXPECT_EQ(s.roster[4].invited_items, (std::vector<std::string>{"b"}));
  ASSERT_EQ(s.agenda.size(), 2u);
  EXPECT_EQ(s.agenda[0].speech_limit_s, 300u);
  EXPECT_EQ(s.agenda[0].published, kMeetingDay - 7 * kDay);
  EXPECT_EQ(s.agenda[1].speech_limit_s, 90u);
  EXPECT_EQ(s.agenda[1].max_speeches_per_person, 3u);
  EXPECT_EQ(s.agenda[1].veto_group, "youth");
  ASSERT_EQ(s.opinions.size(), 1u);
  EXPECT_EQ(s.info.quorum.min_present, 2u);
  EXPECT_TRUE(s.info.queue_rules.alternate_groups);
  EXPECT_FALSE(s.info.queue_rules.first_time_speakers_first);
}

TEST(Describe, IsDeterministicAndDistinguishesStates) {
  Meeting a(sample_setup());
  Meeting b(sample_setup());
  EXPECT_EQ(describe(a.state()), describe(b.state()));
  EXPECT_NE(describe(a.state()).find("member \"elderly1\""), std::string::npos);
  b.handle(cmd::CheckIn{"elderly1"}, chair(), kMeetingDay).value();
  EXPECT_NE(describe(a.state()), describe(b.state()));
}

// Each accepted command in a full meeting changes the description: no
// change the engine makes is invisible to the comparisons in other tests.
TEST(Describe, SeesEveryChangeOfAWholeMeeting) {
  MeetingDriver m;
  std::string last = describe(m.state());
  auto step = [&](const Command& c, const Actor& a,
                  test::Where where = test::Where::here()) {
    m.clock.advance_s(1);
    m.ok(c, a, where);
    std::string now = describe(m.state());
    EXPECT_TRUE(now != last) << what(c, a) << " left no trace in describe()";
    last = now;
  };
  step(cmd::CheckIn{}, participant("elderly1"));
  step(cmd::CheckIn{}, participant("youth1"));
  step(cmd::CheckIn{}, participant("tenant1"));
  step(cmd::CheckIn{}, clicker("elderly2"));
  step(cmd::CheckIn{"elderly3"}, secretary());  // five of nine: quorate
  step(cmd::StartMeeting{}, chair());
  step(cmd::AttachOpinion{"parking", "某人", "意见"}, secretary());
  step(cmd::OpenItem{"parking"}, chair());
  step(cmd::DeclareInterest{"lift", ""}, participant("tenant1"));
  step(cmd::RequestFloor{}, participant("elderly1"));
  step(cmd::RequestFloor{RequestKind::pro, ""}, participant("youth1"));
  step(cmd::MoveRequest{2, 0}, chair());
  step(cmd::WithdrawRequest{2}, participant("youth1"));
  step(cmd::RequestFloor{RequestKind::contra, ""}, participant("youth1"));
  step(cmd::RemoveRequest{3}, chair());
  step(cmd::CloseList{}, chair());
  step(cmd::ReopenList{}, chair());
  step(cmd::NextSpeaker{}, chair());
  step(cmd::PauseTimer{}, chair());
  step(cmd::ResumeTimer{}, chair());
  step(cmd::ExtendTimer{30}, chair());
  step(cmd::EndSpeech{}, chair());
  step(cmd::GrantFloor{0, "tenant1"}, chair());
  step(cmd::RecordDissent{"", DissentKind::objection, "", "反对", false}, participant("tenant1"));
  step(cmd::ReplyDissent{1, "回应"}, secretary());
  step(cmd::ProposeMotion{"动议", 0, ""}, participant("elderly1"));
  step(cmd::SecondMotion{1, ""}, participant("youth1"));
  step(cmd::ProposeMotion{"另一动议", 0, ""}, participant("youth1"));
  step(cmd::WithdrawMotion{2}, participant("youth1"));
  step(cmd::OpenVote{vote_on(1).secret()}, chair());
  cmd::CastBallot b;
  b.choices = {0};
  b.fresh_receipt = "R-1";
  step(b, participant("elderly1"));
  b.fresh_receipt = "R-2";
  step(b, participant("youth1"));
  step(cmd::CloseVote{}, chair());
  step(cmd::RecordResolution{1, "", "物业", "2026-03-01"}, secretary());
  step(cmd::CloseItem{}, chair());
  step(cmd::CheckOut{}, participant("tenant1"));
  step(cmd::EndMeeting{}, chair());
  step(signing(m.state(), "记录员"), secretary());
  EXPECT_EQ(m.state().minutes, MinutesState::signed_off);
  EXPECT_EQ(describe(m.replay().state()), last);
}

TEST(Describe, NamesErrorCodesForFailureMessages) {
  EXPECT_STREQ(name_of(ErrorCode::not_allowed), "not_allowed");
  EXPECT_STREQ(name_of(ErrorCode::limit_reached), "limit_reached");
  EXPECT_EQ(::testing::PrintToString(ErrorCode::not_present), "not_present");
  EXPECT_EQ(::testing::PrintToString(Outcome::vetoed), "vetoed");
}

}  // namespace
}  // namespace gavel::test
