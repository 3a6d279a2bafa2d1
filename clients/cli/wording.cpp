#include "wording.hpp"

namespace gavel::cli {

namespace {
std::string unknown(int value) { return "?" + std::to_string(value); }
}  // namespace

std::string request_kind_word(Lang l, v1::RequestKind kind) {
  switch (kind) {
    case v1::REQUEST_CONTRIBUTION: return say(l, "一般发言", "contribution");
    case v1::REQUEST_PRO: return say(l, "支持", "pro");
    case v1::REQUEST_CONTRA: return say(l, "反对", "contra");
    case v1::REQUEST_REPLY: return say(l, "简短回应", "reply");
    case v1::REQUEST_POINT_OF_ORDER: return say(l, "程序问题", "point of order");
    default: return unknown(kind);
  }
}

std::string dissent_kind_word(Lang l, v1::DissentKind kind) {
  switch (kind) {
    case v1::DISSENT_DISAGREEMENT: return say(l, "分歧点", "disagreement");
    case v1::DISSENT_MINORITY: return say(l, "少数意见", "minority opinion");
    case v1::DISSENT_OBJECTION: return say(l, "异议", "objection");
    case v1::DISSENT_BLOCK: return say(l, "阻止共识", "block");
    default: return unknown(kind);
  }
}

std::string ballot_form_word(Lang l, v1::BallotForm form) {
  switch (form) {
    case v1::BALLOT_YES_NO_ABSTAIN: return say(l, "赞成/反对/弃权", "yes/no/abstain");
    case v1::BALLOT_ONE_OF_N: return say(l, "方案比选（单选）", "one of several options");
    case v1::BALLOT_K_OF_N: return say(l, "方案比选（多选）", "up to K options");
    case v1::BALLOT_CONSENSUS: return say(l, "共识检验", "consensus check");
    default: return unknown(form);
  }
}

std::string outcome_word(Lang l, v1::Outcome outcome) {
  switch (outcome) {
    case v1::OUTCOME_CARRIED: return say(l, "通过", "carried");
    case v1::OUTCOME_DEFEATED: return say(l, "未通过", "defeated");
    case v1::OUTCOME_VETOED: return say(l, "否决", "vetoed");
    case v1::OUTCOME_NO_QUORUM: return say(l, "不足法定人数，无效", "no quorum, no decision");
    case v1::OUTCOME_BLOCKED: return say(l, "共识受阻", "blocked");
    case v1::OUTCOME_CHOSEN: return say(l, "已选定", "chosen");
    default: return unknown(outcome);
  }
}

std::string motion_state_word(Lang l, v1::MotionState state) {
  switch (state) {
    case v1::MOTION_PROPOSED: return say(l, "待附议", "proposed, needs a second");
    case v1::MOTION_DEBATE: return say(l, "辩论中", "under debate");
    case v1::MOTION_VOTING: return say(l, "表决中", "being voted on");
    case v1::MOTION_CARRIED: return say(l, "已通过", "carried");
    case v1::MOTION_DEFEATED: return say(l, "未通过", "defeated");
    case v1::MOTION_VETOED: return say(l, "被否决", "vetoed");
    case v1::MOTION_WITHDRAWN: return say(l, "已撤回", "withdrawn");
    default: return unknown(state);
  }
}

std::string item_state_word(Lang l, v1::ItemState state) {
  switch (state) {
    case v1::ITEM_PENDING: return say(l, "待议", "pending");
    case v1::ITEM_OPEN: return say(l, "进行中", "OPEN");
    case v1::ITEM_CLOSED: return say(l, "已结束", "closed");
    case v1::ITEM_NOT_REACHED: return say(l, "未议", "not reached");
    case v1::ITEM_DEFERRED: return say(l, "已推迟", "deferred");
    default: return unknown(state);
  }
}

std::string phase_word(Lang l, v1::MeetingPhase phase) {
  switch (phase) {
    case v1::MEETING_SCHEDULED: return say(l, "未开始", "scheduled");
    case v1::MEETING_IN_SESSION: return say(l, "进行中", "in session");
    case v1::MEETING_ENDED: return say(l, "已结束", "ended");
    default: return unknown(phase);
  }
}

std::string attendance_words(Lang l, const v1::Attendance& a) {
  const std::string present = std::to_string(a.present_members()), fixed = std::to_string(a.fixed_members()),
                    quorum = std::to_string(a.quorum_needed()), invited = std::to_string(a.present_invited());
  if (l == Lang::zh)
    return "出席 " + present + " / 应到 " + fixed + " 人，法定人数 " + quorum + "，" +
           (a.quorate() ? "已达到" : "未达到") + "；列席 " + invited + " 人";
  return present + " of " + fixed + " members present, quorum " + quorum + (a.quorate() ? " reached" : " NOT reached") +
         "; " + invited + " invited present";
}

}  // namespace gavel::cli
