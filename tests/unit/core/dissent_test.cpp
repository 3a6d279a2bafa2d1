// The dissent recorder (观点记录制): disagreements, minority opinions,
// objections and blocks per item, attributed or anonymous, with a reply;
// participants record only their own.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class DissentRecorder : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("parking");
  }
  MeetingDriver m;
};

TEST_F(DissentRecorder, SecretaryRecordsAnAttributedPointOfDisagreement) {
  m.clock.advance_s(12);
  Decision d =
      m.ok(cmd::RecordDissent{"", DissentKind::disagreement, "elderly2", "车位应优先给老人", false},
           secretary());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.created_id, 1u);
  ASSERT_EQ(m.state().dissent.size(), 1u);
  const Dissent& rec = m.state().dissent[0];
  EXPECT_EQ(rec.id, 1u);
  EXPECT_EQ(rec.item_id, "parking") << "no item named: the open item";
  EXPECT_EQ(rec.kind, DissentKind::disagreement);
  EXPECT_EQ(rec.participant_id, "elderly2");
  EXPECT_EQ(rec.text, "车位应优先给老人");
  EXPECT_EQ(rec.recorded, kMeetingDay + 12 * kSecond);
  EXPECT_TRUE(rec.reply.empty());
}

TEST_F(DissentRecorder, EveryKindIsRecorded) {
  const DissentKind kinds[] = {DissentKind::disagreement, DissentKind::minority,
                               DissentKind::objection, DissentKind::block};
  for (DissentKind kind : kinds)
    m.ok(cmd::RecordDissent{"lift", kind, "", std::string("意见 ") + name_of(kind), false},
         secretary());
  ASSERT_EQ(m.state().dissent.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(m.state().dissent[i].kind, kinds[i]);
    EXPECT_EQ(m.state().dissent[i].item_id, "lift") << "any item can be named";
    EXPECT_EQ(m.state().dissent[i].id, i + 1);
  }
  m.rejects(cmd::RecordDissent{"", static_cast<DissentKind>(0), "", "x", false}, secretary(),
            ErrorCode::invalid_argument);
  m.rejects(cmd::RecordDissent{"", static_cast<DissentKind>(5), "", "x", false}, secretary(),
            ErrorCode::invalid_argument);
}

TEST_F(DissentRecorder, AnonymousRecordsNameNobody) {
  m.ok(cmd::RecordDissent{"", DissentKind::minority, "elderly2", "少数意见", true}, secretary());
  m.ok(cmd::RecordDissent{"", DissentKind::objection, "", "反对", true}, participant("youth1"));
  ASSERT_EQ(m.state().dissent.size(), 2u);
  EXPECT_EQ(m.state().dissent[0].participant_id, "") << "anonymous drops the name";
  EXPECT_EQ(m.state().dissent[1].participant_id, "");
  for (const Event& e : m.events()) {
    if (const auto* rec = std::get_if<ev::DissentRecorded>(&e.body)) {
      EXPECT_TRUE(rec->participant_id.empty()) << "the event names nobody either";
    }
  }
}

TEST_F(DissentRecorder, OfficerMayLeaveTheAuthorOut) {
  m.ok(cmd::RecordDissent{"", DissentKind::disagreement, "", "有人反对", false}, chair());
  EXPECT_EQ(m.state().dissent.at(0).participant_id, "");
}

TEST_F(DissentRecorder, ParticipantsRecordTheirOwnOnly) {
  m.ok(cmd::RecordDissent{"", DissentKind::objection, "", "我反对", false}, participant("youth1"));
  EXPECT_EQ(m.state().dissent.at(0).participant_id, "youth1");
  m.ok(cmd::RecordDissent{"", DissentKind::objection, "youth1", "我再反对", false},
       participant("youth1"));
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "elderly1", "替他反对", false},
            participant("youth1"), ErrorCode::not_allowed);
}

TEST_F(DissentRecorder, NeedsATextAnItemAndAKnownAuthor) {
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "", "", false}, secretary(),
            ErrorCode::invalid_argument);
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "", std::string(8001, 'x'), false},
            secretary(), ErrorCode::invalid_argument);
  m.rejects(cmd::RecordDissent{"pool", DissentKind::objection, "", "x", false}, secretary(),
            ErrorCode::not_found);
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "ghost", "x", false}, secretary(),
            ErrorCode::not_found);
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "", "x", false}, secretary(),
            ErrorCode::invalid_state);
  m.ok(cmd::RecordDissent{"parking", DissentKind::objection, "", "会后补记", false}, secretary());
}

TEST_F(DissentRecorder, ReplyOrCompromiseIsKeptWithTheRecord) {
  m.ok(cmd::RecordDissent{"", DissentKind::objection, "tenant1", "租户没有车位", false},
       secretary());
  Decision d = m.ok(cmd::ReplyDissent{1, "折中：租户可按月租用"}, secretary());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(m.state().dissent[0].reply, "折中：租户可按月租用");
  m.ok(cmd::ReplyDissent{1, "修订后的回应"}, chair());
  EXPECT_EQ(m.state().dissent[0].reply, "修订后的回应");
  m.rejects(cmd::ReplyDissent{2, "x"}, secretary(), ErrorCode::not_found);
  m.rejects(cmd::ReplyDissent{0, "x"}, secretary(), ErrorCode::not_found);
  m.rejects(cmd::ReplyDissent{1, ""}, secretary(), ErrorCode::invalid_argument);
}

TEST_F(DissentRecorder, ADissentNamesAMotionOfItsItem) {
  Id motion = m.ok(cmd::ProposeMotion{"增设临时车位", 0, ""}, participant("elderly1")).created_id;
  m.ok(cmd::RecordDissent{"", DissentKind::objection, "youth2", "临时车位挤占消防通道", false, motion}, secretary());
  ASSERT_EQ(m.state().dissent.size(), 1u);
  EXPECT_EQ(m.state().dissent[0].motion_id, motion);
  m.rejects(cmd::RecordDissent{"", DissentKind::objection, "", "没有这个动议", false, motion + 1}, secretary(),
            ErrorCode::not_found);
  m.rejects(cmd::RecordDissent{"lift", DissentKind::objection, "", "动议属于另一议题", false, motion}, secretary(),
            ErrorCode::not_found);
  EXPECT_EQ(m.state().dissent.size(), 1u) << "a refused record changes nothing";
}

TEST_F(DissentRecorder, RecordsOutliveTheirItemAndTheMeeting) {
  m.ok(cmd::RecordDissent{"", DissentKind::minority, "youth2", "少数意见", false}, secretary());
  m.ok(cmd::NextItem{}, chair());
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  ASSERT_EQ(m.state().dissent.size(), 1u);
  EXPECT_EQ(m.state().dissent[0].item_id, "parking");
  m.ok(cmd::ReplyDissent{1, "会后回应"}, secretary());
}

TEST_F(DissentRecorder, RecordIsClosedOnceTheMinutesAreSigned) {
  m.ok(cmd::RecordDissent{"", DissentKind::minority, "youth2", "少数意见", false}, secretary());
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  m.ok(signing(m.state(), "王记录"), secretary());
  m.rejects(cmd::RecordDissent{"parking", DissentKind::objection, "", "签署后补记", false},
            secretary(), ErrorCode::invalid_state);
  m.rejects(cmd::ReplyDissent{1, "签署后回应"}, secretary(), ErrorCode::invalid_state);
  EXPECT_EQ(m.state().dissent.size(), 1u);
}

}  // namespace
}  // namespace gavel::test
