#include "net/broadcaster.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

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
}  // namespace

Broadcaster::Broadcaster(const core::MeetingState& state, SnapshotShelf& shelf, PostAfter post_after, Clock clock,
                         Pace pace, FanOut fan_out)
    : state_(state),
      shelf_(shelf),
      post_after_(std::move(post_after)),
      clock_(std::move(clock)),
      handout_(std::make_shared<Handout>(std::move(fan_out))) {
  screen_cohort_.period = pace.screens;
  phone_cohort_.period = pace.phones;
}

void Broadcaster::join(const std::shared_ptr<Peer>& peer, Audience audience, std::string participant_id,
                       core::Seq seen) {
  Listeners& listeners = audience == Audience::phone ? phones_ : screens_;
  listeners.insert_or_assign(peer.get(), Listener{peer, audience, std::move(participant_id), seen});
}

void Broadcaster::leave(const Peer* peer) {
  screens_.erase(peer);
  phones_.erase(peer);
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
    phone_cohort_.pending.push_back(std::move(shared));
  }
  if (!screen_cohort_.pending.empty()) schedule(screen_cohort_, &Broadcaster::tick_screens);
  if (!phone_cohort_.pending.empty()) schedule(phone_cohort_, &Broadcaster::tick_phones);
}

void Broadcaster::rewind(core::Seq seq) {
  for (Listeners* listeners : {&screens_, &phones_})
    for (auto& [key, listener] : *listeners) listener.seen = std::min(listener.seen, seq);
}

void Broadcaster::catch_up(const std::shared_ptr<Peer>& peer) {
  for (Listeners* listeners : {&screens_, &phones_}) {
    auto it = listeners->find(peer.get());
    if (it != listeners->end()) peer->deliver_snapshot(shelf_.message(view_of(it->second.audience), state_, clock_()));
  }
}

void Broadcaster::schedule(Cohort& cohort, void (Broadcaster::*tick)()) {
  if (cohort.scheduled) return;
  cohort.scheduled = true;
  // The first event after a quiet spell goes out at once; under load, one batch per period.
  core::Millis delay = std::max<core::Millis>(0, cohort.last_tick + cohort.period - clock_());
  std::weak_ptr<char> life = life_;
  post_after_(delay, [this, life, tick] {
    if (life.lock()) (this->*tick)();
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
  Frame common, projection;
  for (auto it = screens_.begin(); it != screens_.end();) {
    auto peer = it->second.peer.lock();
    if (!peer) {
      it = screens_.erase(it);
      continue;
    }
    Listener& listener = (it++)->second;
    if (listener.seen >= last) continue;
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
    if (listener.audience == Audience::projector) {
      if (!projection) projection = shelf_.message(View::partial, state_, clock_());
      peer->deliver_snapshot(projection);
    } else if (peer->lagging()) {
      peer->deliver_snapshot(shelf_.message(View::whole, state_, clock_()));
    }
  }
}

void Broadcaster::tick_phones() {
  phone_cohort_.scheduled = false;
  phone_cohort_.last_tick = clock_();
  auto pending = std::move(phone_cohort_.pending);
  phone_cohort_.pending.clear();
  auto opened = std::move(opened_);
  opened_.clear();
  if (pending.empty()) return;
  core::Seq first = pending.front()->seq(), last = pending.back()->seq();

  // Whether a phone's participant may vote in what opened: one shared part
  // per set of votes (nearly always one vote, so one part for the hall).
  std::map<std::vector<std::uint64_t>, Bytes> eligibility_parts;
  auto may_vote_in = [&](const std::string& participant_id) {
    std::vector<std::uint64_t> votes;
    for (const Opened& vote : opened)
      if (vote.eligible.count(participant_id)) votes.push_back(vote.vote_id);
    return votes;
  };
  auto eligibility = [&](const std::string& participant_id) -> Bytes {
    std::vector<std::uint64_t> votes = may_vote_in(participant_id);
    if (votes.empty()) return nullptr;
    Bytes& part = eligibility_parts[votes];
    if (!part) part = codec::eligibility_part(votes);
    return part;
  };

  std::vector<const v1::Event*> common_events;
  std::unordered_map<std::string_view, std::vector<const v1::Event*>> own;
  bool attendance = false, turnout = false;
  for (const auto& event : pending) {
    if (event->has_checked_in() || event->has_checked_out()) attendance = true;
    if (event->has_ballot_recorded()) turnout = true;
    if (const std::string* owner = personal(*event)) own[*owner].push_back(event.get());
    else common_events.push_back(event.get());
  }
  v1::EventBatch figures;
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
  for (const v1::Event* event : common_events)
    for (std::string_view id : codec::people_in(*event)) name(id);
  if (attendance) {
    auto on_screen = codec::people_named(state_);
    for (const auto& event : pending)
      if (event->has_checked_in() && on_screen.count(event->checked_in().participant_id()))
        name(event->checked_in().participant_id());
  }
  bool has_figures = figures.has_attendance() || figures.has_turnout() || figures.names_size() > 0;
  figures.set_seq(last);

  // Built here, on the hall's strand; handed out by handout_.
  std::vector<Handout::Delivery> deliveries;
  deliveries.reserve(phones_.size());
  Frame common;
  for (auto it = phones_.begin(); it != phones_.end();) {
    auto peer = it->second.peer.lock();
    if (!peer) {
      it = phones_.erase(it);
      continue;
    }
    Listener& listener = (it++)->second;
    if (listener.seen >= last) continue;
    auto mine = own.find(listener.participant_id);
    const bool all_new = listener.seen < first;
    if (mine == own.end() && all_new) {
      if (common_events.empty() && !has_figures) continue;
      if (!common) common = batch(common_events, &figures);
      deliveries.push_back({peer, Frame{common.shared, eligibility(listener.participant_id)}});
    } else if (all_new) {
      // Its own events (a check-in wave: thousands of phones, one each)
      // after the shared part, which is serialized once, not per phone; the
      // phone folds them in seq order (docs/protocol.md).
      if (!common) common = batch(common_events, &figures);
      deliveries.push_back({peer, Frame{common.shared, codec::own_part(mine->second, may_vote_in(listener.participant_id))}});
    } else {
      // This phone's own events go in among the others, in seq order.
      std::vector<const v1::Event*> events;
      const std::vector<const v1::Event*> none;
      const auto& personal_events = mine == own.end() ? none : mine->second;
      std::merge(common_events.begin(), common_events.end(), personal_events.begin(), personal_events.end(),
                 std::back_inserter(events), [](const v1::Event* a, const v1::Event* b) { return a->seq() < b->seq(); });
      std::erase_if(events, [&](const v1::Event* e) { return e->seq() <= listener.seen; });
      if (!events.empty() || has_figures)
        deliveries.push_back({peer, Frame{batch(events, &figures).shared, eligibility(listener.participant_id)}});
    }
    listener.seen = last;
    if (peer->lagging()) deliveries.push_back({peer, shelf_.message(View::partial, state_, clock_()), true});
  }
  handout_->add(std::move(deliveries));
}

}  // namespace gavel::net
