#include "scripted_meeting.hpp"

#include <gtest/gtest.h>

#include "core/tally.hpp"
#include "meeting_file/meeting_file.hpp"

namespace gavel::test {

namespace cmd = core::cmd;
using core::RequestKind;

core::MeetingSetup sample_council() {
  auto setup = meeting_file::load(GAVEL_SOURCE_DIR "/examples/residents-council/meeting.toml", "");
  if (!setup) ADD_FAILURE() << setup.error().message_en;
  return setup ? setup.value() : core::MeetingSetup{};
}

namespace {

void speak(MeetingDriver& m, const std::string& who, RequestKind kind, std::int64_t seconds) {
  m.ok(cmd::RequestFloor{kind, who}, chair());
  m.ok(cmd::NextSpeaker{}, chair());
  m.clock.advance_s(seconds);
  m.ok(cmd::EndSpeech{}, chair());
  m.clock.advance_s(20);
}

void cast(MeetingDriver& m, core::Id vote, const std::vector<std::string>& who, std::uint32_t choice) {
  for (const std::string& id : who) {
    cmd::CastBallot ballot{vote, {choice}, "", "", "", "receipt-" + id};
    m.ok(ballot, participant(id));
  }
}

}  // namespace

void run_sample_meeting(MeetingDriver& m) {
  m.clock.set(kSampleStart + 3 * 60 * core::kSecond);
  for (const char* id : {"p01", "p02", "p03", "p04", "p05", "p06", "p08", "p09", "p10", "p11", "p13", "p14",
                         "p15", "p16", "p18", "p19", "p20", "p21", "p23", "p25", "p27"})
    m.ok(cmd::CheckIn{id}, secretary());
  m.clock.advance_s(120);
  m.ok(cmd::StartMeeting{}, chair());

  // 议题一: parking
  m.ok(cmd::OpenItem{"parking"}, chair());
  speak(m, "p04", RequestKind::contribution, 245);
  speak(m, "p14", RequestKind::contra, 330);  // 30 s over the 5 minutes
  speak(m, "p05", RequestKind::point_of_order, 40);
  speak(m, "p23", RequestKind::reply, 150);
  m.ok(cmd::RecordDissent{"", core::DissentKind::objection, "p18",
                          "不赞成改造北侧绿地，那是孩子们傍晚唯一能玩的地方；共享车位应对租户同样开放。", false},
       secretary());
  m.ok(cmd::ReplyDissent{1, "方案A不涉及绿地改造；物业承诺共享车位业主和租户同等登记。"}, secretary());
  m.ok(cmd::RecordDissent{"", core::DissentKind::minority, "", "方案C的道闸费用应由全体住户分摊，不应只向第二辆车收费。", true},
       secretary());
  m.ok(cmd::ProposeMotion{"采用方案A：与万和商场签订错峰共享停车协议，消防通道全天禁停。", 0, "p03"}, chair());
  m.ok(cmd::SecondMotion{1, "p06"}, chair());
  m.ok(cmd::ProposeMotion{"改为先试行方案C三个月。", 0, "p10"}, chair());
  m.ok(cmd::WithdrawMotion{2}, chair());
  m.clock.advance_s(60);
  m.ok(cmd::OpenVote{vote_on(1).question("是否采用方案A（错峰共享停车）？").secret().weighted()}, chair());
  cast(m, 1, {"p01", "p02", "p03", "p04", "p06", "p08", "p10", "p11", "p13", "p15", "p16", "p18"}, core::kYes);
  cast(m, 1, {"p05", "p09", "p19"}, core::kNo);
  cast(m, 1, {"p14", "p20"}, core::kAbstain);
  m.clock.advance_s(90);
  m.ok(cmd::CloseVote{}, chair());
  m.ok(cmd::RecordResolution{1, "", "物业公司（韩立新）", "2026-04-30"}, secretary());

  // 议题二: lift
  m.clock.advance_s(120);
  m.ok(cmd::NextItem{}, chair());
  m.ok(cmd::DeclareInterest{"lift", "p09"}, secretary());
  speak(m, "p25", RequestKind::contribution, 200);
  speak(m, "p11", RequestKind::contra, 180);
  m.ok(cmd::RecordDissent{"", core::DissentKind::disagreement, "p11",
                          "电梯井建在北侧会挡住101室客厅唯一的窗户，希望比较南侧入户方案。", false},
       secretary());
  m.ok(cmd::ReplyDissent{3, "折中：施工前由设计单位比较南北两个方案，并书面承诺采光补偿和噪音控制。"}, secretary());
  m.ok(cmd::ProposeMotion{"同意在3号楼2单元加装电梯，施工前比较南北两侧方案并书面承诺采光补偿。", 0, "p05"}, chair());
  m.ok(cmd::SecondMotion{3, "p08"}, chair());
  m.ok(cmd::OpenVote{vote_on(3).question("是否同意3号楼2单元加装电梯？")}, chair());
  cast(m, 2, {"p01", "p02", "p03", "p04", "p05", "p06", "p08", "p10", "p14", "p15", "p16", "p18", "p19", "p20"},
       core::kYes);
  cast(m, 2, {"p11", "p13"}, core::kAbstain);
  m.clock.advance_s(60);
  m.ok(cmd::CloseVote{}, chair());
  m.ok(cmd::RecordResolution{3, "3号楼2单元加装电梯；施工前比较南北两侧方案，书面承诺采光补偿和噪音控制。",
                             "3号楼加装电梯协调小组（张国庆）", "2026-06-30"},
       secretary());
  m.clock.advance_s(60);
  m.ok(cmd::CloseItem{}, chair());
  m.clock.advance_s(30);
  m.ok(cmd::EndMeeting{}, chair());
}

}  // namespace gavel::test
