// The export formats of one signed version: byte-identical run after run,
// the PDF dated by the signing, the CSV with its BOM, the HTML self-contained.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "minutes/desk.hpp"
#include "scripted_meeting.hpp"

namespace gavel::test {
namespace {

using minutes::Format;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

void run_and_sign(MeetingDriver& m) {
  run_sample_meeting(m);
  m.clock.advance_s(3600);
  auto signing = minutes::signing_of(m.state(), "林晓雯");
  ASSERT_TRUE(signing);
  m.ok(signing.value(), secretary());
}

std::string exported(const core::MeetingState& s, Format format, bool draft = false) {
  auto file = minutes::export_minutes(s, format, 0, draft);
  EXPECT_TRUE(file) << (file ? "" : file.error().message_en);
  return file ? file.value().content : "";
}

TEST(MinutesExport, EveryFormatOfASignedVersionIsByteIdenticalRunAfterRun) {
  MeetingDriver first(sample_council());
  run_and_sign(first);
  MeetingDriver second(sample_council());
  second.clock.set(kSampleStart + 9 * core::kDay);  // a different day for the same record
  run_and_sign(second);
  // The second run's clock differs: compare each run with itself, and with a replay.
  core::Meeting replayed = first.replay();
  for (Format f : {Format::markdown, Format::html, Format::pdf, Format::csv}) {
    std::string a = exported(first.state(), f), b = exported(first.state(), f);
    EXPECT_EQ(a, b) << "format " << static_cast<int>(f) << " differs between two exports";
    EXPECT_EQ(a, exported(replayed.state(), f)) << "format " << static_cast<int>(f) << " differs after a replay";
  }
}

TEST(MinutesExport, ThePdfIsDatedByTheSigningNotByTheRun) {
  MeetingDriver m(sample_council());
  run_and_sign(m);
  std::string pdf = exported(m.state(), Format::pdf);
  EXPECT_TRUE(pdf.starts_with("%PDF-"));
  // cairo 1.16 writes the date without the "D:" prefix; the signing was at 16:03:05 Beijing time.
  EXPECT_NE(pdf.find("/CreationDate (20260321160305+08'00)"), std::string::npos)
      << "the PDF's creation date is not the signing time";
}

TEST(MinutesExport, TheActionListCsvHasABomAndQuotedFields) {
  MeetingDriver m(sample_council());
  run_and_sign(m);
  std::string csv = exported(m.state(), Format::csv);
  EXPECT_THAT(csv, StartsWith("\xEF\xBB\xBF\"序号\",\"议题\",\"决议\",\"责任人\",\"完成时限\"\r\n"));
  EXPECT_THAT(csv, HasSubstr("\"1\",\"小区停车难治理方案比选\",\"采用方案A"));
  EXPECT_THAT(csv, HasSubstr("\"物业公司（韩立新）\",\"2026-04-30\"\r\n"));
}

TEST(MinutesExport, TheHtmlIsOneFileWithPrintRulesAndNoScripts) {
  MeetingDriver m(sample_council());
  run_and_sign(m);
  std::string html = exported(m.state(), Format::html);
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_THAT(html, HasSubstr("Noto Serif CJK SC"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("http")));
}

TEST(MinutesExport, AnUnsignedVersionExportsOnlyAsAMarkedDraft) {
  MeetingDriver m(sample_council());
  run_sample_meeting(m);
  for (Format f : {Format::markdown, Format::html, Format::pdf, Format::csv}) {
    auto final_export = minutes::export_minutes(m.state(), f, 0, false);
    ASSERT_FALSE(final_export);
    EXPECT_EQ(final_export.error().code, core::ErrorCode::invalid_state);
    EXPECT_THAT(final_export.error().message_zh, HasSubstr("草稿"));
  }
  auto draft = minutes::export_minutes(m.state(), Format::markdown, 0, true);
  ASSERT_TRUE(draft);
  EXPECT_TRUE(draft.value().draft);
  EXPECT_EQ(draft.value().file_name, "minutes-2026-03-21-v1-draft.md");
  EXPECT_THAT(exported(m.state(), Format::html, true), HasSubstr("class=\"draft\""));
}

}  // namespace
}  // namespace gavel::test
