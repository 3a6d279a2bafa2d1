// A small valid meeting file and roster that each test bends in one place,
// so that every test shows only the mistake it is about.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "meeting_file/meeting_file.hpp"

namespace gavel::meeting_file::sample {

inline constexpr std::string_view kToml = R"([meeting]
title = "和园小区居民议事会"
start = 2026-03-21T14:30:00
chair = "周建华"
secretary = "林晓雯"

[[item]]
id = "parking"
title = "停车难治理方案比选"
published = 2026-03-10T09:00:00

[[item]]
id = "lift"
title = "3号楼加装电梯"
published = 2026-03-10T09:00:00
veto_group = "一楼住户"
)";

inline constexpr std::string_view kCsv =
    "id,name,group,weight,seat,clicker_id,invited_items\n"
    "p1,王秀兰,老年居民,1.2,B-01,CK-01,\n"
    "p2,黄志强,一楼住户,,,,\n"
    "p3,冯建国,特邀专家,,,,lift\n";

// `text` with its only occurrence of `from` replaced by `to`.
inline std::string with(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << "sample text lacks: " << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// The 1-based line of the first line of `text` that contains `needle`.
inline std::size_t line_of(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << "text lacks: " << needle;
  std::size_t line = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

inline core::Result<core::MeetingSetup> parse_texts(std::string_view toml = kToml,
                                                    std::string_view csv = kCsv) {
  return parse(toml, csv, "meeting.toml", "roster.csv");
}

// The English message of a failed parse, or a note that it did not fail.
inline std::string error_of(const core::Result<core::MeetingSetup>& result) {
  return result ? std::string("(no error)") : result.error().message_en;
}

}  // namespace gavel::meeting_file::sample
