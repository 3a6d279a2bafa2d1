// Labels in both languages and the words for the protocol's enums.
#include <gtest/gtest.h>

#include "model/strings.hpp"

namespace gavel::display {
namespace {

TEST(Strings, EveryLabelExistsInBothLanguages) {
  for (int i = 0; i < static_cast<int>(Text::count); ++i) {
    EXPECT_STRNE(tr(Lang::zh, static_cast<Text>(i)), "") << i;
    EXPECT_STRNE(tr(Lang::en, static_cast<Text>(i)), "") << i;
  }
}

TEST(Strings, OutcomesInWords) {
  EXPECT_STREQ(outcome_word(Lang::zh, v1::OUTCOME_CARRIED), "通过");
  EXPECT_STREQ(outcome_word(Lang::zh, v1::OUTCOME_DEFEATED), "未通过");
  EXPECT_STREQ(outcome_word(Lang::zh, v1::OUTCOME_VETOED), "否决");
  EXPECT_STREQ(outcome_word(Lang::en, v1::OUTCOME_CARRIED), "Carried");
}

TEST(Strings, FillReplacesPlaceholdersInOrder) {
  EXPECT_EQ(fill(tr(Lang::zh, Text::voted), {"8", "12"}), "已投票 8 / 12");
  EXPECT_EQ(fill(tr(Lang::en, Text::voted), {"8", "12"}), "8 of 12 voted");
  EXPECT_EQ(fill("{} and {}", {"a"}), "a and {}");
}

TEST(Strings, ServerWordsArePickedByLanguage) {
  v1::Wording w;
  w.set_zh("三分之二");
  w.set_en("two thirds");
  EXPECT_EQ(words(Lang::zh, w), "三分之二");
  EXPECT_EQ(words(Lang::en, w), "two thirds");
  w.clear_en();
  EXPECT_EQ(words(Lang::en, w), "三分之二") << "the other language rather than nothing";
}

TEST(Strings, Languages) {
  EXPECT_EQ(parse_lang("zh-CN"), Lang::zh);
  EXPECT_EQ(parse_lang("en"), Lang::en);
  EXPECT_FALSE(parse_lang("fr"));
}

}  // namespace
}  // namespace gavel::display
