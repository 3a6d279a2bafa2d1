#include "samples.hpp"

#include <type_traits>
#include <utility>
#include <variant>

namespace gavel::test {

namespace {

using core::BallotForm, core::DissentKind, core::Outcome, core::RequestKind, core::Threshold;
namespace cmd = core::cmd;
namespace ev = core::ev;
template <class T>
using Of = std::type_identity<T>;

cmd::StartMeeting sample(Of<cmd::StartMeeting>) { return {}; }
cmd::EndMeeting sample(Of<cmd::EndMeeting>) { return {true}; }
cmd::OpenItem sample(Of<cmd::OpenItem>) { return {"item-2"}; }
cmd::CloseItem sample(Of<cmd::CloseItem>) { return {}; }
cmd::NextItem sample(Of<cmd::NextItem>) { return {}; }
cmd::AttachOpinion sample(Of<cmd::AttachOpinion>) { return {"item-1", "王阿姨", "楼道灯太暗"}; }
cmd::CheckIn sample(Of<cmd::CheckIn>) { return {"P07"}; }
cmd::CheckOut sample(Of<cmd::CheckOut>) { return {"P08"}; }
cmd::DeclareInterest sample(Of<cmd::DeclareInterest>) { return {"item-3", "P09"}; }
cmd::RequestFloor sample(Of<cmd::RequestFloor>) { return {RequestKind::point_of_order, "P10"}; }
cmd::WithdrawRequest sample(Of<cmd::WithdrawRequest>) { return {11}; }
cmd::GrantFloor sample(Of<cmd::GrantFloor>) { return {12, "P12"}; }
cmd::NextSpeaker sample(Of<cmd::NextSpeaker>) { return {}; }
cmd::MoveRequest sample(Of<cmd::MoveRequest>) { return {13, 2}; }
cmd::RemoveRequest sample(Of<cmd::RemoveRequest>) { return {14}; }
cmd::CloseList sample(Of<cmd::CloseList>) { return {}; }
cmd::ReopenList sample(Of<cmd::ReopenList>) { return {}; }
cmd::PauseTimer sample(Of<cmd::PauseTimer>) { return {}; }
cmd::ResumeTimer sample(Of<cmd::ResumeTimer>) { return {}; }
cmd::ExtendTimer sample(Of<cmd::ExtendTimer>) { return {90}; }
cmd::EndSpeech sample(Of<cmd::EndSpeech>) { return {}; }
cmd::RecordDissent sample(Of<cmd::RecordDissent>) {
  return {"item-1", DissentKind::objection, "P15", "停车费不应上涨", true, 4};
}
cmd::ReplyDissent sample(Of<cmd::ReplyDissent>) { return {16, "物业承诺公示账目"}; }
cmd::ProposeMotion sample(Of<cmd::ProposeMotion>) { return {"加装电梯", 3, "P17"}; }
cmd::SecondMotion sample(Of<cmd::SecondMotion>) { return {18, "P18"}; }
cmd::WithdrawMotion sample(Of<cmd::WithdrawMotion>) { return {19}; }
cmd::OpenVote sample(Of<cmd::OpenVote>) { return {sample_spec()}; }
cmd::CloseVote sample(Of<cmd::CloseVote>) { return {}; }
// fresh_receipt stays empty: it never travels (see commands_test.cpp).
cmd::CastBallot sample(Of<cmd::CastBallot>) { return {20, {0, 2}, "理由", "r-abc", "press-9", {}}; }
cmd::RecordResolution sample(Of<cmd::RecordResolution>) {
  return {21, "三个月内完成改造", "物业公司", "2026-12-31"};
}
// Only signed_by travels: the server fills the rest from its own draft.
cmd::SignMinutes sample(Of<cmd::SignMinutes>) { return {"李记录"}; }
cmd::DeferItem sample(Of<cmd::DeferItem>) { return {"item-3"}; }
cmd::ReopenItem sample(Of<cmd::ReopenItem>) { return {"item-1"}; }
cmd::UpdateResolution sample(Of<cmd::UpdateResolution>) { return {2, core::ResolutionStatus::in_progress, "已联系施工方"}; }
cmd::EditMinutes sample(Of<cmd::EditMinutes>) { return {core::MinutesEditKind::wording, "item/lift/summary", "多数支持"}; }

ev::MeetingStarted sample(Of<ev::MeetingStarted>) { return {}; }
ev::MeetingEnded sample(Of<ev::MeetingEnded>) { return {{"item-2", "item-3"}, true}; }
ev::ItemOpened sample(Of<ev::ItemOpened>) { return {"item-1"}; }
ev::ItemClosed sample(Of<ev::ItemClosed>) { return {"item-2"}; }
ev::OpinionAttached sample(Of<ev::OpinionAttached>) { return {"item-1", "张先生", "反对收费"}; }
ev::CheckedIn sample(Of<ev::CheckedIn>) { return {"P01"}; }
ev::CheckedOut sample(Of<ev::CheckedOut>) { return {"P02"}; }
ev::InterestDeclared sample(Of<ev::InterestDeclared>) { return {"item-3", "P03"}; }
ev::FloorRequested sample(Of<ev::FloorRequested>) { return {4, "P04", RequestKind::contra}; }
ev::RequestWithdrawn sample(Of<ev::RequestWithdrawn>) { return {5}; }
ev::RequestRemoved sample(Of<ev::RequestRemoved>) { return {6}; }
ev::RequestMoved sample(Of<ev::RequestMoved>) { return {7, 1}; }
ev::ListClosed sample(Of<ev::ListClosed>) { return {}; }
ev::ListReopened sample(Of<ev::ListReopened>) { return {}; }
ev::SpeechStarted sample(Of<ev::SpeechStarted>) { return {8, 9, "P09", RequestKind::reply, 60}; }
ev::SpeechPaused sample(Of<ev::SpeechPaused>) { return {}; }
ev::SpeechResumed sample(Of<ev::SpeechResumed>) { return {}; }
ev::SpeechExtended sample(Of<ev::SpeechExtended>) { return {30}; }
ev::SpeechEnded sample(Of<ev::SpeechEnded>) { return {10}; }
ev::DissentRecorded sample(Of<ev::DissentRecorded>) {
  return {11, "item-1", DissentKind::block, "P11", "没有征求租户意见", 5};
}
ev::DissentReplied sample(Of<ev::DissentReplied>) { return {12, "下次会议前征求"}; }
ev::MotionProposed sample(Of<ev::MotionProposed>) { return {13, "item-1", 2, "P13", "修改为分期"}; }
ev::MotionSeconded sample(Of<ev::MotionSeconded>) { return {14, "P14"}; }
ev::MotionWithdrawn sample(Of<ev::MotionWithdrawn>) { return {15}; }
ev::VoteOpened sample(Of<ev::VoteOpened>) { return {16, sample_spec(), {"P01", "P02"}, true}; }
ev::BallotRecorded sample(Of<ev::BallotRecorded>) { return {17, "P17", {1}, true, "press-3"}; }
ev::VoteClosed sample(Of<ev::VoteClosed>) { return {18, sample_result()}; }
ev::LiveTally sample(Of<ev::LiveTally>) { return {19, {{"赞成", 3, 3.5}, {"反对", 1, 1.0}}, 4}; }
ev::ResolutionRecorded sample(Of<ev::ResolutionRecorded>) {
  return {20, "item-2", 21, 22, "安装充电桩", "业委会", "2027-01-15"};
}
ev::MinutesSigned sample(Of<ev::MinutesSigned>) {
  return {"李记录", 2, std::string(64, 'c'), 41, std::string(64, 'd'), "c2lnbmF0dXJl", "ed25519:1a2b3c4d"};
}
ev::ItemDeferred sample(Of<ev::ItemDeferred>) { return {"item-3"}; }
ev::ItemReopened sample(Of<ev::ItemReopened>) { return {"item-1"}; }
ev::ResolutionUpdated sample(Of<ev::ResolutionUpdated>) { return {2, core::ResolutionStatus::dropped, "资金未落实"}; }
ev::MinutesEdited sample(Of<ev::MinutesEdited>) { return {core::MinutesEditKind::note, "vote/1", "监票人复核"}; }

template <class Variant, std::size_t... I>
std::vector<Variant> every(std::index_sequence<I...>) {
  return {Variant{std::in_place_index<I>, sample(Of<std::variant_alternative_t<I, Variant>>{})}...};
}

}  // namespace

core::VoteSpec sample_spec() {
  return {.motion_id = 5,
          .question = "选哪个方案？",
          .form = BallotForm::k_of_n,
          .options = {"方案一", "方案二", "方案三"},
          .option_descriptions = {"东侧增设车位", "", "错峰共享"},
          .max_choices = 2,
          .secret = true,
          .threshold = Threshold::two_thirds,
          .abstentions_count = true,
          .weighted = true,
          .veto_group = "老年居民",
          .live_tally = true};
}

core::VoteResult sample_result() {
  return {.eligible = 9,
          .cast = 8,
          .recused = 1,
          .counts = {{"赞成", 6, 6.0}, {"反对", 1, 1.0}, {"弃权", 1, 0.5}},
          .rule = core::DecisionRule::option_two_thirds,
          .needed = 4.666,
          .outcome = Outcome::vetoed,
          .quorate_at_open = true,
          .quorate_at_close = true,
          .vetoed = true,
          .chosen_option = -1,
          .receipts_published = {"r1=赞成", "r2=反对"}};
}

core::Participant person(const std::string& id, const std::string& name, const std::string& group) {
  core::Participant p;
  p.id = id;
  p.name = name;
  p.group = group;
  return p;
}

core::AgendaItem agenda_item(const std::string& id, const std::string& title, core::Millis published) {
  core::AgendaItem item;
  item.id = id;
  item.title = title;
  item.published = published;
  return item;
}

std::vector<core::Command> every_command() {
  return every<core::Command>(std::make_index_sequence<std::variant_size_v<core::Command>>{});
}

std::vector<core::Event> every_event() {
  auto bodies = every<core::EventBody>(std::make_index_sequence<std::variant_size_v<core::EventBody>>{});
  std::vector<core::Event> events;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    events.push_back({i + 1, 1'700'000'000'000 + static_cast<core::Millis>(i), "chair", bodies[i]});
  return events;
}

}  // namespace gavel::test
