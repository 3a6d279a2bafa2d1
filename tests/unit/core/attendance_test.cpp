// Attendance: check-in and check-out, the quorum rule and the composition of
// who is present by roster group.
#include "core/attendance.hpp"

#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

TEST(Attendance, ParticipantChecksThemselvesIn) {
  MeetingDriver m;
  m.start();
  Decision d = m.ok(cmd::CheckIn{}, participant("youth1"));
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(std::get<ev::CheckedIn>(d.events[0].body).participant_id, "youth1");
  EXPECT_TRUE(m.state().member("youth1")->present);
  EXPECT_FALSE(m.state().member("youth2")->present);
}

TEST(Attendance, ClickerChecksItsHolderIn) {
  MeetingDriver m;
  m.ok(cmd::CheckIn{}, clicker("elderly3"));
  EXPECT_TRUE(m.state().member("elderly3")->present);
}

TEST(Attendance, OfficersCheckOthersIn) {
  MeetingDriver m;
  m.ok(cmd::CheckIn{"elderly1"}, chair());
  m.ok(cmd::CheckIn{"elderly2"}, secretary());
  EXPECT_TRUE(m.state().member("elderly1")->present);
  EXPECT_TRUE(m.state().member("elderly2")->present);
  m.rejects(cmd::CheckIn{}, chair(), ErrorCode::invalid_argument);
  m.rejects(cmd::CheckIn{"ghost"}, chair(), ErrorCode::not_found);
}

TEST(Attendance, CheckInBeforeTheStartIsAllowed) {
  MeetingDriver m;
  m.ok(cmd::CheckIn{}, participant("tenant1"));
  EXPECT_EQ(m.state().phase, Phase::scheduled);
  EXPECT_TRUE(m.state().member("tenant1")->present);
}

TEST(Attendance, DuplicateCheckInIsDuplicate) {
  MeetingDriver m;
  m.ok(cmd::CheckIn{}, participant("youth1"));
  m.rejects(cmd::CheckIn{}, participant("youth1"), ErrorCode::duplicate);
  m.rejects(cmd::CheckIn{"youth1"}, chair(), ErrorCode::duplicate);
  m.rejects(cmd::CheckIn{}, clicker("youth1"), ErrorCode::duplicate);
}

TEST(Attendance, ParticipantCannotCheckSomebodyElseInOrOut) {
  MeetingDriver m;
  m.ok(cmd::CheckIn{}, participant("youth1"));
  m.rejects(cmd::CheckIn{"youth2"}, participant("youth1"), ErrorCode::not_allowed);
  m.ok(cmd::CheckIn{}, participant("youth2"));
  m.rejects(cmd::CheckOut{"youth2"}, participant("youth1"), ErrorCode::not_allowed);
}

TEST(Attendance, CheckOutMakesAbsentAndCanBeUndone) {
  MeetingDriver m;
  m.start();
  m.ok(cmd::CheckIn{}, participant("youth1"));
  m.ok(cmd::CheckOut{}, participant("youth1"));
  EXPECT_FALSE(m.state().member("youth1")->present);
  m.rejects(cmd::CheckOut{}, participant("youth1"), ErrorCode::not_present);
  m.ok(cmd::CheckIn{}, participant("youth1"));
  EXPECT_TRUE(m.state().member("youth1")->present);
}

TEST(Attendance, CheckOutTakesThePersonOffTheList) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  m.ok(cmd::RequestFloor{RequestKind::pro, ""}, participant("youth1"));
  m.ok(cmd::RequestFloor{RequestKind::contra, ""}, participant("elderly1"));
  m.ok(cmd::RequestFloor{RequestKind::point_of_order, ""}, participant("youth1"));
  m.ok(cmd::CheckOut{}, participant("youth1"));
  ASSERT_EQ(m.state().queue.size(), 1u);
  EXPECT_EQ(m.state().queue[0].participant_id, "elderly1");
}

TEST(Attendance, SpeakerCannotCheckOutWhileHoldingTheFloor) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "tenant1"}, chair());
  m.rejects(cmd::CheckOut{}, participant("tenant1"), ErrorCode::invalid_state);
  m.ok(cmd::EndSpeech{}, chair());
  m.ok(cmd::CheckOut{}, participant("tenant1"));
}

TEST(Attendance, NobodyChecksInAfterTheEnd) {
  MeetingDriver m;
  m.start();
  m.ok(cmd::EndMeeting{}, chair());
  m.rejects(cmd::CheckIn{}, participant("youth1"), ErrorCode::invalid_state);
}

struct QuorumCase {
  const char* name;
  std::uint32_t min_present;
  double min_fraction;
  int fixed;    // fixed members on the roster
  int invited;  // invited members on the roster
  int present;  // fixed members checked in
  std::uint32_t needed;
  bool quorate;
};

class QuorumRule : public ::testing::TestWithParam<QuorumCase> {};

// quorum = max(min_present, ceil(min_fraction x fixed members))
TEST_P(QuorumRule, IsTheLargerOfTheCountAndTheFractionOfFixedMembers) {
  const QuorumCase& c = GetParam();
  SetupBuilder b;
  b.quorum(c.min_present, c.min_fraction).members("m", c.fixed).item("x");
  for (int i = 0; i < c.invited; ++i) b.invited("guest" + std::to_string(i + 1), "guest", {"x"});
  MeetingDriver m(b.build());
  for (int i = 1; i <= c.present; ++i) m.ok(cmd::CheckIn{"m" + std::to_string(i)}, chair());
  AttendanceView v = attendance(m.state());
  EXPECT_EQ(v.fixed_members, static_cast<std::uint32_t>(c.fixed));
  EXPECT_EQ(v.quorum_needed, c.needed);
  EXPECT_EQ(v.quorate, c.quorate);
  EXPECT_EQ(is_quorate(m.state()), c.quorate);
  EXPECT_EQ(v.present, static_cast<std::uint32_t>(c.present));
}

INSTANTIATE_TEST_SUITE_P(
    Table, QuorumRule,
    ::testing::Values(QuorumCase{"half_of_nine_rounds_up", 0, 0.5, 9, 0, 5, 5, true},
                      QuorumCase{"one_short_of_half", 0, 0.5, 9, 0, 4, 5, false},
                      QuorumCase{"exact_half_of_eight", 0, 0.5, 8, 0, 4, 4, true},
                      QuorumCase{"two_thirds_of_nine", 0, 2.0 / 3.0, 9, 0, 6, 6, true},
                      QuorumCase{"two_thirds_of_ten", 0, 2.0 / 3.0, 10, 0, 6, 7, false},
                      QuorumCase{"count_wins_over_fraction", 6, 0.5, 9, 0, 5, 6, false},
                      QuorumCase{"fraction_wins_over_count", 3, 0.5, 9, 0, 5, 5, true},
                      QuorumCase{"no_rule_is_always_quorate", 0, 0.0, 5, 0, 0, 0, true},
                      QuorumCase{"invited_are_not_fixed_members", 0, 0.5, 4, 3, 2, 2, true},
                      QuorumCase{"everyone", 0, 1.0, 7, 0, 7, 7, true}),
    [](const ::testing::TestParamInfo<QuorumCase>& p) { return p.param.name; });

TEST(Attendance, PresentInvitedMembersDoNotMakeTheQuorum) {
  MeetingSetup setup = SetupBuilder()
                           .quorum(3, 0.0)
                           .members("resident", 4)
                           .invited("expert1", "expert", {"x"})
                           .invited("expert2", "expert", {"x"})
                           .item("x")
                           .build();
  MeetingDriver m(setup);
  m.check_in({"resident1", "resident2", "expert1", "expert2"});
  AttendanceView v = attendance(m.state());
  EXPECT_EQ(v.present, 4u) << "everyone in the room is present";
  EXPECT_FALSE(v.quorate) << "only 2 of the council's members are here; guests do not count";
  m.check_in({"resident3"});
  EXPECT_TRUE(is_quorate(m.state()));
}

TEST(Attendance, CompositionByGroupInRosterOrder) {
  MeetingDriver m;  // 4 elderly, 2 youth, 2 tenant, 1 merchant, 1 invited expert
  m.check_in({"elderly1", "elderly2", "elderly3", "youth2", "expert1"});
  AttendanceView v = attendance(m.state());
  ASSERT_EQ(v.by_group.size(), 5u);
  auto expect = [&](std::size_t i, const char* group, std::uint32_t present, std::uint32_t total) {
    EXPECT_EQ(v.by_group[i].group, group) << "group #" << i;
    EXPECT_EQ(v.by_group[i].present, present) << group;
    EXPECT_EQ(v.by_group[i].total, total) << group;
  };
  expect(0, "elderly", 3, 4);
  expect(1, "youth", 1, 2);
  expect(2, "tenant", 0, 2);
  expect(3, "merchant", 0, 1);
  expect(4, "expert", 1, 1);
  EXPECT_EQ(v.present, 5u);
  EXPECT_EQ(v.fixed_members, 9u);
}

TEST(Attendance, InvitedMembersTakePartOnlyInTheirItems) {
  Meeting meeting(sample_setup());
  const Member& expert = *meeting.state().member("expert1");
  const Member& resident = *meeting.state().member("elderly1");
  EXPECT_TRUE(may_take_part(expert, "lift"));
  EXPECT_FALSE(may_take_part(expert, "parking"));
  EXPECT_TRUE(may_take_part(resident, "lift"));
  EXPECT_TRUE(may_take_part(resident, "parking"));
}

}  // namespace
}  // namespace gavel::test
