// One sentence per event for `gavelctl watch`, in the reader's language:
// "#18 09:14:03 P04 王秀兰 请求发言（反对）".

#include <google/protobuf/util/json_util.h>

#include "client_lib/local_time.hpp"
#include "format.hpp"
#include "wording.hpp"

namespace gavel::cli {

namespace {

std::string id(std::uint64_t n) { return "#" + std::to_string(n); }
std::string num(std::uint64_t n) { return std::to_string(n); }
// A participant's copy names no one and gives their number; all others name everyone.
std::uint64_t eligible_count(const v1::VoteOpened& v) {
  return v.eligible_count() ? v.eligible_count() : static_cast<std::uint64_t>(v.eligible_size());
}

std::string counts(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& counts) {
  std::string out;
  for (const v1::ChoiceCount& c : counts) {
    if (!out.empty()) out += " · ";
    out += c.option() + " " + std::to_string(c.count());
  }
  return out;
}

std::string resolution_status_word(Lang lang, v1::ResolutionStatus status) {
  switch (status) {
    case v1::RESOLUTION_OPEN: return say(lang, "未开始", "open");
    case v1::RESOLUTION_IN_PROGRESS: return say(lang, "进行中", "in progress");
    case v1::RESOLUTION_DONE: return say(lang, "已完成", "done");
    case v1::RESOLUTION_DROPPED: return say(lang, "已放弃", "dropped");
    default: return "?";
  }
}

// "（反对）" / " (contra)"; nothing for a plain contribution.
std::string kind_note(Lang lang, v1::RequestKind kind) {
  if (kind == v1::REQUEST_CONTRIBUTION) return "";
  const std::string word = request_kind_word(lang, kind);
  return lang == Lang::zh ? "（" + word + "）" : " (" + word + ")";
}

std::string who(const Names& names, const std::string& participant, Lang lang) {
  return participant.empty() ? say(lang, "匿名", "anonymous") : names.person(participant);
}

// The sentence after "#seq clock".
std::string sentence(const v1::Event& e, const Names& names, Lang l) {
  using E = v1::Event;
  auto s = [l](std::string zh, std::string en) { return l == Lang::zh ? zh : en; };
  switch (e.body_case()) {
    case E::kMeetingStarted: return s("会议开始", "the meeting started");
    case E::kMeetingEnded: {
      const auto& m = e.meeting_ended();
      std::string line = s(m.forced() ? "会议强制结束" : "会议结束", m.forced() ? "the meeting was ended by force" : "the meeting ended");
      if (m.not_reached_size() > 0) {
        std::string items;
        for (const std::string& item : m.not_reached()) items += (items.empty() ? "" : s("、", ", ")) + names.item(item);
        line += s("；未议：" + items, "; not reached: " + items);
      }
      return line;
    }
    case E::kListClosed: return s("发言名单已截止", "the speakers' list is closed");
    case E::kListReopened: return s("发言名单重新开放", "the speakers' list is open again");
    case E::kSpeechPaused: return s("发言计时暂停", "the speech timer is paused");
    case E::kSpeechResumed: return s("发言计时继续", "the speech timer runs again");
    case E::kItemOpened: return s("开始议题 ", "item opened: ") + names.item(e.item_opened().item_id());
    case E::kItemClosed: return s("议题结束 ", "item closed: ") + names.item(e.item_closed().item_id());
    case E::kItemDeferred: return s("议题推迟到以后的会议 ", "item deferred to a later meeting: ") + names.item(e.item_deferred().item_id());
    case E::kItemReopened: return s("重新开启议题 ", "item reopened: ") + names.item(e.item_reopened().item_id());
    case E::kOpinionAttached: {
      const auto& o = e.opinion_attached();
      return s("收到 " + o.author() + " 对 " + names.item(o.item_id()) + " 的书面意见：",
               "written opinion from " + o.author() + " on " + names.item(o.item_id()) + ": ") + o.text();
    }
    case E::kCheckedIn: return names.person(e.checked_in().participant_id()) + s(" 签到", " checked in");
    case E::kCheckedOut: return names.person(e.checked_out().participant_id()) + s(" 签退", " checked out");
    case E::kInterestDeclared: {
      const auto& i = e.interest_declared();
      return names.person(i.participant_id()) +
             s(" 申报回避 " + names.item(i.item_id()) + "，不参加其表决",
               " declared an interest in " + names.item(i.item_id()) + " and will not vote on it");
    }
    case E::kFloorRequested: {
      const auto& f = e.floor_requested();
      return names.person(f.participant_id()) + s(" 请求发言", " asks for the floor") + kind_note(l, f.kind()) +
             s("，申请 ", ", request ") + id(f.request_id());
    }
    case E::kRequestWithdrawn: return s("发言申请 " + id(e.request_withdrawn().request_id()) + " 已撤回",
                                        "request " + id(e.request_withdrawn().request_id()) + " withdrawn");
    case E::kRequestRemoved: return s("发言申请 " + id(e.request_removed().request_id()) + " 被移出名单",
                                      "request " + id(e.request_removed().request_id()) + " removed from the list");
    case E::kRequestMoved: {
      const auto& m = e.request_moved();
      return s("发言申请 " + id(m.request_id()) + " 移到第 " + num(m.position()) + " 位",
               "request " + id(m.request_id()) + " moved to position " + num(m.position()));
    }
    case E::kSpeechStarted: {
      const auto& sp = e.speech_started();
      return names.person(sp.participant_id()) + s(" 开始发言", " has the floor") + kind_note(l, sp.kind()) +
             s("，限时 " + num(sp.limit_s()) + " 秒", ", " + num(sp.limit_s()) + " s");
    }
    case E::kSpeechExtended: return s("发言延长 " + num(e.speech_extended().seconds()) + " 秒",
                                      "the speech is extended by " + num(e.speech_extended().seconds()) + " s");
    case E::kSpeechEnded: return s("发言结束", "the speech ended") + " (" + id(e.speech_ended().speech_id()) + ")";
    case E::kDissentRecorded: {
      const auto& d = e.dissent_recorded();
      return s("记录" + dissent_kind_word(l, d.kind()) + " " + id(d.dissent_id()) + "（" + names.item(d.item_id()) +
                   "，" + who(names, d.participant_id(), l) + "）：",
               dissent_kind_word(l, d.kind()) + " " + id(d.dissent_id()) + " on " + names.item(d.item_id()) + " by " +
                   who(names, d.participant_id(), l) + ": ") +
             d.text();
    }
    case E::kDissentReplied:
      return s("回应 " + id(e.dissent_replied().dissent_id()) + "：", "reply to " + id(e.dissent_replied().dissent_id()) + ": ") +
             e.dissent_replied().reply();
    case E::kMotionProposed: {
      const auto& m = e.motion_proposed();
      std::string amends = m.amends() != 0 ? s("（修正动议 " + id(m.amends()) + "）", " amending " + id(m.amends())) : "";
      return names.person(m.mover_id()) + s(" 提出动议 ", " moved motion ") + id(m.motion_id()) + amends + s("：", ": ") + m.text();
    }
    case E::kMotionSeconded: {
      const auto& m = e.motion_seconded();
      return names.person(m.seconder_id()) + s(" 附议动议 ", " seconded motion ") + id(m.motion_id()) +
             s("，进入辩论", "; debate begins");
    }
    case E::kMotionWithdrawn: return s("动议 " + id(e.motion_withdrawn().motion_id()) + " 已撤回",
                                       "motion " + id(e.motion_withdrawn().motion_id()) + " withdrawn");
    case E::kVoteOpened: {
      const auto& v = e.vote_opened();
      std::string line = s("开始表决 " + id(v.vote_id()) + "（动议 " + id(v.spec().motion_id()) + "，" +
                               ballot_form_word(l, v.spec().form()) + (v.spec().secret() ? "，无记名" : "，记名") + "，" +
                               num(eligible_count(v)) + " 人有表决权）",
                           "vote " + id(v.vote_id()) + " opened on motion " + id(v.spec().motion_id()) + " (" +
                               ballot_form_word(l, v.spec().form()) + (v.spec().secret() ? ", secret" : ", open") + ", " +
                               num(eligible_count(v)) + " eligible)");
      if (!v.quorate()) line += s("，未达法定人数", ", WITHOUT QUORUM");
      return line + s("：", ": ") + v.spec().question();
    }
    case E::kBallotRecorded: {
      const auto& b = e.ballot_recorded();
      std::string line = names.person(b.participant_id()) + s(b.changed() ? " 改票" : " 已投票", b.changed() ? " changed their ballot" : " voted") +
                         s("（表决 " + id(b.vote_id()) + "）", " (vote " + id(b.vote_id()) + ")");
      if (b.choices().empty()) return line;
      line += s("：", ":");
      for (std::uint32_t c : b.choices()) line += (l == Lang::zh ? "" : " ") + names.choice(b.vote_id(), c) + (l == Lang::zh ? " " : "");
      while (!line.empty() && line.back() == ' ') line.pop_back();
      return line;
    }
    case E::kVoteClosed: {
      const auto& v = e.vote_closed();
      const auto& r = v.result();
      return s("表决 " + id(v.vote_id()) + " 结束：" + outcome_word(l, r.outcome()) + "。" + counts(r.counts()) + "（" +
                   num(r.eligible()) + " 人中 " + num(r.cast()) + " 人投票）",
               "vote " + id(v.vote_id()) + " closed: " + outcome_word(l, r.outcome()) + ". " + counts(r.counts()) + " (" +
                   num(r.cast()) + " of " + num(r.eligible()) + " voted)");
    }
    case E::kLiveTally: {
      const auto& t = e.live_tally();
      return s("表决 " + id(t.vote_id()) + " 实时计票（" + num(t.cast()) + " 票）：",
               "vote " + id(t.vote_id()) + " live tally (" + num(t.cast()) + " cast): ") + counts(t.counts());
    }
    case E::kResolutionRecorded: {
      const auto& r = e.resolution_recorded();
      return s("记录决议 " + id(r.resolution_id()) + "（动议 " + id(r.motion_id()) + "），责任人 " + r.responsible() +
                   "，完成时限 " + r.deadline() + "：",
               "resolution " + id(r.resolution_id()) + " on motion " + id(r.motion_id()) + ", " + r.responsible() +
                   " by " + r.deadline() + ": ") +
             r.text();
    }
    case E::kMinutesSigned: return s("会议纪要由 " + e.minutes_signed().signed_by() + " 签署",
                                     "the minutes were signed by " + e.minutes_signed().signed_by());
    case E::kResolutionUpdated: {
      const auto& r = e.resolution_updated();
      const std::string word = resolution_status_word(l, r.status());
      const std::string note = r.note().empty() ? "" : s("：", ": ") + r.note();
      return s("决议 " + id(r.resolution_id()) + " 状态：" + word, "resolution " + id(r.resolution_id()) + " is now " + word) + note;
    }
    case E::kMinutesEdited: {
      const auto& m = e.minutes_edited();
      bool note = m.kind() == v1::MINUTES_EDIT_NOTE;
      return s(std::string(note ? "纪要批注 " : "纪要改写 ") + m.target() + "：" + m.text(),
               std::string(note ? "note on " : "new wording of ") + m.target() + ": " + m.text());
    }
    case E::BODY_NOT_SET: break;
  }
  return "";
}

}  // namespace

std::string format_ack(const v1::Ack& ack, Lang lang) {
  std::string line = say(lang, "已记录", "ok") + " seq=" + std::to_string(ack.seq()) + " id=" + std::to_string(ack.created_id());
  if (!ack.receipt().empty()) line += say(lang, " 回执", "") + " receipt=" + ack.receipt();
  for (const v1::Notice& n : ack.notices())
    line += "\n" + say(lang, "注意：", "warning: ") + say(lang, n.words().zh(), n.words().en());
  return line;
}

std::string format_event(const v1::Event& event, const Names& names, std::string_view clock, Lang lang) {
  std::string line = "#" + std::to_string(event.seq()) + " " + std::string(clock) + " ";
  const std::string rest = sentence(event, names, lang);
  if (!rest.empty()) return line + rest;
  // An event newer than this gavelctl still gets its line, by name.
  const auto* field =
      event.GetReflection()->GetOneofFieldDescriptor(event, event.GetDescriptor()->FindOneofByName("body"));
  return line + (field ? field->name() : say(lang, "未知事件", "unknown event"));
}

std::string minutes_seconds(std::int64_t ms) {
  const bool over = ms < 0;
  const std::int64_t s = (over ? -ms : ms + 999) / 1000;  // a countdown shows 0:01 until it is out
  const std::int64_t sec = s % 60;
  return std::string(over ? "-" : "") + std::to_string(s / 60) + ":" + (sec < 10 ? "0" : "") +
         std::to_string(sec);
}

std::string to_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;  // a script reads "created_id": "0", not a gap
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

}  // namespace gavel::cli
