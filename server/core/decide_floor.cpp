// The floor: requests to speak, granting it, and the speaking timer.
#include <algorithm>

#include "attendance.hpp"
#include "decider.hpp"
#include "speaker_queue.hpp"

namespace gavel::core {

namespace {

const SpeakRequest* find_request(const MeetingState& s, Id id) {
  auto it = std::find_if(s.queue.begin(), s.queue.end(),
                         [&](const SpeakRequest& r) { return r.id == id; });
  return it == s.queue.end() ? nullptr : &*it;
}

// Speeches given plus requests waiting: a cap must not be beaten by asking
// for the floor several times (pro, contra, reply) before speaking.
std::uint32_t speeches_and_requests(const MeetingState& s, const std::string& participant_id,
                                    const std::string& item_id) {
  std::uint32_t n = speeches_on_item(s, participant_id, item_id);
  for (const SpeakRequest& r : s.queue)
    if (r.participant_id == participant_id && r.kind != RequestKind::point_of_order) ++n;
  return n;
}

Error cap_reached() {
  return make_error(ErrorCode::limit_reached, "本议题发言次数已满",
                    "no more speeches on this item for this person");
}

std::uint32_t limit_for(const Item& item, RequestKind kind) {
  bool brief = kind == RequestKind::reply || kind == RequestKind::point_of_order;
  return brief ? std::min(item.info.speech_limit_s, kShortSpeechLimitS) : item.info.speech_limit_s;
}
}  // namespace

Decided Decider::operator()(const cmd::RequestFloor& c) const {
  auto item = need_open_item();
  if (!item) return item.error();
  auto who = subject(c.participant_id);
  if (!who) return who.error();
  // A repeat of a hand press already acted on: acknowledged, nothing changes.
  if (!c.press_id.empty() && s.hand_presses.count(c.press_id)) return Draft{};
  const Member& m = *who.value();
  if (!m.present) return fail::not_present(m.info.id);
  if (c.kind < RequestKind::contribution || c.kind > RequestKind::point_of_order)
    return fail::argument("发言类型无效", "unknown kind of request");
  if (!may_take_part(m, item.value()->info.id)) return fail::not_invited();
  bool point_of_order = c.kind == RequestKind::point_of_order;
  if (s.list_closed && !point_of_order)
    return fail::state("发言名单已关闭", "the list of speakers is closed");
  for (const SpeakRequest& r : s.queue)
    if (r.participant_id == m.info.id && r.kind == c.kind)
      return make_error(ErrorCode::duplicate, "已在发言名单中", "already on the list of speakers");
  std::uint32_t cap = item.value()->info.max_speeches_per_person;
  if (cap && !point_of_order && speeches_and_requests(s, m.info.id, item.value()->info.id) >= cap)
    return cap_reached();
  Draft d = one(ev::FloorRequested{s.next_request, m.info.id, c.kind, c.press_id});
  d.created_id = s.next_request;
  return d;
}

Decided Decider::operator()(const cmd::WithdrawRequest& c) const {
  if (!c.press_id.empty() && s.hand_presses.count(c.press_id)) return Draft{};
  for (const SpeakRequest& r : s.queue) {
    bool own = r.participant_id == actor.participant_id;
    bool match = c.request_id ? r.id == c.request_id : own;
    if (!match) continue;
    if (!own && !is_officer())
      return fail::not_allowed("只能撤回自己的发言申请", "you may withdraw only your own request");
    return one(ev::RequestWithdrawn{r.id, c.press_id});
  }
  return fail::not_found("发言申请", "request to speak", std::to_string(c.request_id));
}

Decided Decider::operator()(const cmd::GrantFloor& c) const {
  auto item = need_open_item();
  if (!item) return item.error();
  ev::SpeechStarted started;
  started.speech_id = s.next_speech;
  if (c.request_id) {
    const SpeakRequest* r = find_request(s, c.request_id);
    if (!r) return fail::not_found("发言申请", "request to speak", std::to_string(c.request_id));
    started.request_id = r->id;
    started.participant_id = r->participant_id;
    started.kind = r->kind;
  } else {
    const Member* m = s.member(c.participant_id);
    if (!m) return fail::not_found("参会人", "participant", c.participant_id);
    started.participant_id = m->info.id;
  }
  const Member* m = s.member(started.participant_id);
  const Item& it = *item.value();
  if (!m->present) return fail::not_present(m->info.id);
  // The chair's grant obeys the same rules as a request: invited members
  // speak on their items only, and the per-item cap holds.
  if (!may_take_part(*m, it.info.id)) return fail::not_invited();
  std::uint32_t cap = it.info.max_speeches_per_person;
  if (cap && started.kind != RequestKind::point_of_order &&
      speeches_on_item(s, m->info.id, it.info.id) >= cap)
    return cap_reached();
  started.limit_s = limit_for(it, started.kind);
  Draft d;
  end_speech_into(d.events);
  d.events.push_back(started);
  d.created_id = started.speech_id;
  return d;
}

Decided Decider::operator()(const cmd::NextSpeaker&) const {
  if (auto item = need_open_item(); !item) return item.error();
  for (const SpeakRequest& r : s.queue)
    if (s.member(r.participant_id)->present) return (*this)(cmd::GrantFloor{r.id, {}});
  return fail::state("发言名单为空", "the list of speakers is empty");
}

Decided Decider::operator()(const cmd::MoveRequest& c) const {
  if (!find_request(s, c.request_id))
    return fail::not_found("发言申请", "request to speak", std::to_string(c.request_id));
  return one(ev::RequestMoved{c.request_id, c.position});
}

Decided Decider::operator()(const cmd::RemoveRequest& c) const {
  if (!find_request(s, c.request_id))
    return fail::not_found("发言申请", "request to speak", std::to_string(c.request_id));
  return one(ev::RequestRemoved{c.request_id});
}

Decided Decider::operator()(const cmd::CloseList&) const {
  if (auto item = need_open_item(); !item) return item.error();
  if (s.list_closed) return make_error(ErrorCode::duplicate, "名单已关闭", "the list is already closed");
  return one(ev::ListClosed{});
}

Decided Decider::operator()(const cmd::ReopenList&) const {
  if (!s.list_closed) return make_error(ErrorCode::duplicate, "名单未关闭", "the list is not closed");
  return one(ev::ListReopened{});
}

Decided Decider::operator()(const cmd::PauseTimer&) const {
  if (!s.speech) return fail::state("当前无人发言", "nobody has the floor");
  if (s.speech->paused_at) return fail::state("计时已暂停", "the timer is already paused");
  return one(ev::SpeechPaused{});
}

Decided Decider::operator()(const cmd::ResumeTimer&) const {
  if (!s.speech) return fail::state("当前无人发言", "nobody has the floor");
  if (!s.speech->paused_at) return fail::state("计时未暂停", "the timer is not paused");
  return one(ev::SpeechResumed{});
}

Decided Decider::operator()(const cmd::ExtendTimer& c) const {
  if (!s.speech) return fail::state("当前无人发言", "nobody has the floor");
  if (c.seconds == 0 || c.seconds > 3600)
    return fail::argument("延长时间须在1到3600秒之间", "extend by 1 to 3600 seconds");
  return one(ev::SpeechExtended{c.seconds});
}

Decided Decider::operator()(const cmd::EndSpeech&) const {
  if (!s.speech) return fail::state("当前无人发言", "nobody has the floor");
  return one(ev::SpeechEnded{s.speech->id});
}

}  // namespace gavel::core
