// The roster CSV, read through parse() with a valid meeting TOML.
#include <gtest/gtest.h>

#include "sample_files.hpp"

namespace gavel::meeting_file {
namespace {

using sample::error_of;
using sample::kCsv;
using sample::parse_texts;
using sample::with;

constexpr std::string_view kHeader = "id,name,group,weight,seat,clicker_id,invited_items\n";

core::Result<core::MeetingSetup> parse_roster(std::string_view csv) {
  return parse_texts(sample::kToml, csv);
}

std::string roster_error(std::string_view csv) { return error_of(parse_roster(csv)); }

TEST(Roster, ReadsParticipantsWithDefaults) {
  const auto setup = parse_roster(kCsv);
  ASSERT_TRUE(setup) << error_of(setup);
  const auto& roster = setup.value().roster;
  ASSERT_EQ(roster.size(), 3u);
  EXPECT_EQ(roster[0].id, "p1");
  EXPECT_EQ(roster[0].name, "王秀兰");
  EXPECT_EQ(roster[0].group, "老年居民");
  EXPECT_EQ(roster[0].weight, 1.2);
  EXPECT_EQ(roster[0].seat, "B-01");
  EXPECT_EQ(roster[0].clicker_id, "CK-01");
  EXPECT_FALSE(roster[0].invited);
  EXPECT_EQ(roster[1].weight, 1.0);
  EXPECT_EQ(roster[1].seat, "");
  EXPECT_EQ(roster[1].clicker_id, "");
}

TEST(Roster, AcceptsASpreadsheetExportWithBomAndCrlf) {
  std::string csv = "\xEF\xBB\xBF";
  for (char c : kCsv) csv += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto setup = parse_roster(csv);
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster[0].id, "p1");
  EXPECT_EQ(setup.value().roster[2].invited_items, std::vector<std::string>{"lift"});
}

TEST(Roster, AcceptsColumnsInAnyOrderAndCase) {
  const auto setup = parse_roster("Group, Name ,ID\n一楼住户,黄志强,p2\n");
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster[0].id, "p2");
  EXPECT_EQ(setup.value().roster[0].name, "黄志强");
  EXPECT_EQ(setup.value().roster[0].group, "一楼住户");
}

TEST(Roster, TrimsSpacesAroundValues) {
  const auto setup = parse_roster("id,name,group\n p2 , 黄志强 ,一楼住户 \n");
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster[0].id, "p2");
  EXPECT_EQ(setup.value().roster[0].name, "黄志强");
  EXPECT_EQ(setup.value().roster[0].group, "一楼住户");
}

TEST(Roster, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const auto setup = parse_roster(
      "id,name,group,seat\n"
      "p1,\"王秀兰 \"\"王阿姨\"\"\",老年居民,\"B区,第1排\"\n"
      "p2,\"黄志强\n（3号楼101）\",一楼住户,\n");
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster[0].name, "王秀兰 \"王阿姨\"");
  EXPECT_EQ(setup.value().roster[0].seat, "B区,第1排");
  EXPECT_EQ(setup.value().roster[1].name, "黄志强\n（3号楼101）");
}

TEST(Roster, MarksPeopleWithInvitedItemsAsInvitedMembers) {
  const auto setup = parse_roster(std::string(kHeader) +
                                  "p1,黄志强,一楼住户,,,,\n"
                                  "p2,曹永刚,职能部门,,,,parking; lift\n"
                                  "p3,冯建国,特邀专家,,,,lift；parking\n");
  ASSERT_TRUE(setup) << error_of(setup);
  const auto& roster = setup.value().roster;
  EXPECT_FALSE(roster[0].invited);
  EXPECT_TRUE(roster[1].invited);
  EXPECT_EQ(roster[1].invited_items, (std::vector<std::string>{"parking", "lift"}));
  EXPECT_EQ(roster[2].invited_items, (std::vector<std::string>{"lift", "parking"}))
      << "a full-width semicolon separates too";
}

TEST(Roster, SkipsBlankRowsThatSpreadsheetsExport) {
  const auto setup = parse_roster(std::string(kCsv) + ",,,,,,\n\n,,,,,,\n");
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster.size(), 3u);
}

TEST(Roster, RejectsAnUnknownColumnNamingIt) {
  const std::string message = roster_error("id,name,group,电话\np1,王秀兰,老年居民,13800000000\n");
  EXPECT_EQ(
      message.rfind("roster.csv:1: header: unknown column \"电话\"; known columns: id, name,", 0),
      0u)
      << message;
}

TEST(Roster, RejectsAMissingRequiredColumn) {
  EXPECT_EQ(roster_error("id,name\np1,王秀兰\n"),
            "roster.csv:1: header: the required column \"group\" is missing");
}

TEST(Roster, RejectsADuplicateColumn) {
  EXPECT_EQ(roster_error("id,name,group,Name\np1,王秀兰,老年居民,王\n"),
            "roster.csv:1: header: column \"name\" appears twice");
}

TEST(Roster, RejectsAColumnWithoutAName) {
  EXPECT_EQ(roster_error("id,name,group,\np1,王秀兰,老年居民,\n"),
            "roster.csv:1: header: column 4 has no name");
}

TEST(Roster, RejectsADuplicateParticipantIdNamingTheLine) {
  const auto result = parse_roster(std::string(kCsv) + "p2,吴美华,一楼住户,,,,\n");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message_en,
            "roster.csv:5: id: duplicate participant id \"p2\" (first used on line 3)");
  EXPECT_EQ(result.error().message_zh, "roster.csv:5: id: 编号 \"p2\" 重复（第 3 行已使用）");
}

TEST(Roster, RejectsAnEmptyName) {
  EXPECT_EQ(roster_error(with(kCsv, "p2,黄志强,", "p2, ,")),
            "roster.csv:3: name: must not be empty");
}

TEST(Roster, RejectsAnEmptyGroup) {
  EXPECT_EQ(roster_error(with(kCsv, "p2,黄志强,一楼住户,", "p2,黄志强,,")),
            "roster.csv:3: group: must not be empty");
}

TEST(Roster, RejectsAnEmptyId) {
  EXPECT_EQ(roster_error(with(kCsv, "p2,黄志强,", ",黄志强,")),
            "roster.csv:3: id: must not be empty");
}

TEST(Roster, RejectsAWeightThatIsNotAPositiveNumber) {
  EXPECT_EQ(roster_error(with(kCsv, ",1.2,", ",0,")),
            "roster.csv:2: weight: must be greater than 0");
  EXPECT_EQ(roster_error(with(kCsv, ",1.2,", ",-1,")),
            "roster.csv:2: weight: must be greater than 0");
  EXPECT_EQ(roster_error(with(kCsv, ",1.2,", ",89㎡,")),
            "roster.csv:2: weight: not a number: \"89㎡\"");
  EXPECT_EQ(roster_error(with(kCsv, ",1.2,", ",inf,")),
            "roster.csv:2: weight: not a number: \"inf\"");
}

TEST(Roster, RejectsADuplicateClickerId) {
  EXPECT_EQ(roster_error(with(kCsv, "p2,黄志强,一楼住户,,,,", "p2,黄志强,一楼住户,,,CK-01,")),
            "roster.csv:3: clicker_id: clicker \"CK-01\" is already given to line 2");
}

TEST(Roster, RejectsAnInvitedItemThatIsNotOnTheAgenda) {
  EXPECT_EQ(roster_error(with(kCsv, ",,lift\n", ",,lift;greening\n")),
            "roster.csv:4: invited_items: no agenda item has the id \"greening\"");
}

TEST(Roster, RejectsAnInvitedItemListedTwice) {
  EXPECT_EQ(roster_error(with(kCsv, ",,lift\n", ",,lift;lift\n")),
            "roster.csv:4: invited_items: item \"lift\" is listed twice");
}

TEST(Roster, RejectsARowWithTheWrongNumberOfFields) {
  EXPECT_EQ(roster_error(with(kCsv, "p2,黄志强,一楼住户,,,,", "p2,黄志强,一楼住户")),
            "roster.csv:3: has 3 fields but the header has 7");
}

TEST(Roster, CountsLinesInsideQuotedFieldsWhenNamingARow) {
  EXPECT_EQ(roster_error("id,name,group\np1,\"王秀兰\n（王阿姨）\",老年居民\np1,黄志强,一楼住户\n"),
            "roster.csv:4: id: duplicate participant id \"p1\" (first used on line 2)");
}

TEST(Roster, RejectsARosterWithoutParticipants) {
  EXPECT_EQ(roster_error(kHeader), "roster.csv: the roster has no participants");
}

TEST(Roster, RejectsAnEmptyFile) {
  EXPECT_EQ(roster_error("").rfind("roster.csv: the file is empty", 0), 0u);
}

}  // namespace
}  // namespace gavel::meeting_file
