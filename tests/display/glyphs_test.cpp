// The characters the font atlas must hold: labels plus the meeting's text.
#include <gtest/gtest.h>

#include "model/glyphs.hpp"

namespace gavel::display {
namespace {

TEST(Glyphs, DecodesUtf8AndReplacesMalformedBytes) {
  EXPECT_EQ(decode_utf8("a龘"), (std::vector<char32_t>{U'a', U'龘'}));
  EXPECT_EQ(decode_utf8("\xE9\xBE"), (std::vector<char32_t>{0xFFFD, 0xFFFD}));        // cut short
  EXPECT_EQ(decode_utf8("\xC0\xAF"), (std::vector<char32_t>{0xFFFD, 0xFFFD}));        // overlong
  EXPECT_EQ(decode_utf8("\xED\xA0\x80"), (std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD}));  // a surrogate
  EXPECT_EQ(decode_utf8("\xF0\xA0\xAE\xB7"), (std::vector<char32_t>{0x20BB7}));      // 𠮷
}

TEST(Glyphs, TakesEveryShownTextOfTheSnapshot) {
  v1::MeetingSnapshot s;
  s.mutable_info()->set_title("议事会");
  v1::Participant* p = s.add_roster();
  p->set_name("欧阳龘");
  p->set_group("商户");
  s.add_agenda()->set_title("停车");
  s.add_motions()->set_text("错峰");
  s.mutable_current_vote()->mutable_spec()->set_question("是否同意");
  s.mutable_current_vote()->mutable_spec()->add_options("方案甲");
  s.add_votes()->mutable_result()->mutable_rule_words()->set_zh("三分之二");
  s.mutable_votes(0)->mutable_result()->mutable_rule_words()->set_en("two thirds");
  s.mutable_agenda(0)->set_background("背景不上屏");

  GlyphSet glyphs;
  EXPECT_TRUE(glyphs.add_snapshot(s));
  for (char32_t c : std::u32string(U"议事会欧阳龘商户停车错峰是否同意方案甲三分之二wo"))
    EXPECT_EQ(glyphs.codepoints().count(c), 1u) << static_cast<std::uint32_t>(c);
  // Not shown, so not baked: the atlas stays small.
  EXPECT_EQ(glyphs.codepoints().count(U'景'), 0u);
  EXPECT_FALSE(glyphs.add_snapshot(s)) << "nothing new the second time";
}

TEST(Glyphs, KeepsToTheBasicMultilingualPlane) {
  GlyphSet glyphs;
  EXPECT_FALSE(glyphs.add("\xF0\xA0\xAE\xB7"));
  EXPECT_TRUE(glyphs.codepoints().empty());
}

TEST(Glyphs, LabelsOfBothLanguages) {
  GlyphSet zh, en;
  zh.add_labels(Lang::zh);
  en.add_labels(Lang::en);
  for (char32_t c : std::u32string(U"正在重新连接通过未否决超时…")) EXPECT_EQ(zh.codepoints().count(c), 1u);
  EXPECT_EQ(en.codepoints().count(U'C'), 1u);
  EXPECT_EQ(en.codepoints().count(U'通'), 0u);
}

}  // namespace
}  // namespace gavel::display
