// Steps and checks that several commands share.
#include "attendance.hpp"
#include "decider.hpp"

namespace gavel::core {

namespace fail {
Error not_found(const char* zh_what, const char* en_what, const std::string& id) {
  return make_error(ErrorCode::not_found, std::string("找不到") + zh_what + "：" + id,
                    std::string("no such ") + en_what + ": " + id);
}
Error state(const char* zh, const char* en) { return make_error(ErrorCode::invalid_state, zh, en); }
Error argument(const char* zh, const char* en) {
  return make_error(ErrorCode::invalid_argument, zh, en);
}
Error not_present(const std::string& participant_id) {
  return make_error(ErrorCode::not_present, "该成员尚未签到：" + participant_id,
                    "not checked in: " + participant_id);
}
Error not_allowed(const char* zh, const char* en) {
  return make_error(ErrorCode::not_allowed, zh, en);
}
Error not_invited() {
  return make_error(ErrorCode::not_eligible, "您不是本议题的列席成员", "not invited for this item");
}
}  // namespace fail

Draft one(EventBody event, Id created) {
  Draft d;
  d.events.push_back(std::move(event));
  d.created_id = created;
  return d;
}

Result<const Member*> Decider::subject(const std::string& named) const {
  const std::string& id = is_officer() && !named.empty() ? named : actor.participant_id;
  if (id.empty())
    return fail::argument("请指定参会人", "name the participant this is for");
  if (!is_officer() && !named.empty() && named != actor.participant_id)
    return fail::not_allowed("只能为自己操作", "a participant may act only for themselves");
  const Member* m = s.member(id);
  if (!m) return fail::not_found("参会人", "participant", id);
  return m;
}

Result<Ok> Decider::need_session() const {
  if (s.phase == Phase::scheduled)
    return fail::state("会议尚未开始", "the meeting has not started");
  if (s.phase == Phase::ended) return fail::state("会议已结束", "the meeting has ended");
  return Ok{};
}

void Decider::opening_notices(const Item& item, std::vector<Notice>& out) const {
  AttendanceView view = attendance(s);
  if (!view.quorate)
    out.push_back(no_quorum_notice(NoticeKind::item_opened_without_quorum, view.present_members,
                                   view.fixed_members, view.quorum_needed, item.info.id));
}

Result<Ok> Decider::need_unsigned_minutes() const {
  if (!s.minutes_versions.empty())
    return fail::state("纪要已签署，记录不能再更改", "the minutes are signed: the record is closed");
  return Ok{};
}

Result<const Item*> Decider::need_open_item() const {
  if (auto ok = need_session(); !ok) return ok.error();
  if (!s.open_item()) return fail::state("当前没有进行中的议题", "no agenda item is open");
  return s.open_item();
}

void Decider::end_speech_into(std::vector<EventBody>& out) const {
  if (s.speech) out.push_back(ev::SpeechEnded{s.speech->id});
}

Result<Ok> Decider::close_item_into(std::vector<EventBody>& out) const {
  const Item* item = s.open_item();
  if (!item) return Ok{};
  if (s.open_vote())
    return fail::state("表决进行中，请先结束表决", "a vote is open: close it first");
  end_speech_into(out);
  out.push_back(ev::ItemClosed{item->info.id});
  return Ok{};
}

}  // namespace gavel::core
