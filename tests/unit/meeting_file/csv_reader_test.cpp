#include "meeting_file/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gavel::meeting_file {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_ok(std::string_view text) {
  auto records = read_csv(text, "roster.csv");
  EXPECT_TRUE(records) << (records ? "" : records.error().message_en);
  return records ? records.value() : std::vector<CsvRecord>{};
}

std::string read_error(std::string_view text) {
  auto records = read_csv(text, "roster.csv");
  EXPECT_FALSE(records);
  return records ? "(no error)" : records.error().message_en;
}

TEST(CsvReader, SplitsFieldsAndRecords) {
  const auto records = read_ok("a,b,c\n1,2,3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
}

TEST(CsvReader, AcceptsCrLfLfAndLoneCrLineEnds) {
  const auto records = read_ok("a\r\nb\nc\rd");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[3].fields, Fields{"d"});
  EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReader, UnescapesDoubledQuotesInsideQuotedFields) {
  const auto records = read_ok(R"("他说""同意""",x)");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"他说\"同意\"", "x"}));
}

TEST(CsvReader, KeepsCommasAndLineBreaksInsideQuotedFields) {
  const auto records = read_ok("\"B区,第1排\",\"第一行\r\n第二行\"\r\nnext,row\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"B区,第1排", "第一行\r\n第二行"}));
  EXPECT_EQ(records[1].fields, (Fields{"next", "row"}));
}

TEST(CsvReader, NumbersEachRecordByTheLineItStartsOn) {
  const auto records = read_ok("h\n\"two\nlines\"\nlast\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].line, 4u);
}

TEST(CsvReader, StripsTheByteOrderMark) {
  const auto records = read_ok("\xEF\xBB\xBFid,name\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "id");
}

TEST(CsvReader, KeepsAnEmptyLastFieldAfterATrailingComma) {
  const auto records = read_ok("a,b,\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", ""}));
}

TEST(CsvReader, EmptyTextHasNoRecords) { EXPECT_TRUE(read_ok("").empty()); }

TEST(CsvReader, RejectsAnUnterminatedQuoteNamingTheLineItOpenedOn) {
  EXPECT_EQ(read_error("id,name\np1,\"王秀兰\np2,黄志强\n"),
            "roster.csv:2: unterminated quoted field: the quote opened here is never closed");
}

TEST(CsvReader, RejectsTextAfterAClosingQuote) {
  EXPECT_EQ(
      read_error("id,name\np1,\"王\"秀兰\n").rfind("roster.csv:2: text after a closing quote", 0),
      0u);
}

TEST(CsvReader, RejectsGbkTextWithAHintToSaveAsUtf8) {
  // "王" in GBK is CD F5: what Excel on Chinese Windows writes by default.
  const std::string message = read_error("id,name\np1,\xCD\xF5\n");
  EXPECT_EQ(message.rfind("roster.csv:2: not UTF-8", 0), 0u) << message;
  EXPECT_NE(message.find("CSV UTF-8"), std::string::npos);
}

TEST(CsvReader, RejectsOverlongUtf8) {
  EXPECT_EQ(read_error("a\xC0\xAF").rfind("roster.csv:1:", 0), 0u);
}

TEST(CsvReader, RejectsUtf8EncodedSurrogates) {
  EXPECT_EQ(read_error("ok\n\xED\xA0\x80").rfind("roster.csv:2:", 0), 0u);
}

}  // namespace
}  // namespace gavel::meeting_file
