// Irreversible steps are confirmed on a terminal, and a refusal tells the
// chair which gavelctl flag would have done it.
#include "confirm.hpp"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "hints.hpp"

namespace gavel::cli {
namespace {

template <class M>
M from_text(const std::string& text) {
  M message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

v1::MeetingSnapshot room() {
  return from_text<v1::MeetingSnapshot>(R"(
    roster { id: "p04" name: "王秀兰" }
    agenda { id: "lift" title: "3号楼加装电梯方案" state: ITEM_OPEN }
    agenda { id: "corridor" title: "楼道堆物清理" state: ITEM_PENDING }
    current_item_id: "lift"
    current_speech { id: 2 participant_id: "p04" }
    queue { requests { id: 3 participant_id: "p04" } }
    current_vote { id: 1 open: true eligible: 16 cast: 12 }
  )");
}

TEST(Confirm, EndingTheMeetingSaysWhatItCutsShort) {
  Names names;
  names.learn(room());
  auto q = confirmation_question(from_text<v1::Command>("end_meeting {}"), room(), names, Lang::zh);
  ASSERT_TRUE(q.has_value());
  EXPECT_NE(q->find("结束会议？此操作不可撤销。"), std::string::npos) << *q;
  EXPECT_NE(q->find("表决 #1、p04 王秀兰 的发言、议题 lift 3号楼加装电梯方案"), std::string::npos) << *q;
  EXPECT_NE(q->find("--force"), std::string::npos) << *q;
  EXPECT_NE(q->find("1 个议题尚未讨论，将记为未议"), std::string::npos) << *q;
  auto en = confirmation_question(from_text<v1::Command>("end_meeting { force: true }"), room(), names, Lang::en);
  EXPECT_NE(en->find("which will be closed"), std::string::npos) << *en;
}

TEST(Confirm, ClosingAVoteOrAnItemIsAskedAboutOthersAreNot) {
  Names names;
  names.learn(room());
  auto vote = confirmation_question(from_text<v1::Command>("close_vote {}"), room(), names, Lang::zh);
  ASSERT_TRUE(vote.has_value());
  EXPECT_NE(vote->find("16 人中已投 12 人"), std::string::npos) << *vote;
  auto item = confirmation_question(from_text<v1::Command>("close_item {}"), room(), names, Lang::en);
  ASSERT_TRUE(item.has_value());
  EXPECT_NE(item->find("1 still waiting to speak"), std::string::npos) << *item;
  EXPECT_FALSE(confirmation_question(from_text<v1::Command>("next_speaker {}"), room(), names, Lang::zh));
  EXPECT_FALSE(confirmation_question(from_text<v1::Command>("start_meeting {}"), room(), names, Lang::zh));
}

TEST(Confirm, OnlyAClearYesGoesAhead) {
  for (const char* yes : {"y", "Y", " yes ", "是", "确定\n"}) EXPECT_TRUE(is_yes(yes)) << yes;
  for (const char* no : {"", "n", "no", "否", "yess"}) EXPECT_FALSE(is_yes(no)) << no;
}

TEST(Hints, ARefusalNamesTheFlagThatWouldHaveDoneIt) {
  const auto nobody = from_text<v1::Error>(
      R"(code: ERROR_INVALID_ARGUMENT message_zh: "请指定参会人" message_en: "name the participant this is for")");
  EXPECT_NE(hint_for(from_text<v1::Command>(R"(propose_motion { text: "加装" })"), nobody, Lang::zh).find("--mover"),
            std::string::npos);
  EXPECT_NE(hint_for(from_text<v1::Command>("second_motion { motion_id: 1 }"), nobody, Lang::en).find("--seconder"),
            std::string::npos);
  EXPECT_NE(hint_for(from_text<v1::Command>("request_floor {}"), nobody, Lang::zh).find("--for"), std::string::npos);
  const auto open = from_text<v1::Error>(R"(code: ERROR_INVALID_STATE message_en: "still open: item")");
  EXPECT_NE(hint_for(from_text<v1::Command>("end_meeting {}"), open, Lang::zh).find("meeting end --force"),
            std::string::npos);
  EXPECT_EQ(hint_for(from_text<v1::Command>("end_meeting { force: true }"), open, Lang::zh), "");
}

}  // namespace
}  // namespace gavel::cli
