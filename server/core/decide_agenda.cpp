// The meeting's frame: start and end, the agenda, attendance and recusal.
#include "attendance.hpp"
#include "decider.hpp"

namespace gavel::core {

Decided Decider::operator()(const cmd::StartMeeting&) const {
  if (s.phase != Phase::scheduled)
    return fail::state("会议已经开始过", "the meeting has already started");
  return one(ev::MeetingStarted{});
}

namespace {
// What an unforced end would cut short, in words the chair can act on.
Words still_open(const MeetingState& s) {
  Words w;
  auto add = [&](const std::string& zh, const std::string& en) {
    w.zh += (w.zh.empty() ? "" : "、") + zh;
    w.en += (w.en.empty() ? "" : ", ") + en;
  };
  if (const Vote* v = s.open_vote()) add("表决 #" + std::to_string(v->id), "vote #" + std::to_string(v->id));
  if (s.speech) {
    const Member* m = s.member(s.speech->participant_id);
    const std::string who = m ? m->info.name : s.speech->participant_id;
    add(who + " 的发言", "the speech of " + who);
  }
  if (!s.queue.empty())
    add(std::to_string(s.queue.size()) + " 人等候发言", std::to_string(s.queue.size()) + " waiting to speak");
  if (const Item* item = s.open_item())
    add("议题「" + item->info.title + "」", "item \"" + item->info.title + "\"");
  return w;
}
}  // namespace

Decided Decider::operator()(const cmd::EndMeeting& c) const {
  if (auto ok = need_session(); !ok) return ok.error();
  Words open = still_open(s);
  if (!open.zh.empty() && !c.force)
    return make_error(ErrorCode::invalid_state, "仍在进行：" + open.zh + "。请先结束它们，或强制结束会议",
                      "still open: " + open.en + ". Close them first, or force the end");
  Draft d;
  if (s.open_vote()) {
    auto closed = (*this)(cmd::CloseVote{});
    if (!closed) return closed.error();
    for (EventBody& e : closed.value().events) d.events.push_back(std::move(e));
  }
  end_speech_into(d.events);
  if (const Item* item = s.open_item()) d.events.push_back(ev::ItemClosed{item->info.id});
  ev::MeetingEnded ended;
  ended.forced = !open.zh.empty();
  for (const Item& item : s.agenda)
    if (item.state == ItemState::pending) ended.not_reached.push_back(item.info.id);
  d.events.push_back(std::move(ended));
  return d;
}

Decided Decider::operator()(const cmd::OpenItem& c) const {
  if (auto ok = need_session(); !ok) return ok.error();
  const Item* item = s.item(c.item_id);
  if (!item) return fail::not_found("议题", "agenda item", c.item_id);
  if (s.open_item())
    return fail::state("请先结束当前议题", "close the current item first");
  if (item->state == ItemState::closed)
    return fail::state("该议题已结束；如需再议，请重新开启该议题（item reopen）",
                       "that item is already closed; reopen it to take it up again (item reopen)");
  if (item->state == ItemState::deferred)
    return fail::state("该议题已推迟到以后的会议；如需现在讨论，请重新开启该议题（item reopen）",
                       "that item was deferred to a later meeting; reopen it to take it up now (item reopen)");
  Draft d = one(ev::ItemOpened{c.item_id});
  opening_notices(*item, d.notices);
  return d;
}

Decided Decider::operator()(const cmd::DeferItem& c) const {
  if (auto ok = need_session(); !ok) return ok.error();
  const Item* item = s.item(c.item_id);
  if (!item) return fail::not_found("议题", "agenda item", c.item_id);
  if (item->state != ItemState::pending)
    return fail::state("只能推迟尚未讨论的议题", "only a pending item can be deferred");
  return one(ev::ItemDeferred{c.item_id});
}

Decided Decider::operator()(const cmd::ReopenItem& c) const {
  if (auto ok = need_session(); !ok) return ok.error();
  const Item* item = s.item(c.item_id);
  if (!item) return fail::not_found("议题", "agenda item", c.item_id);
  if (s.open_item())
    return fail::state("请先结束当前议题", "close the current item first");
  if (item->state != ItemState::closed && item->state != ItemState::deferred)
    return fail::state("只能重新开启已结束或已推迟的议题；待议议题请直接开启",
                       "only a closed or deferred item can be reopened; open a pending one as usual");
  Draft d = one(ev::ItemReopened{c.item_id});
  opening_notices(*item, d.notices);
  return d;
}

Decided Decider::operator()(const cmd::CloseItem&) const {
  if (auto ok = need_open_item(); !ok) return ok.error();
  Draft d;
  if (auto ok = close_item_into(d.events); !ok) return ok.error();
  return d;
}

Decided Decider::operator()(const cmd::NextItem&) const {
  if (auto ok = need_session(); !ok) return ok.error();
  Draft d;
  if (auto ok = close_item_into(d.events); !ok) return ok.error();
  for (const Item& item : s.agenda)
    if (item.state == ItemState::pending) {
      d.events.push_back(ev::ItemOpened{item.info.id});
      opening_notices(item, d.notices);
      return d;
    }
  return fail::state("没有待议的议题了", "no pending agenda item is left");
}

Decided Decider::operator()(const cmd::AttachOpinion& c) const {
  if (auto ok = need_unsigned_minutes(); !ok) return ok.error();
  if (!s.item(c.item_id)) return fail::not_found("议题", "agenda item", c.item_id);
  if (c.text.empty() || c.author.empty())
    return fail::argument("意见须有作者和内容", "an opinion needs an author and a text");
  return one(ev::OpinionAttached{c.item_id, c.author, c.text});
}

Decided Decider::operator()(const cmd::CheckIn& c) const {
  auto who = subject(c.participant_id);
  if (!who) return who.error();
  if (s.phase == Phase::ended) return fail::state("会议已结束", "the meeting has ended");
  if (who.value()->present)
    return make_error(ErrorCode::duplicate, "已经签到", "already checked in");
  return one(ev::CheckedIn{who.value()->info.id});
}

Decided Decider::operator()(const cmd::CheckOut& c) const {
  auto who = subject(c.participant_id);
  if (!who) return who.error();
  if (!who.value()->present) return fail::not_present(who.value()->info.id);
  if (s.speech && s.speech->participant_id == who.value()->info.id)
    return fail::state("正在发言，不能签退", "cannot check out while holding the floor");
  return one(ev::CheckedOut{who.value()->info.id});
}

Decided Decider::operator()(const cmd::DeclareInterest& c) const {
  auto who = subject(c.participant_id);
  if (!who) return who.error();
  // After the end a declaration could only rewrite who took part in votes.
  if (s.phase == Phase::ended) return fail::state("会议已结束", "the meeting has ended");
  std::string item_id = c.item_id.empty() && s.open_item() ? s.open_item()->info.id : c.item_id;
  const Item* item = s.item(item_id);
  if (!item) return fail::not_found("议题", "agenda item", item_id);
  if (item->recused.count(who.value()->info.id))
    return make_error(ErrorCode::duplicate, "已申报回避", "interest already declared");
  if (const Vote* v = s.open_vote(); v && v->item_id == item_id)
    return fail::state("表决进行中，须在表决前申报回避", "declare an interest before the vote opens");
  return one(ev::InterestDeclared{item_id, who.value()->info.id});
}

}  // namespace gavel::core
