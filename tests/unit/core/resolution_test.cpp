// Resolutions (五步议事法 5): a carried motion becomes a resolution with a
// responsible party and a deadline, linked to the motion and its vote.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class Resolutions : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("parking");
  }
  // Moves, seconds and votes a motion; `yes` of the 9 present vote yes, the rest no.
  Id decided_motion(int yes, test::Where where = test::Where::here()) {
    Id id = m.ok(cmd::ProposeMotion{"在3号楼北侧增设8个临时车位", 0, "elderly1"}, chair(), where)
                .created_id;
    m.ok(cmd::SecondMotion{id, "youth1"}, chair(), where);
    m.ok(cmd::OpenVote{vote_on(id)}, chair(), where);
    int n = 0;
    for (const Member& member : m.state().roster) {
      if (!member.present) continue;
      cmd::CastBallot b;
      b.choices = {n++ < yes ? kYesChoice : kNoChoice};
      m.ok(b, participant(member.info.id), where);
    }
    m.ok(cmd::CloseVote{}, chair(), where);
    return id;
  }
  static constexpr std::uint32_t kYesChoice = 0, kNoChoice = 1;
  MeetingDriver m;
};

TEST_F(Resolutions, CarriedMotionBecomesAResolution) {
  Id motion = decided_motion(7);
  ASSERT_EQ(m.state().motion(motion)->state, MotionState::carried);
  m.clock.advance_s(30);
  Decision d =
      m.ok(cmd::RecordResolution{motion, "", "物业公司 张经理", "2026-02-28"}, secretary());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.created_id, 1u);
  ASSERT_EQ(m.state().resolutions.size(), 1u);
  const Resolution& r = m.state().resolutions[0];
  EXPECT_EQ(r.id, 1u);
  EXPECT_EQ(r.item_id, "parking");
  EXPECT_EQ(r.motion_id, motion);
  EXPECT_EQ(r.vote_id, m.state().votes.back().id) << "linked to the vote that carried it";
  EXPECT_EQ(r.text, "在3号楼北侧增设8个临时车位") << "no text given: the motion's";
  EXPECT_EQ(r.responsible, "物业公司 张经理");
  EXPECT_EQ(r.deadline, "2026-02-28");
  EXPECT_EQ(r.recorded, m.clock.now());
}

TEST_F(Resolutions, OwnTextReplacesTheMotions) {
  Id motion = decided_motion(9);
  m.ok(cmd::RecordResolution{motion, "增设车位，3月底前完工", "居委会", "2026-03-31"}, chair());
  EXPECT_EQ(m.state().resolutions.at(0).text, "增设车位，3月底前完工");
}

TEST_F(Resolutions, NeedACarriedMotion) {
  Id defeated = decided_motion(2);
  ASSERT_EQ(m.state().motion(defeated)->state, MotionState::defeated);
  m.rejects(cmd::RecordResolution{defeated, "", "物业", "2026-03-01"}, secretary(),
            ErrorCode::invalid_state);
  Id pending = m.ok(cmd::ProposeMotion{"未表决", 0, "tenant1"}, chair()).created_id;
  m.rejects(cmd::RecordResolution{pending, "", "物业", "2026-03-01"}, secretary(),
            ErrorCode::invalid_state);
  m.rejects(cmd::RecordResolution{42, "", "物业", "2026-03-01"}, secretary(), ErrorCode::not_found);
}

TEST_F(Resolutions, NeedAResponsiblePartyAndADeadline) {
  Id motion = decided_motion(8);
  m.rejects(cmd::RecordResolution{motion, "", "", "2026-03-01"}, secretary(),
            ErrorCode::invalid_argument);
  m.rejects(cmd::RecordResolution{motion, "", "物业", ""}, secretary(),
            ErrorCode::invalid_argument);
}

TEST_F(Resolutions, CanBeRecordedAfterTheMeetingForTheMinutes) {
  Id motion = decided_motion(8);
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  m.ok(cmd::RecordResolution{motion, "", "物业", "2026-03-01"}, secretary());
  EXPECT_EQ(m.state().resolutions.size(), 1u);
}

TEST_F(Resolutions, CannotBeAddedOnceTheMinutesAreSigned) {
  Id motion = decided_motion(8);
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  m.ok(signing(m.state(), "王记录"), secretary());
  m.rejects(cmd::RecordResolution{motion, "", "物业", "2026-03-01"}, secretary(),
            ErrorCode::invalid_state);
}

// 决议执行: follow-up is an event in the record, also after the minutes are
// signed, since it happens after the meeting.
TEST_F(Resolutions, StatusChangesAreEventsEvenAfterTheMinutesAreSigned) {
  Id motion = decided_motion(8);
  m.ok(cmd::RecordResolution{motion, "", "物业", "2026-03-01"}, secretary());
  EXPECT_EQ(m.state().resolutions.at(0).status, ResolutionStatus::open);
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is still open
  m.ok(signing(m.state(), "王记录"), secretary());
  m.clock.advance_s(86400);
  Decision d = m.ok(cmd::UpdateResolution{1, ResolutionStatus::in_progress, "已联系施工方"}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ev::ResolutionUpdated>(d.events[0].body));
  const Resolution& r = m.state().resolutions.at(0);
  EXPECT_EQ(r.status, ResolutionStatus::in_progress);
  EXPECT_EQ(r.status_note, "已联系施工方");
  EXPECT_EQ(r.status_changed, m.clock.now());
  m.ok(cmd::UpdateResolution{1, ResolutionStatus::done, ""}, secretary());
  EXPECT_EQ(m.state().resolutions.at(0).status, ResolutionStatus::done);
}

TEST_F(Resolutions, AStatusChangeIsRefusedWhenItChangesNothingOrLacksItsReason) {
  Id motion = decided_motion(8);
  m.ok(cmd::RecordResolution{motion, "", "物业", "2026-03-01"}, secretary());
  m.rejects(cmd::UpdateResolution{7, ResolutionStatus::done, ""}, chair(), ErrorCode::not_found);
  m.rejects(cmd::UpdateResolution{1, ResolutionStatus::open, ""}, chair(), ErrorCode::duplicate);
  m.rejects(cmd::UpdateResolution{1, ResolutionStatus::dropped, ""}, chair(), ErrorCode::invalid_argument);
  m.rejects(cmd::UpdateResolution{1, ResolutionStatus::done, ""}, participant("elderly1"), ErrorCode::not_allowed);
  EXPECT_EQ(m.state().resolutions.at(0).status, ResolutionStatus::open);
}

}  // namespace
}  // namespace gavel::test
