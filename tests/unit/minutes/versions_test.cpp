// The secretary's edits and signed versions: facts take notes only, signing
// freezes a version with its hash, a correction is a new version that lists
// what changed, and every refusal changes nothing (MeetingDriver::rejects).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "minutes/desk.hpp"
#include "minutes/draft.hpp"
#include "minutes/render.hpp"
#include "scripted_meeting.hpp"

namespace gavel::test {
namespace {

namespace cmd = core::cmd;
using core::ErrorCode;
using core::MinutesEditKind;
using ::testing::HasSubstr;
using ::testing::Not;

void sign(MeetingDriver& m, const std::string& who = "林晓雯") {
  auto signing = minutes::signing_of(m.state(), who);
  ASSERT_TRUE(signing) << signing.error().message_en;
  m.ok(signing.value(), secretary());
}

std::string markdown(const MeetingDriver& m, std::uint32_t version = 0) {
  auto doc = minutes::draft_minutes(m.state(), version);
  EXPECT_TRUE(doc);
  return doc ? minutes::render_markdown(doc.value()) : "";
}

TEST(MinutesVersions, NotesGoBesideAnyPartAndProseCanBeReworded) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  m.ok(cmd::EditMinutes{MinutesEditKind::note, "vote/1", "计票由两名监票人复核。"}, secretary());
  m.ok(cmd::EditMinutes{MinutesEditKind::wording, "item/parking/summary", "与会者普遍支持错峰共享，担心租户被排除在外。"},
       secretary());
  std::string md = markdown(m);
  EXPECT_THAT(md, HasSubstr("〔记录员注〕计票由两名监票人复核。"));
  EXPECT_THAT(md, HasSubstr("### 讨论情况\n\n与会者普遍支持错峰共享"));
}

TEST(MinutesVersions, EditingARecordedFactIsRefusedInBothLanguages) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  for (const char* fact : {"vote/1", "attendance", "speech/2", "dissent/1", "resolution/1", "header"}) {
    m.rejects(cmd::EditMinutes{MinutesEditKind::wording, fact, "改掉"}, secretary(), ErrorCode::not_allowed);
    auto refused = m.send(cmd::EditMinutes{MinutesEditKind::wording, fact, "改掉"}, secretary());
    ASSERT_FALSE(refused);
    EXPECT_THAT(refused.error().message_zh, HasSubstr("只能加注"));
    EXPECT_THAT(refused.error().message_en, HasSubstr("only annotated"));
  }
  m.rejects(cmd::EditMinutes{MinutesEditKind::note, "vote/9", "x"}, secretary(), ErrorCode::not_found);
  m.rejects(cmd::EditMinutes{MinutesEditKind::note, "item/nowhere", "x"}, secretary(), ErrorCode::not_found);
  m.rejects(cmd::EditMinutes{MinutesEditKind::wording, "item/parking/outcome", "x"}, secretary(),
            ErrorCode::invalid_argument);
  m.rejects(cmd::EditMinutes{MinutesEditKind::note, "vote/1", "x"}, participant("p04"), ErrorCode::not_allowed);
}

TEST(MinutesVersions, SigningFreezesTheVersionWithItsHashAndHeadSeq) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  core::Seq head = m.state().seq;
  auto before = minutes::export_minutes(m.state(), minutes::Format::markdown, 0, true);
  ASSERT_TRUE(before);
  sign(m);
  ASSERT_EQ(m.state().minutes_versions.size(), 1u);
  const core::MinutesVersion& v = m.state().minutes_versions[0];
  EXPECT_EQ(v.version, 1u);
  EXPECT_EQ(v.head_seq, head);
  EXPECT_EQ(v.content_sha256, before.value().content_sha256);
  auto signed_file = minutes::export_minutes(m.state(), minutes::Format::markdown, 1, false);
  ASSERT_TRUE(signed_file);
  EXPECT_EQ(signed_file.value().content_sha256, v.content_sha256) << "the signed export no longer matches its hash";
  EXPECT_THAT(signed_file.value().content, HasSubstr("纪要内容 SHA-256：" + v.content_sha256));
  EXPECT_THAT(signed_file.value().content, HasSubstr("截至第 " + std::to_string(head) + " 号事件"));
  EXPECT_THAT(signed_file.value().content, Not(HasSubstr("草稿")));
}

TEST(MinutesVersions, SigningTwiceIsRefusedAndChangesNothing) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  sign(m);
  auto again = minutes::signing_of(m.state(), "林晓雯");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::duplicate);
  // Even a hand-made command: the engine refuses it.
  cmd::SignMinutes forged{"林晓雯", std::string(64, 'a'), m.state().seq};
  m.rejects(forged, secretary(), ErrorCode::duplicate);
}

TEST(MinutesVersions, ASignatureOverAStaleDraftOrWithoutAHashIsRefused) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  auto stale = minutes::signing_of(m.state(), "林晓雯");
  ASSERT_TRUE(stale);
  m.ok(cmd::EditMinutes{MinutesEditKind::note, "header", "会议由社区党委召集。"}, secretary());
  m.rejects(stale.value(), secretary(), ErrorCode::invalid_state);
  m.rejects(cmd::SignMinutes{"林晓雯"}, secretary(), ErrorCode::invalid_argument);
}

TEST(MinutesVersions, ACorrectionAfterSigningIsANewVersionThatShowsWhatChanged) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  m.ok(cmd::EditMinutes{MinutesEditKind::wording, "item/lift/summary", "多数住户支持加装。"}, secretary());
  sign(m);
  std::string first = markdown(m, 1);
  m.ok(cmd::EditMinutes{MinutesEditKind::wording, "item/lift/summary", "多数住户支持加装，一楼住户要求先比较方案。"},
       secretary());
  m.ok(cmd::EditMinutes{MinutesEditKind::note, "resolution/2", "协调小组名单见附件。"}, secretary());
  EXPECT_EQ(m.state().minutes, core::MinutesState::draft);
  EXPECT_EQ(minutes::working_version(m.state()), 2u);
  // The record itself stays closed after the first signature.
  m.rejects(cmd::ReplyDissent{2, "补充回应"}, secretary(), ErrorCode::invalid_state);
  auto unsigned_final = minutes::export_minutes(m.state(), minutes::Format::markdown, 0, false);
  ASSERT_FALSE(unsigned_final);
  EXPECT_EQ(unsigned_final.error().code, ErrorCode::invalid_state);
  EXPECT_THAT(unsigned_final.error().message_en, HasSubstr("marked draft"));
  sign(m);
  std::string second = markdown(m, 2);
  EXPECT_THAT(second, HasSubstr("## 本版更正（对照第1版）"));
  EXPECT_THAT(second, HasSubstr("改写 item/lift/summary"));
  EXPECT_THAT(second, HasSubstr("原文：多数住户支持加装。"));
  EXPECT_THAT(second, HasSubstr("改为：多数住户支持加装，一楼住户要求先比较方案。"));
  EXPECT_THAT(second, HasSubstr("加注 resolution/2：协调小组名单见附件。"));
  EXPECT_EQ(markdown(m, 1), first) << "version 1 must stay as it was signed";
  EXPECT_NE(m.state().minutes_versions[0].content_sha256, m.state().minutes_versions[1].content_sha256);
}

}  // namespace
}  // namespace gavel::test
