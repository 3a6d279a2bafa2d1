#include "format.hpp"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "client_lib/result.hpp"

namespace gavel::cli {
namespace {

template <class M>
M from_text(const std::string& text) {
  M message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

v1::MeetingSnapshot meeting() {
  return from_text<v1::MeetingSnapshot>(R"(
    seq: 42
    info { title: "幸福里第三次居民议事会" date: "2026-11-28" place: "社区活动室" }
    phase: MEETING_IN_SESSION
    roster { id: "P03" name: "李明" group: "青年" present: true }
    roster { id: "P07" name: "张秀英" group: "老年居民" present: true seat: "3-12" }
    roster { id: "P09" name: "赵强" group: "租户" }
    roster { id: "E01" name: "冯建国" group: "特邀专家" invited: true present: true }
    agenda { id: "A1" title: "垃圾分类投放点" state: ITEM_CLOSED }
    agenda { id: "A2" title: "楼道加装电梯" state: ITEM_OPEN veto_group: "老年居民"
             opinions { author: "王阿姨" text: "同意加装\n" } }
    current_item_id: "A2"
    attendance { present: 3 fixed_members: 3 quorum_needed: 2 quorate: true present_members: 2
                 present_invited: 1 invited_members: 1
                 by_group { group: "老年居民" present: 1 total: 1 } }
    dissent { id: 1 item_id: "A2" kind: DISSENT_OBJECTION participant_id: "P09" text: "噪音太大" reply: "加装隔音层" }
    resolutions { id: 1 item_id: "A1" motion_id: 1 text: "设置投放点" responsible: "物业公司" deadline: "2027-03-31" }
    queue { requests { id: 12 participant_id: "P03" kind: REQUEST_PRO } }
    current_speech { id: 5 participant_id: "P07" kind: REQUEST_CONTRIBUTION limit_s: 300 deadline_ms: 1000000 }
    motions { id: 1 item_id: "A2" text: "同意加装电梯" state: MOTION_VOTING mover_id: "P03" seconder_id: "P07" }
    current_vote { id: 3 open: true eligible: 2 cast: 1 quorate_at_open: true veto_group: "老年居民"
                   rule: RULE_MORE_YES_THAN_NO
                   rule_words { zh: "赞成票多于反对票即通过" en: "carried when yes outnumbers no" }
                   veto_words { zh: "老年居民的反对票可否决" en: "a no from 老年居民 vetoes the motion" }
                   spec { motion_id: 1 question: "同意加装电梯?" form: BALLOT_YES_NO_ABSTAIN secret: true
                          options: "赞成" options: "反对" options: "弃权" } }
  )");
}

TEST(Format, Ack) {
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 14 created_id: 3")), "ok seq=14 id=3");
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 15 receipt: \"K7Q2\"")), "ok seq=15 id=0 receipt=K7Q2");
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 14 created_id: 3"), Lang::zh), "已记录 seq=14 id=3");
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 15 receipt: \"K7Q2\""), Lang::zh), "已记录 seq=15 id=0 回执 receipt=K7Q2");
}

TEST(Format, AckCarriesTheQuorumWarningInTheReadersLanguage) {
  const auto ack = from_text<v1::Ack>(R"(seq: 9 created_id: 2
    notices { kind: NOTICE_VOTE_OPENED_WITHOUT_QUORUM subject: "lift"
              words { zh: "表决已开始，但未达法定人数" en: "vote opened without quorum" } })");
  EXPECT_EQ(format_ack(ack, Lang::zh), "已记录 seq=9 id=2\n注意：表决已开始，但未达法定人数");
  EXPECT_EQ(format_ack(ack, Lang::en), "ok seq=9 id=2\nwarning: vote opened without quorum");
}

TEST(Format, ServerErrorIsOneLineInBothLanguages) {
  const auto e = from_text<v1::Error>(
      R"(code: ERROR_NOT_ALLOWED message_zh: "当前身份无权执行此操作" message_en: "this role may not open_item")");
  EXPECT_EQ(client::describe(client::server_error(e)),
            "NOT_ALLOWED: 当前身份无权执行此操作 (this role may not open_item)");
  EXPECT_EQ(client::describe(
                client::server_error(from_text<v1::Error>("code: ERROR_TOO_LARGE message_en: \"big\""))),
            "TOO_LARGE: big");
}

TEST(Format, EventsAreSentencesInBothLanguages) {
  Names names;
  names.learn(meeting());
  struct Case {
    std::string event, zh, en;
  };
  const Case cases[] = {
      {R"(seq: 12 speech_started { speech_id: 5 participant_id: "P07" kind: REQUEST_CONTRIBUTION limit_s: 300 })",
       "#12 09:14:03 P07 张秀英 开始发言，限时 300 秒", "#12 09:14:03 P07 张秀英 has the floor, 300 s"},
      {R"(seq: 13 floor_requested { request_id: 12 participant_id: "P03" kind: REQUEST_CONTRA })",
       "#13 09:14:03 P03 李明 请求发言（反对），申请 #12", "#13 09:14:03 P03 李明 asks for the floor (contra), request #12"},
      {R"(seq: 14 checked_in { participant_id: "P99" })", "#14 09:14:03 P99 签到", "#14 09:14:03 P99 checked in"},
      {R"(seq: 15 item_opened { item_id: "A2" })", "#15 09:14:03 开始议题 A2 楼道加装电梯",
       "#15 09:14:03 item opened: A2 楼道加装电梯"},
      {R"(seq: 16 speech_paused {})", "#16 09:14:03 发言计时暂停", "#16 09:14:03 the speech timer is paused"},
      {R"(seq: 17 dissent_recorded { dissent_id: 2 item_id: "A2" kind: DISSENT_OBJECTION text: "噪音" })",
       "#17 09:14:03 记录异议 #2（A2 楼道加装电梯，匿名）：噪音",
       "#17 09:14:03 objection #2 on A2 楼道加装电梯 by anonymous: 噪音"},
      {R"(seq: 18 ballot_recorded { vote_id: 3 participant_id: "P03" choices: 1 })",
       "#18 09:14:03 P03 李明 已投票（表决 #3）：反对", "#18 09:14:03 P03 李明 voted (vote #3): 反对"},
      {R"(seq: 19 ballot_recorded { vote_id: 3 participant_id: "P07" })", "#19 09:14:03 P07 张秀英 已投票（表决 #3）",
       "#19 09:14:03 P07 张秀英 voted (vote #3)"},
      {R"(seq: 20 vote_closed { vote_id: 3 result { eligible: 2 cast: 2 outcome: OUTCOME_CARRIED
            counts { option: "赞成" count: 2 } counts { option: "反对" count: 0 } } })",
       "#20 09:14:03 表决 #3 结束：通过。赞成 2 · 反对 0（2 人中 2 人投票）",
       "#20 09:14:03 vote #3 closed: carried. 赞成 2 · 反对 0 (2 of 2 voted)"},
      {R"(seq: 21 motion_proposed { motion_id: 2 mover_id: "P03" amends: 1 text: "分摊" })",
       "#21 09:14:03 P03 李明 提出动议 #2（修正动议 #1）：分摊", "#21 09:14:03 P03 李明 moved motion #2 amending #1: 分摊"},
      {R"(seq: 22 speech_extended { seconds: 60 })", "#22 09:14:03 发言延长 60 秒",
       "#22 09:14:03 the speech is extended by 60 s"},
      {R"(seq: 23 meeting_ended { not_reached: "A2" forced: true })", "#23 09:14:03 会议强制结束；未议：A2 楼道加装电梯",
       "#23 09:14:03 the meeting was ended by force; not reached: A2 楼道加装电梯"},
      {R"(seq: 24 item_reopened { item_id: "A1" })", "#24 09:14:03 重新开启议题 A1 垃圾分类投放点",
       "#24 09:14:03 item reopened: A1 垃圾分类投放点"},
      {R"(seq: 25 vote_opened { vote_id: 4 spec { motion_id: 1 form: BALLOT_ONE_OF_N secret: true question: "选哪个？" }
            eligible: "P03" quorate: false })",
       "#25 09:14:03 开始表决 #4（动议 #1，方案比选（单选），无记名，1 人有表决权），未达法定人数：选哪个？",
       "#25 09:14:03 vote #4 opened on motion #1 (one of several options, secret, 1 eligible), WITHOUT QUORUM: 选哪个？"},
      {R"(seq: 26)", "#26 09:14:03 未知事件", "#26 09:14:03 unknown event"},
  };
  for (const Case& c : cases) {
    const auto event = from_text<v1::Event>(c.event);
    EXPECT_EQ(format_event(event, names, "09:14:03", Lang::zh), c.zh);
    EXPECT_EQ(format_event(event, names, "09:14:03", Lang::en), c.en);
  }
}

TEST(Format, VoteOpenedTeachesItsOptions) {
  Names names;
  names.learn(from_text<v1::Event>(
      R"(vote_opened { vote_id: 8 spec { form: BALLOT_ONE_OF_N options: "甲" options: "乙" } })"));
  EXPECT_EQ(names.choice(8, 1), "乙");
  EXPECT_EQ(names.choice(8, 5), "option 6");
  EXPECT_EQ(names.choice(9, 0), "option 1");
}

TEST(Format, MinutesSeconds) {
  EXPECT_EQ(minutes_seconds(300'000), "5:00");
  EXPECT_EQ(minutes_seconds(192'000), "3:12");
  EXPECT_EQ(minutes_seconds(500), "0:01");
  EXPECT_EQ(minutes_seconds(0), "0:00");
  EXPECT_EQ(minutes_seconds(-15'000), "-0:15");
}

TEST(Format, StatusSummarizesTheRoom) {
  Names names;
  names.learn(meeting());
  // 108 s before the deadline.
  const std::string status = format_status(meeting(), 1'000'000 - 108'000, names, Lang::en);
  for (const char* part :
       {"幸福里第三次居民议事会 · 2026-11-28 · 社区活动室 · in session", "seq 42",
        "closed      A1  垃圾分类投放点", "OPEN        A2  楼道加装电梯", "item        A2 楼道加装电梯",
        "speaker     P07 张秀英 · 1:48 left of 5:00", "1 waiting: #12 P03 李明 pro",
        "2 of 3 members present, quorum 2 reached; 1 invited present", "by group    老年居民 1/1",
        "#1 being voted on (moved by P03 李明, seconded by P07 张秀英): 同意加装电梯",
        "#3 on motion #1, secret yes/no/abstain: 1 of 2 voted", "1 赞成", "3 弃权",
        "rule: carried when yes outnumbers no", "veto: a no from 老年居民 vetoes the motion"}) {
    EXPECT_NE(status.find(part), std::string::npos) << "missing: " << part << "\n" << status;
  }
  const std::string overtime = format_status(meeting(), 1'000'000 + 15'000, names, Lang::en);
  EXPECT_NE(overtime.find("OVERTIME 0:15"), std::string::npos) << overtime;
}

TEST(Format, StatusInChineseCountsMembersInvitedAndQuorumApart) {
  Names names;
  names.learn(meeting());
  const std::string status = format_status(meeting(), 1'000'000 - 108'000, names, Lang::zh);
  for (const char* part : {"进行中", "出席 2 / 应到 3 人，法定人数 2，已达到；列席 1 人", "剩余 1:48（共 5:00）",
                           "通过规则：赞成票多于反对票即通过", "一票否决：老年居民的反对票可否决",
                           "动议人 P03 李明，附议人 P07 张秀英"}) {
    EXPECT_NE(status.find(part), std::string::npos) << "missing: " << part << "\n" << status;
  }
  v1::MeetingSnapshot short_of_quorum = meeting();
  short_of_quorum.mutable_attendance()->set_present_members(12);
  short_of_quorum.mutable_attendance()->set_fixed_members(20);
  short_of_quorum.mutable_attendance()->set_quorum_needed(14);
  short_of_quorum.mutable_attendance()->set_quorate(false);
  short_of_quorum.mutable_attendance()->set_present_invited(2);
  const std::string line = format_status(short_of_quorum, 0, names, Lang::zh);
  EXPECT_NE(line.find("出席 12 / 应到 20 人，法定人数 14，未达到；列席 2 人"), std::string::npos) << line;
}

TEST(Format, QueueAndRoster) {
  Names names;
  names.learn(meeting());
  EXPECT_EQ(format_queue(meeting(), names, Lang::en), "speaking: P07 张秀英\n0. #12 P03 李明 pro\n");
  EXPECT_EQ(format_queue(meeting(), names, Lang::zh), "正在发言：P07 张秀英\n0. #12 P03 李明 支持\n");
  const std::string roster = format_roster(meeting(), Lang::en);
  EXPECT_NE(roster.find("P07  张秀英  老年居民  present  seat 3-12"), std::string::npos) << roster;
  EXPECT_NE(roster.find("P09  赵强  租户  absent"), std::string::npos) << roster;
  const std::string zh = format_roster(meeting(), Lang::zh);
  EXPECT_NE(zh.find("P07  张秀英  老年居民  到会  座位 3-12"), std::string::npos) << zh;
  EXPECT_NE(zh.find("E01  冯建国  特邀专家  到会  列席"), std::string::npos) << zh;
}

TEST(Format, ListsForTheChairAndTheSecretary) {
  Names names;
  names.learn(meeting());
  const std::string items = format_list(ListKind::items, meeting(), names, Lang::zh);
  EXPECT_NE(items.find("1. A1  [已结束]  垃圾分类投放点"), std::string::npos) << items;
  EXPECT_NE(items.find("2. A2  [进行中]  楼道加装电梯（老年居民可一票否决）"), std::string::npos) << items;
  const std::string dissent = format_list(ListKind::dissent, meeting(), names, Lang::zh);
  EXPECT_NE(dissent.find("#1 异议 · A2 楼道加装电梯 · P09 赵强：噪音太大"), std::string::npos) << dissent;
  EXPECT_NE(dissent.find("回应：加装隔音层"), std::string::npos) << dissent;
  const std::string resolutions = format_list(ListKind::resolutions, meeting(), names, Lang::en);
  EXPECT_NE(resolutions.find("responsible: 物业公司; deadline: 2027-03-31"), std::string::npos) << resolutions;
  const std::string opinions = format_list(ListKind::opinions, meeting(), names, Lang::zh);
  EXPECT_NE(opinions.find("A2 楼道加装电梯 · 王阿姨"), std::string::npos) << opinions;
  EXPECT_NE(opinions.find("   同意加装"), std::string::npos) << opinions;
  v1::MeetingSnapshot empty;
  EXPECT_EQ(format_list(ListKind::resolutions, empty, names, Lang::zh), "尚无决议\n");
}

TEST(Format, JsonKeepsProtoFieldNames) {
  EXPECT_EQ(to_json(from_text<v1::Ack>("seq: 14 created_id: 3")),
            R"({"seq":"14","created_id":"3","receipt":"","notices":[]})");
}

}  // namespace
}  // namespace gavel::cli
