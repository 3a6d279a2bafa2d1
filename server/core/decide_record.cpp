// What the record keeps: dissent, motions, resolutions and the minutes' sign-off.
#include <algorithm>

#include "attendance.hpp"
#include "decider.hpp"
#include "minutes_target.hpp"

namespace gavel::core {

namespace {
constexpr std::size_t kMaxText = 8000;
}  // namespace

Decided Decider::operator()(const cmd::RecordDissent& c) const {
  if (auto ok = need_unsigned_minutes(); !ok) return ok.error();
  std::string item_id = c.item_id.empty() && s.open_item() ? s.open_item()->info.id : c.item_id;
  if (item_id.empty()) return fail::state("当前没有进行中的议题", "no agenda item is open");
  if (!s.item(item_id)) return fail::not_found("议题", "agenda item", item_id);
  if (c.text.empty() || c.text.size() > kMaxText)
    return fail::argument("请填写意见内容（不超过8000字节）", "the text is empty or too long");
  if (c.kind < DissentKind::disagreement || c.kind > DissentKind::block)
    return fail::argument("意见类型无效", "unknown kind of dissent");
  if (c.motion_id) {
    const Motion* motion = s.motion(c.motion_id);
    if (!motion || motion->item_id != item_id) return fail::not_found("本议题的动议", "motion on this item", std::to_string(c.motion_id));
  }
  std::string who;
  if (!c.anonymous) {
    if (is_officer()) {
      if (!c.participant_id.empty()) {
        if (!s.member(c.participant_id)) return fail::not_found("参会人", "participant", c.participant_id);
        who = c.participant_id;
      }
    } else {
      auto m = subject(c.participant_id);
      if (!m) return m.error();
      who = m.value()->info.id;
    }
  }
  return one(ev::DissentRecorded{s.next_dissent, item_id, c.kind, who, c.text, c.motion_id}, s.next_dissent);
}

Decided Decider::operator()(const cmd::ReplyDissent& c) const {
  if (auto ok = need_unsigned_minutes(); !ok) return ok.error();
  if (c.dissent_id == 0 || c.dissent_id > s.dissent.size())
    return fail::not_found("意见记录", "dissent record", std::to_string(c.dissent_id));
  if (c.reply.empty() || c.reply.size() > kMaxText)
    return fail::argument("请填写回应内容", "the reply is empty or too long");
  return one(ev::DissentReplied{c.dissent_id, c.reply});
}

Decided Decider::operator()(const cmd::ProposeMotion& c) const {
  auto item = need_open_item();
  if (!item) return item.error();
  if (c.text.empty() || c.text.size() > kMaxText)
    return fail::argument("请填写动议内容", "the motion's text is empty or too long");
  auto mover = subject(c.mover_id);
  if (!mover) return mover.error();
  if (!mover.value()->present) return fail::not_present(mover.value()->info.id);
  if (!may_take_part(*mover.value(), item.value()->info.id)) return fail::not_invited();
  if (c.amends) {
    const Motion* target = s.motion(c.amends);
    if (!target) return fail::not_found("动议", "motion", std::to_string(c.amends));
    if (target->state != MotionState::debate || target->item_id != item.value()->info.id)
      return fail::state("只能修正正在辩论的动议", "only a motion under debate can be amended");
  }
  return one(ev::MotionProposed{s.next_motion, item.value()->info.id, c.amends,
                                mover.value()->info.id, c.text},
             s.next_motion);
}

Decided Decider::operator()(const cmd::SecondMotion& c) const {
  const Motion* motion = s.motion(c.motion_id);
  if (!motion) return fail::not_found("动议", "motion", std::to_string(c.motion_id));
  if (motion->state != MotionState::proposed)
    return fail::state("该动议不在等待附议状态", "that motion is not waiting for a second");
  // A second opens the debate, which happens only while the item is open.
  auto item = need_open_item();
  if (!item) return item.error();
  if (motion->item_id != item.value()->info.id)
    return fail::state("该动议不属于当前议题", "that motion belongs to another item");
  auto seconder = subject(c.seconder_id);
  if (!seconder) return seconder.error();
  if (!seconder.value()->present) return fail::not_present(seconder.value()->info.id);
  if (!may_take_part(*seconder.value(), motion->item_id)) return fail::not_invited();
  if (seconder.value()->info.id == motion->mover_id)
    return fail::not_allowed("不能附议自己的动议", "you cannot second your own motion");
  return one(ev::MotionSeconded{c.motion_id, seconder.value()->info.id});
}

Decided Decider::operator()(const cmd::WithdrawMotion& c) const {
  if (auto ok = need_session(); !ok) return ok.error();
  const Motion* motion = s.motion(c.motion_id);
  if (!motion) return fail::not_found("动议", "motion", std::to_string(c.motion_id));
  if (!is_officer() && motion->mover_id != actor.participant_id)
    return fail::not_allowed("只有动议人可以撤回", "only the mover may withdraw a motion");
  if (motion->state != MotionState::proposed && motion->state != MotionState::debate)
    return fail::state("表决开始后不能撤回", "a motion cannot be withdrawn once voted on");
  return one(ev::MotionWithdrawn{c.motion_id});
}

Decided Decider::operator()(const cmd::RecordResolution& c) const {
  if (auto ok = need_unsigned_minutes(); !ok) return ok.error();
  const Motion* motion = s.motion(c.motion_id);
  if (!motion) return fail::not_found("动议", "motion", std::to_string(c.motion_id));
  if (motion->state != MotionState::carried)
    return fail::state("只有通过的动议才能形成决议", "only a carried motion becomes a resolution");
  if (c.responsible.empty() || c.deadline.empty())
    return fail::argument("决议须写明责任人和完成时限", "a resolution needs a responsible party and a deadline");
  Id vote_id = 0;
  for (const Vote& v : s.votes)
    if (v.spec.motion_id == c.motion_id) vote_id = v.id;
  std::string text = c.text.empty() ? motion->text : c.text;
  return one(ev::ResolutionRecorded{s.next_resolution, motion->item_id, c.motion_id, vote_id, text,
                                    c.responsible, c.deadline},
             s.next_resolution);
}

// Follow-up goes on after the meeting and after the minutes are signed: a
// status change is a new event, never an edit of what was decided.
Decided Decider::operator()(const cmd::UpdateResolution& c) const {
  auto found = std::find_if(s.resolutions.begin(), s.resolutions.end(),
                            [&](const Resolution& r) { return r.id == c.resolution_id; });
  if (found == s.resolutions.end()) return fail::not_found("决议", "resolution", std::to_string(c.resolution_id));
  if (found->status == c.status && found->status_note == c.note)
    return make_error(ErrorCode::duplicate, "决议已是这个状态", "the resolution already has this status");
  if (c.status == ResolutionStatus::dropped && c.note.empty())
    return fail::argument("放弃执行须说明原因", "say why the resolution is dropped");
  return one(ev::ResolutionUpdated{c.resolution_id, c.status, c.note});
}

Decided Decider::operator()(const cmd::SignMinutes& c) const {
  if (s.phase != Phase::ended) return fail::state("会议结束后才能签署纪要", "sign the minutes after the meeting ends");
  if (s.minutes == MinutesState::signed_off)
    return make_error(ErrorCode::duplicate, "这一版纪要已签署；修改后才能签署新的版本",
                      "this version of the minutes is already signed; edit it to sign a new version");
  if (c.signed_by.empty()) return fail::argument("请填写签署人", "name who signs");
  if (c.content_sha256.size() != 64)
    return fail::argument("纪要须经服务器起草后签署", "the minutes are signed through the server's draft");
  // The hash covers a draft of the record up to head_seq: if anything was
  // recorded since, the secretary signs a document that no longer matches.
  if (c.head_seq != s.seq)
    return fail::state("记录在起草后又有变化，请重新起草后签署", "the record changed after the draft: draft again and sign");
  auto version = static_cast<std::uint32_t>(s.minutes_versions.size() + 1);
  return one(ev::MinutesSigned{c.signed_by, version, c.content_sha256, c.head_seq, c.head_sha256, c.signature,
                               c.key_fingerprint},
             version);
}

Decided Decider::operator()(const cmd::EditMinutes& c) const {
  if (s.phase == Phase::scheduled) return fail::state("会议开始后才有纪要", "the minutes begin with the meeting");
  if (c.kind != MinutesEditKind::note && c.kind != MinutesEditKind::wording)
    return fail::argument("修改类型无效", "unknown kind of edit");
  if (c.text.size() > kMaxText) return fail::argument("内容太长（不超过8000字节）", "the text is too long");
  if (c.kind == MinutesEditKind::note && c.text.empty()) return fail::argument("请填写备注内容", "the note is empty");
  auto target = parse_minutes_target(s, c.target);
  if (!target) return target.error();
  if (c.kind == MinutesEditKind::wording && !rewordable(target.value()))
    return make_error(ErrorCode::not_allowed, "“" + c.target + "”是记录的事实（表决、时间、出席、发言、动议、意见、决议），不能修改，只能加注",
                             "\"" + c.target + "\" is a recorded fact (votes, times, attendance, speeches, motions, dissent, "
                             "resolutions): it cannot be edited, only annotated");
  return one(ev::MinutesEdited{c.kind, c.target, c.text});
}

}  // namespace gavel::core
