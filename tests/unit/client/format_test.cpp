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
    agenda { id: "A1" title: "垃圾分类投放点" state: ITEM_CLOSED }
    agenda { id: "A2" title: "楼道加装电梯" state: ITEM_OPEN }
    current_item_id: "A2"
    attendance { present: 2 fixed_members: 3 quorum_needed: 2 quorate: true
                 by_group { group: "老年居民" present: 1 total: 1 } }
    queue { requests { id: 12 participant_id: "P03" kind: REQUEST_PRO } }
    current_speech { id: 5 participant_id: "P07" kind: REQUEST_CONTRIBUTION limit_s: 300 deadline_ms: 1000000 }
    motions { id: 1 item_id: "A2" text: "同意加装电梯" state: MOTION_VOTING }
    current_vote { id: 3 open: true eligible: 2 cast: 1
                   spec { motion_id: 1 question: "同意加装电梯?" form: BALLOT_YES_NO_ABSTAIN secret: true
                          options: "赞成" options: "反对" options: "弃权" } }
  )");
}

TEST(Format, Ack) {
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 14 created_id: 3")), "ok seq=14 id=3");
  EXPECT_EQ(format_ack(from_text<v1::Ack>("seq: 15 receipt: \"K7Q2\"")), "ok seq=15 id=0 receipt=K7Q2");
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

TEST(Format, EventLines) {
  Names names;
  names.learn(meeting());
  const std::pair<std::string, std::string> cases[] = {
      {R"(seq: 12 speech_started { speech_id: 5 participant_id: "P07" kind: REQUEST_CONTRIBUTION limit_s: 300 })",
       "#12 09:14:03 speech_started P07 张秀英 limit 300s"},
      {R"(seq: 13 floor_requested { request_id: 12 participant_id: "P03" kind: REQUEST_PRO })",
       "#13 09:14:03 floor_requested #12 P03 李明 pro"},
      {R"(seq: 14 checked_in { participant_id: "P99" })", "#14 09:14:03 checked_in P99"},
      {R"(seq: 15 item_opened { item_id: "A2" })", "#15 09:14:03 item_opened A2 楼道加装电梯"},
      {R"(seq: 16 speech_paused {})", "#16 09:14:03 speech_paused"},
      {R"(seq: 17 dissent_recorded { dissent_id: 2 item_id: "A2" kind: DISSENT_OBJECTION text: "噪音" })",
       "#17 09:14:03 dissent_recorded #2 objection on A2 楼道加装电梯 by anonymous: 噪音"},
      {R"(seq: 18 ballot_recorded { vote_id: 3 participant_id: "P03" choices: 1 })",
       "#18 09:14:03 ballot_recorded vote #3 by P03 李明: 反对"},
      {R"(seq: 19 ballot_recorded { vote_id: 3 participant_id: "P07" })",
       "#19 09:14:03 ballot_recorded vote #3 by P07 张秀英"},
      {R"(seq: 20 vote_closed { vote_id: 3 result { eligible: 2 cast: 2 outcome: OUTCOME_CARRIED
            counts { option: "赞成" count: 2 } counts { option: "反对" count: 0 } } })",
       "#20 09:14:03 vote_closed #3 carried 通过: 赞成 2 · 反对 0 (2 of 2 voted)"},
      {R"(seq: 21 motion_proposed { motion_id: 2 mover_id: "P03" amends: 1 text: "分摊" })",
       "#21 09:14:03 motion_proposed #2 by P03 李明 amending #1: 分摊"},
      {R"(seq: 22 speech_extended { seconds: 60 })", "#22 09:14:03 speech_extended +60s"},
      {R"(seq: 23)", "#23 09:14:03 unknown_event"},
  };
  for (const auto& [text, line] : cases) {
    EXPECT_EQ(format_event(from_text<v1::Event>(text), names, "09:14:03"), line);
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

TEST(Format, FleetFlagsLowBatteriesAndSilentDevices) {
  v1::ClickerFleet fleet;
  auto* ok = fleet.add_devices();
  ok->set_device_id("CK-01");
  ok->set_participant_id("P01");
  ok->set_last_heard_ms(95'000);
  ok->mutable_health()->set_battery_percent(80);
  auto* low = fleet.add_devices();
  low->set_device_id("R-2");
  low->set_base_id("BS-1");
  low->set_last_heard_ms(99'000);
  low->mutable_health()->set_battery_percent(9);
  fleet.add_devices()->set_device_id("CK-03");
  std::string text = format_fleet(fleet, 100'000, Names{});
  EXPECT_NE(text.find("CK-01  wifi  P01  heard 5s ago  battery 80%\n"), std::string::npos) << text;
  EXPECT_NE(text.find("R-2  via BS-1  unpaired  heard 1s ago  battery 9%  LOW\n"), std::string::npos) << text;
  EXPECT_NE(text.find("CK-03  wifi  unpaired  never heard  SILENT\n"), std::string::npos) << text;
  EXPECT_NE(text.find("1 low battery, 1 not heard from for a minute"), std::string::npos) << text;
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
  const std::string status = format_status(meeting(), 1'000'000 - 108'000, names);
  for (const char* part :
       {"幸福里第三次居民议事会 · 2026-11-28 · 社区活动室 · in session", "seq 42",
        "closed  A1  垃圾分类投放点", "OPEN    A2  楼道加装电梯", "item        A2 楼道加装电梯",
        "speaker     P07 张秀英 · 1:48 left of 5:00", "1 waiting: #12 P03 李明 pro",
        "2 present of 3 members; quorum 2 reached · 老年居民 1/1", "#1 being voted on: 同意加装电梯",
        "#3 on motion #1, secret yes-no: 1 of 2 voted", "options: 1 赞成 2 反对 3 弃权"}) {
    EXPECT_NE(status.find(part), std::string::npos) << "missing: " << part << "\n" << status;
  }
  const std::string overtime = format_status(meeting(), 1'000'000 + 15'000, names);
  EXPECT_NE(overtime.find("OVERTIME 0:15"), std::string::npos) << overtime;
}

TEST(Format, QueueAndRoster) {
  Names names;
  names.learn(meeting());
  EXPECT_EQ(format_queue(meeting(), names), "speaking: P07 张秀英\n0. #12 P03 李明 pro\n");
  const std::string roster = format_roster(meeting());
  EXPECT_NE(roster.find("P07  张秀英  老年居民  present  seat 3-12"), std::string::npos) << roster;
  EXPECT_NE(roster.find("P09  赵强  租户  absent"), std::string::npos) << roster;
}

TEST(Format, JsonKeepsProtoFieldNames) {
  EXPECT_EQ(to_json(from_text<v1::Ack>("seq: 14 created_id: 3")),
            R"({"seq":"14","created_id":"3","receipt":""})");
}

}  // namespace
}  // namespace gavel::cli
