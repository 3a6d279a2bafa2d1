// The TOML half of a meeting file, read through parse() with a valid roster.
#include <gtest/gtest.h>

#include "sample_files.hpp"

namespace gavel::meeting_file {
namespace {

using sample::error_of;
using sample::kToml;
using sample::line_of;
using sample::parse_texts;
using sample::with;

constexpr core::Millis k1430ChinaOn21March = 1774074600000;  // 2026-03-21T06:30:00Z

std::string at(std::size_t line) { return "meeting.toml:" + std::to_string(line) + ": "; }

TEST(MeetingToml, ReadsTheMeetingAndAgendaWithDefaults) {
  const auto setup = parse_texts();
  ASSERT_TRUE(setup) << error_of(setup);
  const core::MeetingInfo& info = setup.value().info;
  EXPECT_EQ(info.title, "和园小区居民议事会");
  EXPECT_EQ(info.chair_name, "周建华");
  EXPECT_EQ(info.secretary_name, "林晓雯");
  EXPECT_EQ(info.place, "");
  EXPECT_FALSE(info.live_tally_allowed);
  EXPECT_EQ(info.quorum.min_present, 0u);
  EXPECT_EQ(info.quorum.min_fraction, 0.0);
  EXPECT_FALSE(info.queue_rules.first_time_speakers_first);
  EXPECT_FALSE(info.queue_rules.alternate_groups);
  ASSERT_EQ(setup.value().agenda.size(), 2u);
  const core::AgendaItem& parking = setup.value().agenda[0];
  EXPECT_EQ(parking.id, "parking");
  EXPECT_EQ(parking.speech_limit_s, 300u);
  EXPECT_EQ(parking.max_speeches_per_person, 0u);
  EXPECT_EQ(parking.veto_group, "");
  EXPECT_EQ(setup.value().agenda[1].veto_group, "一楼住户");
  EXPECT_TRUE(setup.value().opinions.empty());
}

TEST(MeetingToml, ReadsAnItemsOptionsWithTheirDescriptions) {
  const auto setup = parse_texts(with(kToml, "veto_group = \"一楼住户\"",
                                      "veto_group = \"一楼住户\"\n[[item.option]]\nlabel = \"南侧\"\n"
                                      "description = \"南侧入户，不挡一楼窗户\"\n[[item.option]]\nlabel = \"北侧\"\n"));
  ASSERT_TRUE(setup) << error_of(setup);
  const auto& options = setup.value().agenda[1].options;
  ASSERT_EQ(options.size(), 2u);
  EXPECT_EQ(options[0].label, "南侧");
  EXPECT_EQ(options[0].description, "南侧入户，不挡一楼窗户");
  EXPECT_EQ(options[1].label, "北侧");
  EXPECT_EQ(options[1].description, "");
  EXPECT_TRUE(setup.value().agenda[0].options.empty());
}

TEST(MeetingToml, RejectsAnOptionWithoutALabel) {
  const auto setup = parse_texts(with(kToml, "veto_group = \"一楼住户\"",
                                      "veto_group = \"一楼住户\"\n[[item.option]]\ndescription = \"无名\"\n"));
  ASSERT_FALSE(setup);
  EXPECT_NE(error_of(setup).find("option[1].label"), std::string::npos) << error_of(setup);
}

TEST(MeetingToml, ReadsALocalStartTimeAsChinaStandardTime) {
  const auto setup = parse_texts();
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().info.scheduled_start, k1430ChinaOn21March);
}

TEST(MeetingToml, ReadsAStartTimeWithAnOffsetAsWritten) {
  const auto tokyo = parse_texts(with(kToml, "14:30:00", "15:30:00+09:00"));
  ASSERT_TRUE(tokyo) << error_of(tokyo);
  EXPECT_EQ(tokyo.value().info.scheduled_start, k1430ChinaOn21March);
  const auto utc = parse_texts(with(kToml, "14:30:00", "06:30:00Z"));
  ASSERT_TRUE(utc) << error_of(utc);
  EXPECT_EQ(utc.value().info.scheduled_start, k1430ChinaOn21March);
}

TEST(MeetingToml, ReadsADatedPublicationAsMidnightInChina) {
  const auto setup =
      parse_texts(with(kToml, "published = 2026-03-10T09:00:00\n\n", "published = 2026-03-10\n\n"));
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().agenda[0].published, 1773072000000);  // 2026-03-09T16:00:00Z
}

TEST(MeetingToml, TakesAnUnpublishedItemAsPublishedAtTheStart) {
  const auto setup = parse_texts(with(kToml, "published = 2026-03-10T09:00:00\n\n", "\n"));
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().agenda[0].published, k1430ChinaOn21March);
}

TEST(MeetingToml, DerivesTheMeetingDateFromTheStart) {
  const auto setup = parse_texts();
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().info.date, "2026-03-21");
}

TEST(MeetingToml, AcceptsADateThatMatchesTheStart) {
  const auto setup = parse_texts(with(kToml, "start =", "date = 2026-03-21\nstart ="));
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().info.date, "2026-03-21");
}

TEST(MeetingToml, RejectsADateThatDiffersFromTheStart) {
  const std::string toml = with(kToml, "start =", "date = 2026-03-22\nstart =");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "date =")) +
                "meeting.date: differs from the date of meeting.start, 2026-03-21");
}

TEST(MeetingToml, RejectsAStartWithoutATimeOfDay) {
  const std::string toml = with(kToml, "2026-03-21T14:30:00", "2026-03-21");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(3) + "meeting.start: needs a time of day, e.g. 2026-03-21T14:30:00");
}

TEST(MeetingToml, RejectsAMissingMeetingTable) {
  const std::string toml = with(kToml, "[meeting]\n", "[meting]\n");
  EXPECT_EQ(error_of(parse_texts(toml)).rfind("meeting.toml:1: meting: unknown key", 0), 0u)
      << error_of(parse_texts(toml));
  const std::string no_table(kToml.substr(kToml.find("[[item]]")));
  EXPECT_EQ(error_of(parse_texts(no_table)),
            "meeting.toml: meeting: the [meeting] table is missing");
}

TEST(MeetingToml, RejectsAMissingTitleNamingTheTableLine) {
  const std::string toml = with(kToml, "title = \"和园小区居民议事会\"\n", "");
  EXPECT_EQ(error_of(parse_texts(toml)), at(1) + "meeting.title: missing (required)");
}

TEST(MeetingToml, RejectsABlankTitle) {
  const std::string toml = with(kToml, "\"和园小区居民议事会\"", "\"   \"");
  EXPECT_EQ(error_of(parse_texts(toml)), at(2) + "meeting.title: must not be empty");
}

TEST(MeetingToml, RejectsSpeechLimitOutOfRangeNamingLineAndField) {
  const std::string toml =
      with(kToml, "veto_group = \"一楼住户\"", "veto_group = \"一楼住户\"\nspeech_limit_s = 5");
  const auto result = parse_texts(toml);
  ASSERT_FALSE(result);
  const std::string where = at(line_of(toml, "speech_limit_s")) + "item[2].speech_limit_s: ";
  EXPECT_EQ(result.error().message_en, where + "must be between 10 and 3600");
  EXPECT_EQ(result.error().message_zh, where + "必须在 10 到 3600 之间");
  EXPECT_EQ(result.error().code, core::ErrorCode::invalid_argument);
}

TEST(MeetingToml, RejectsTooManySpeechesPerPerson) {
  const std::string toml = with(kToml, "title = \"停车难治理方案比选\"",
                                "title = \"停车难治理方案比选\"\nmax_speeches_per_person = 101");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "max_speeches")) +
                "item[1].max_speeches_per_person: must be between 0 and 100");
}

TEST(MeetingToml, RejectsAnUnknownKeyNamingIt) {
  const std::string toml = with(kToml, "title = \"停车难治理方案比选\"",
                                "title = \"停车难治理方案比选\"\nspeach_limit_s = 300");
  const std::string message = error_of(parse_texts(toml));
  EXPECT_EQ(message.rfind(at(line_of(toml, "speach")) + "item[1].speach_limit_s: unknown key", 0),
            0u)
      << message;
  EXPECT_NE(message.find("speech_limit_s"), std::string::npos) << "lists the known keys";
}

TEST(MeetingToml, RejectsAWrongTypeNamingTheExpectedType) {
  const std::string toml = with(kToml, "title = \"停车难治理方案比选\"",
                                "title = \"停车难治理方案比选\"\nspeech_limit_s = \"5分钟\"");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "5分钟")) + "item[1].speech_limit_s: must be an integer");
}

TEST(MeetingToml, RejectsADuplicateItemIdNamingBothLines) {
  const std::string toml = with(kToml, "id = \"lift\"", "id = \"parking\"");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(13) + "item[2].id: duplicate item id \"parking\" (first used on line 8)");
}

TEST(MeetingToml, RejectsAnItemIdWithASemicolon) {
  const std::string toml = with(kToml, "id = \"lift\"", "id = \"lift;2\"");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(13) + "item[2].id: may not contain spaces, commas or semicolons");
}

TEST(MeetingToml, RejectsAPublicationAfterTheStart) {
  const std::string toml =
      with(kToml, "published = 2026-03-10T09:00:00\n\n", "published = 2026-03-22T09:00:00\n\n");
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(10) + "item[1].published: must not be after meeting.start");
}

TEST(MeetingToml, RejectsAnEmptyAgenda) {
  const std::string toml(kToml.substr(0, kToml.find("[[item]]")));
  EXPECT_EQ(error_of(parse_texts(toml)),
            "meeting.toml: item: the agenda is empty: add at least one [[item]]");
}

TEST(MeetingToml, RejectsAnItemWrittenAsASingleTable) {
  const std::string toml = std::string(kToml.substr(0, kToml.find("[[item]]"))) +
                           "[item]\nid = \"parking\"\ntitle = \"停车\"\n";
  EXPECT_EQ(error_of(parse_texts(toml)), at(7) + "item: must be written as [[item]] tables");
}

TEST(MeetingToml, ReportsTomlSyntaxErrorsWithTheLine) {
  const std::string toml = with(kToml, "chair = \"周建华\"", "chair = 周建华");
  const auto result = parse_texts(toml);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message_en.rfind(at(4) + "TOML syntax error: ", 0), 0u)
      << result.error().message_en;
  EXPECT_EQ(result.error().message_zh.rfind(at(4) + "TOML 语法错误：", 0), 0u);
}

TEST(MeetingToml, ReadsQuorumQueueAndTallyRules) {
  const std::string toml = std::string(kToml) +
                           "\n[quorum]\nmin_present = 2\nmin_fraction = 0.5\n"
                           "[queue]\nfirst_time_speakers_first = true\nalternate_groups = true\n";
  const auto setup = parse_texts(with(toml, "start =", "live_tally_allowed = true\nstart ="));
  ASSERT_TRUE(setup) << error_of(setup);
  const core::MeetingInfo& info = setup.value().info;
  EXPECT_EQ(info.quorum.min_present, 2u);
  EXPECT_EQ(info.quorum.min_fraction, 0.5);
  EXPECT_TRUE(info.queue_rules.first_time_speakers_first);
  EXPECT_TRUE(info.queue_rules.alternate_groups);
  EXPECT_TRUE(info.live_tally_allowed);
}

TEST(MeetingToml, RejectsAMinFractionAboveOne) {
  const std::string toml = std::string(kToml) + "\n[quorum]\nmin_fraction = 50\n";
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "min_fraction")) +
                "quorum.min_fraction: must be between 0 and 1 (0.5 means half)");
}

TEST(MeetingToml, RejectsAMinPresentLargerThanTheRoster) {
  const std::string toml = std::string(kToml) + "\n[quorum]\nmin_present = 4\n";
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "min_present")) +
                "quorum.min_present: exceeds the 3 people on the roster, so the meeting could "
                "never be quorate");
}

TEST(MeetingToml, RejectsAVetoGroupThatIsNotInTheRoster) {
  const std::string toml = with(kToml, "\"一楼住户\"", "\"底层住户\"");
  const auto result = parse_texts(toml);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message_en,
            at(16) +
                "item[2].veto_group: no group \"底层住户\" in roster.csv; its groups are: "
                "一楼住户, 特邀专家, 老年居民");
  EXPECT_EQ(
      result.error().message_zh.rfind(at(16) + "item[2].veto_group: roster.csv 中没有分组", 0), 0u);
}

TEST(MeetingToml, AttachesAbsentOpinionsToTheirItem) {
  const std::string toml = std::string(kToml) +
                           "\n  [[item.opinion]]\n  author = \"黄敏（代父亲提交）\"\n"
                           "  received = 2026-03-17T10:15:00\n"
                           "  text = \"\"\"\n希望比较南侧入户方案。\n\"\"\"\n";
  const auto setup = parse_texts(toml);
  ASSERT_TRUE(setup) << error_of(setup);
  ASSERT_EQ(setup.value().opinions.size(), 1u);
  const auto& [item_id, opinion] = setup.value().opinions[0];
  EXPECT_EQ(item_id, "lift");
  EXPECT_EQ(opinion.author, "黄敏（代父亲提交）");
  EXPECT_EQ(opinion.text, "希望比较南侧入户方案。");
  EXPECT_EQ(opinion.received, 1773713700000);  // 2026-03-17T02:15:00Z
}

TEST(MeetingToml, RejectsAnOpinionWithoutText) {
  const std::string toml = std::string(kToml) +
                           "\n  [[item.opinion]]\n  author = \"黄敏\"\n"
                           "  received = 2026-03-17\n";
  EXPECT_EQ(error_of(parse_texts(toml)),
            at(line_of(toml, "[[item.opinion]]")) + "item[2].opinion[1].text: missing (required)");
}

}  // namespace
}  // namespace gavel::meeting_file
