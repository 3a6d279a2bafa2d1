#include "net/broadcaster.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "codec/views.hpp"

namespace gavel::net {

namespace {
// Events only their own participant's phones get: the rest of the room
// learns the figures they move (turnout, attendance) instead.
const std::string* personal(const v1::Event& event) {
  if (event.has_ballot_recorded()) return &event.ballot_recorded().participant_id();
  if (event.has_checked_in()) return &event.checked_in().participant_id();
  return nullptr;
}

// Calls `send` with each listener still connected that has not seen `last`,
// and forgets those gone.
template <typename Listeners, typename Send>
void each_behind(Listeners& listeners, core::Seq last, Send send) {
  for (auto it = listeners.begin(); it != listeners.end();) {
    auto peer = it->second.peer.lock();
    if (!peer) {
      it = listeners.erase(it);
      continue;
    }
    auto& listener = (it++)->second;
    if (listener.seen < last) send(peer, listener);
  }
}
}  // namespace

Broadcaster::Broadcaster(const core::MeetingState& state, SnapshotShelf& shelf, PostAfter post_after, Clock clock,
                         Pace pace, FanOut fan_out)
    : state_(state),
      shelf_(shelf),
      post_after_(std::move(post_after)),
      clock_(std::move(clock)),
      pace_(pace),
      handout_(std::make_shared<Handout>(std::move(fan_out))) {
  screen_cohort_.period = pace.screens;
  projector_cohort_.period = pace.projector;
  pace_phones();
}

void Broadcaster::pace_phones() {
  auto share = std::chrono::duration_cast<std::chrono::milliseconds>(pace_.per_phone * phones_.size());
  phone_cohort_.period = std::max<core::Millis>(pace_.phones, share.count());
  turnout_period_ = std::max<core::Millis>(pace_.turnout, share.count());
}

void Broadcaster::join(const std::shared_ptr<Peer>& peer, Audience audience, std::string participant_id,
                       core::Seq seen) {
  if (audience != Audience::phone) {
    Listeners& listeners = audience == Audience::projector ? projectors_ : screens_;
    listeners.insert_or_assign(peer.get(), Listener{peer, audience, std::move(participant_id), seen});
    return;
  }
  auto it = phones_.find(peer.get());
  std::size_t slot = it != phones_.end() ? it->second.slot : phone_keys_.size();
  if (it == phones_.end()) phone_keys_.push_back(peer.get());
  phones_.insert_or_assign(peer.get(), Listener{peer, audience, std::move(participant_id), seen, slot});
  pace_phones();
}

void Broadcaster::leave(const Peer* peer) {
  screens_.erase(peer);
  projectors_.erase(peer);
  if (auto it = phones_.find(peer); it != phones_.end()) forget_phone(it);
}

void Broadcaster::forget_phone(Listeners::iterator it) {
  const Peer* last = phone_keys_.back();
  phone_keys_[it->second.slot] = last;
  phones_.at(last).slot = it->second.slot;
  phone_keys_.pop_back();
  phones_.erase(it);
  pace_phones();
}

void Broadcaster::published(const std::vector<v1::Event>& events) {
  if (events.empty()) return;
  for (const v1::Event& event : events) {
    auto shared = std::make_shared<const v1::Event>(event);
    if (!screens_.empty()) screen_cohort_.pending.push_back(shared);
    if (phones_.empty()) continue;
    if (auto copy = codec::phone_copy(event)) {
      opened_.push_back({event.vote_opened().vote_id(),
                         {event.vote_opened().eligible().begin(), event.vote_opened().eligible().end()}});
      shared = std::move(copy);
    }
    phone_news_ = phone_news_ || !shared->has_ballot_recorded();
    phone_cohort_.pending.push_back(std::move(shared));
  }
  if (!projectors_.empty()) projector_upto_ = events.back().seq();
  // A few screens' tick is cheap: once it is late, the next commit sends it
  // rather than the timer's handler, queued behind everything the I/O
  // threads have to do (in the closed loop, at p99 31 ms for a 10 ms tick).
  if (!screen_cohort_.pending.empty())
    schedule(screen_cohort_, screen_cohort_.period, &Broadcaster::tick_screens, When::late_now);
  if (projector_upto_)
    schedule(projector_cohort_, projector_cohort_.period, &Broadcaster::tick_projectors, When::late_now);
  if (!phone_cohort_.pending.empty())
    schedule(phone_cohort_, phone_period(), &Broadcaster::tick_phones);
}

void Broadcaster::rewind(core::Seq seq) {
  for (Listeners* listeners : {&screens_, &projectors_, &phones_})
    for (auto& [key, listener] : *listeners) listener.seen = std::min(listener.seen, seq);
}

void Broadcaster::catch_up(const std::shared_ptr<Peer>& peer) {
  for (Listeners* listeners : {&screens_, &projectors_, &phones_}) {
    auto it = listeners->find(peer.get());
    if (it != listeners->end()) peer->deliver_snapshot(shelf_.message(view_of(it->second.audience), state_, clock_()));
  }
}

void Broadcaster::schedule(Cohort& cohort, core::Millis period, void (Broadcaster::*tick)(), When when) {
  // The first event after a quiet spell goes out at once; under load, one batch per period.
  core::Millis now = clock_();
  core::Millis due = std::max(now, cohort.last_tick + period);
  if (when == When::late_now && cohort.scheduled && cohort.due < now) {
    ++cohort.generation;  // this is the tick scheduled
    return (this->*tick)();
  }
  if (cohort.scheduled && cohort.due <= due) return;
  cohort.scheduled = true;
  cohort.due = due;
  std::uint64_t generation = ++cohort.generation;
  std::weak_ptr<char> life = life_;
  post_after_(due - now, [this, life, tick, &cohort, generation] {
    if (life.lock() && cohort.generation == generation) (this->*tick)();
  });
}

Frame Broadcaster::batch(const std::vector<const v1::Event*>& events, const v1::EventBatch* figures) const {
  v1::ServerMessage message;
  message.set_server_time_ms(clock_());
  v1::EventBatch* out = message.mutable_events();
  if (figures) *out = *figures;
  for (const v1::Event* event : events) *out->add_events() = *event;
  return frame_of(message.SerializeAsString());
}

void Broadcaster::tick_screens() {
  screen_cohort_.scheduled = false;
  screen_cohort_.last_tick = clock_();
  auto pending = std::move(screen_cohort_.pending);
  screen_cohort_.pending.clear();
  if (pending.empty()) return;
  core::Seq first = pending.front()->seq(), last = pending.back()->seq();
  std::vector<const v1::Event*> all;
  for (const auto& event : pending) all.push_back(event.get());
  Frame common;
  each_behind(screens_, last, [&](const std::shared_ptr<Peer>& peer, Listener& listener) {
    if (listener.seen >= first) {
      std::vector<const v1::Event*> tail;
      for (const v1::Event* event : all)
        if (event->seq() > listener.seen) tail.push_back(event);
      peer->deliver(batch(tail, nullptr), true);
    } else {
      if (!common) common = batch(all, nullptr);
      peer->deliver(common, true);
    }
    listener.seen = last;
    if (peer->lagging()) peer->deliver_snapshot(shelf_.message(View::whole, state_, clock_()));
  });
}

void Broadcaster::tick_projectors() {
  projector_cohort_.scheduled = false;
  projector_cohort_.last_tick = clock_();
  core::Seq last = std::exchange(projector_upto_, 0);
  if (!last) return;
  // The display draws from the partial snapshot alone: the events would
  // only be bytes to write and to parse (a vote of 10,000, 10,000 of them).
  Frame projection;
  each_behind(projectors_, last, [&](const std::shared_ptr<Peer>& peer, Listener& listener) {
    if (!projection) projection = shelf_.message(View::partial, state_, clock_());
    peer->deliver_snapshot(projection);
    listener.seen = last;
  });
}

// One tick's batches for the phones. They are built a turn of
// kPhonesPerTurn phones at a time on the hall's strand: the answers to votes
// arriving meanwhile wait behind one turn, not behind the whole hall (a tick
// for 5,000 phones held the strand 7-11 ms during a vote).
struct Broadcaster::PhoneTick {
  std::vector<std::shared_ptr<const v1::Event>> pending;  // what the rest points into
  std::vector<Opened> opened;
  core::Seq first = 0, last = 0;
  std::vector<const v1::Event*> common_events;
  std::unordered_map<std::string_view, std::vector<const v1::Event*>> own;
  v1::EventBatch figures;
  bool has_figures = false;
  Frame common;
  // Whether a phone's participant may vote in what opened: one shared part
  // per set of votes (nearly always one vote, so one part for the hall).
  std::map<std::vector<std::uint64_t>, Bytes> eligibility_parts;
  std::vector<const Peer*> phones;  // those listening when the tick began
  std::size_t next = 0;             // into `phones`
  Handout::Spread spread;           // a turnout tick trickles out, news goes at once

  std::vector<std::uint64_t> may_vote_in(const std::string& participant_id) const {
    std::vector<std::uint64_t> votes;
    for (const Opened& vote : opened)
      if (vote.eligible.count(participant_id)) votes.push_back(vote.vote_id);
    return votes;
  }
  Bytes eligibility(const std::string& participant_id) {
    std::vector<std::uint64_t> votes = may_vote_in(participant_id);
    if (votes.empty()) return nullptr;
    Bytes& part = eligibility_parts[votes];
    if (!part) part = codec::eligibility_part(votes);
    return part;
  }
};

void Broadcaster::tick_phones() {
  // Strictly in order: what is left of the previous tick goes first.
  if (phone_tick_) hand_phones(phone_tick_->phones.size());
  phone_cohort_.scheduled = false;
  phone_cohort_.last_tick = clock_();
  auto tick = std::make_shared<PhoneTick>();
  tick->pending = std::move(phone_cohort_.pending);
  phone_cohort_.pending.clear();
  tick->opened = std::move(opened_);
  opened_.clear();
  // Over four fifths of the period, so they are out about when the next
  // tick comes (over half of it, a vote's ack p99 was 1.5-2 times longer at
  // 5,000 and 10,000 phones).
  tick->spread = {std::chrono::milliseconds(phone_period()) * 4 / 5,
                  phone_news_ ? Handout::kLongestPause : pace_.turnout_trickle};
  phone_news_ = false;
  if (tick->pending.empty()) return;
  tick->first = tick->pending.front()->seq();
  tick->last = tick->pending.back()->seq();

  bool attendance = false, turnout = false;
  for (const auto& event : tick->pending) {
    if (event->has_checked_in() || event->has_checked_out()) attendance = true;
    if (event->has_ballot_recorded()) turnout = true;
    if (const std::string* owner = personal(*event)) tick->own[*owner].push_back(event.get());
    else tick->common_events.push_back(event.get());
  }
  v1::EventBatch& figures = tick->figures;
  if (attendance) codec::attendance(state_, figures.mutable_attendance());
  const core::Vote* vote = state_.open_vote();
  if (turnout && vote) {
    figures.mutable_turnout()->set_vote_id(vote->id);
    figures.mutable_turnout()->set_cast(static_cast<std::uint32_t>(vote->voters.size()));
  }
  // The current entries of the people the batch names, and of those checking
  // in who are on screen (in the queue, speaking): a phone's partial roster
  // would otherwise keep them absent.
  std::unordered_set<std::string_view> sent;
  auto name = [&](std::string_view id) {
    if (id.empty() || !sent.insert(id).second) return;
    if (const core::Member* member = state_.member(std::string(id))) codec::roster_entry(*member, figures.add_names());
  };
  for (const v1::Event* event : tick->common_events)
    for (std::string_view id : codec::people_in(*event)) name(id);
  if (attendance) {
    auto on_screen = codec::people_named(state_);
    for (const auto& event : tick->pending)
      if (event->has_checked_in() && on_screen.count(event->checked_in().participant_id()))
        name(event->checked_in().participant_id());
  }
  tick->has_figures = figures.has_attendance() || figures.has_turnout() || figures.names_size() > 0;
  figures.set_seq(tick->last);

  // A phone that joins later was welcomed with a state holding all of this tick.
  tick->phones = phone_keys_;
  phone_tick_ = std::move(tick);
  hand_phones(kPhonesPerTurn);
}

void Broadcaster::hand_phones(std::size_t count) {
  std::shared_ptr<PhoneTick> tick = phone_tick_;
  // Built here, on the hall's strand; handed to the sessions by handout_.
  std::vector<Handout::Delivery> deliveries;
  std::size_t end = std::min(tick->phones.size(), tick->next + count);
  deliveries.reserve(end - tick->next);
  for (; tick->next < end; ++tick->next) {
    auto it = phones_.find(tick->phones[tick->next]);
    if (it == phones_.end()) continue;  // left since the tick began
    auto peer = it->second.peer.lock();
    if (!peer) {
      forget_phone(it);
      continue;
    }
    deliver_to_phone(*tick, peer, it->second, deliveries);
  }
  handout_->add(std::move(deliveries), tick->spread);
  if (tick->next == tick->phones.size()) {
    phone_tick_.reset();
    return;
  }
  std::weak_ptr<PhoneTick> weak = tick;
  std::weak_ptr<char> life = life_;
  post_after_(0, [this, life, weak] {
    if (!life.lock()) return;
    if (auto still = weak.lock(); still && still == phone_tick_) hand_phones(kPhonesPerTurn);
  });
}

void Broadcaster::deliver_to_phone(PhoneTick& tick, const std::shared_ptr<Peer>& peer, Listener& listener,
                                   std::vector<Handout::Delivery>& deliveries) {
  if (listener.seen >= tick.last) return;
  auto mine = tick.own.find(listener.participant_id);
  const bool all_new = listener.seen < tick.first;
  if (all_new) {
    const bool has_own = mine != tick.own.end();
    if (!has_own && tick.common_events.empty() && !tick.has_figures) return;
    // The shared part, serialized once for the hall, then the phone's own
    // events if it has any (a check-in wave: thousands of phones, one each);
    // the phone folds them in seq order (docs/protocol.md).
    if (!tick.common) tick.common = batch(tick.common_events, &tick.figures);
    Bytes own = has_own ? codec::own_part(mine->second, tick.may_vote_in(listener.participant_id))
                        : tick.eligibility(listener.participant_id);
    deliveries.push_back({peer, Frame{tick.common.shared, std::move(own)}});
  } else {
    // This phone's own events go in among the others, in seq order.
    std::vector<const v1::Event*> events;
    const std::vector<const v1::Event*> none;
    const auto& personal_events = mine == tick.own.end() ? none : mine->second;
    std::merge(tick.common_events.begin(), tick.common_events.end(), personal_events.begin(), personal_events.end(),
               std::back_inserter(events), [](const v1::Event* a, const v1::Event* b) { return a->seq() < b->seq(); });
    std::erase_if(events, [&](const v1::Event* e) { return e->seq() <= listener.seen; });
    if (!events.empty() || tick.has_figures)
      deliveries.push_back({peer, Frame{batch(events, &tick.figures).shared, tick.eligibility(listener.participant_id)}});
  }
  listener.seen = tick.last;
  if (peer->lagging()) deliveries.push_back({peer, shelf_.message(View::partial, state_, clock_()), true});
}

}  // namespace gavel::net
