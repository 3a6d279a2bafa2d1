// Sends what became durable to everyone connected, on a clock instead of
// after every group commit: the officers' screens 50 times a second, the
// projector 100, phones a few times a second (once a second when only the
// turnout moved), each one coalesced batch per tick. A phone's batch
// leaves out other people's ballot_recorded and checked_in and carries the
// turnout and the attendance instead, so a vote of N costs about N
// deliveries, not N². Nor does it carry the names of
// everyone eligible in a vote it opens, only their count and whether its
// own participant is among them. The projector gets only the partial
// snapshot it draws from; anyone who lagged gets a snapshot to catch up. A
// voter's own answer does not wait for a tick: the hall sends it the moment
// its commit is durable. Runs on the hall's strand.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/state.hpp"
#include "gavel/v1/envelope.pb.h"
#include "net/handout.hpp"
#include "net/peer.hpp"
#include "net/snapshot_shelf.hpp"

namespace gavel::net {

enum class Audience {
  officer,    // chair, secretary: every event
  projector,  // display: the partial snapshot at each tick, no events
  phone,      // participants: the phone's batch
};

// How often each cohort gets its batch.
struct Pace {
  // Officers' screens: every event, 50 times a second.
  core::Millis screens = 20;
  // The projector: a ballot is on it within 50 ms of its commit. At 40 ms
  // the wait for the tick alone took most of that; under load, at 20 ms, the
  // tick and the queues behind it still did. Its one snapshot a tick costs
  // the hall little, so it ticks twice as often as the officers.
  core::Millis projector = 10;
  // What a person reads or acts on (a vote opened, the speaker, their own
  // check-in) is on the phones within this of its commit.
  core::Millis phones = 250;
  // Ballots only move the phones' turnout line: once a second, trickled out
  // over most of the second. At four a second, a 5,000-phone press spent a
  // third of gaveld's CPU on them and nearly doubled the ack p99 (docs/PERFORMANCE.md);
  // the projector still shows the turnout live.
  core::Millis turnout = 1000;
  // The longest pause between the slices of a turnout tick (handout.hpp):
  // a small hall's few slices spread over most of the second too.
  std::chrono::microseconds turnout_trickle = std::chrono::milliseconds(25);
  // A big hall's phones tick less often: at least this much of the period
  // per phone (10,000 phones, twice a second), so their writes leave the
  // votes' own work room on two cores.
  std::chrono::microseconds per_phone{50};
};

class Broadcaster {
 public:
  using PostAfter = std::function<void(core::Millis delay, std::function<void()>)>;
  using Clock = std::function<core::Millis()>;

  // Where the phones' batches are handed to their sessions, a slice at a
  // time (net/handout.hpp), off the hall's strand; inline when empty.
  using FanOut = Handout::Post;

  // `state` and `shelf` outlive the broadcaster (both are the hall's).
  Broadcaster(const core::MeetingState& state, SnapshotShelf& shelf, PostAfter post_after, Clock clock,
              Pace pace = {}, FanOut fan_out = {});

  // From now on `peer` gets every event after `seen`.
  void join(const std::shared_ptr<Peer>& peer, Audience audience, std::string participant_id, core::Seq seen);
  void leave(const Peer* peer);
  // Durable events, in seq order.
  void published(const std::vector<v1::Event>& events);
  // The state was rebuilt from the record at `seq`: what comes next after
  // it reaches everyone, whatever they were sent before.
  void rewind(core::Seq seq);
  // The peer dropped batches: the latest snapshot of its view.
  void catch_up(const std::shared_ptr<Peer>& peer);
  std::size_t listening() const { return screens_.size() + projectors_.size() + phones_.size(); }
  // Phones handled in one turn on the hall's strand.
  static constexpr std::size_t kPhonesPerTurn = 512;

 private:
  struct Listener {
    std::weak_ptr<Peer> peer;
    Audience audience;
    std::string participant_id;
    core::Seq seen;
    std::size_t slot = 0;  // a phone's place in phone_keys_
  };
  struct Cohort {
    core::Millis period;
    std::vector<std::shared_ptr<const v1::Event>> pending;
    bool scheduled = false;
    core::Millis due = 0;           // of the tick scheduled
    std::uint64_t generation = 0;   // a tick brought forward replaces the one scheduled
    core::Millis last_tick = 0;
  };
  using Listeners = std::unordered_map<const Peer*, Listener>;
  // A vote opened since the phones' last tick, and who may vote in it.
  struct Opened {
    std::uint64_t vote_id;
    std::unordered_set<std::string> eligible;
  };

  struct PhoneTick;

  // The cohort's next tick, `period` after its last, unless one is due
  // sooner. With late_now, a tick whose timer is late runs now instead.
  enum class When { on_timer, late_now };
  void schedule(Cohort& cohort, core::Millis period, void (Broadcaster::*tick)(), When when = When::on_timer);
  void tick_screens();
  void tick_projectors();
  void tick_phones();
  // Hands the tick under way to up to `count` more phones; ends it when all have theirs.
  void hand_phones(std::size_t count);
  void forget_phone(Listeners::iterator it);
  // The phones' period for as many phones as listen now.
  void pace_phones();
  // The phones' period for what is pending: the pace for news, the turnout's for ballots alone.
  core::Millis phone_period() const { return phone_news_ ? phone_cohort_.period : turnout_period_; }
  void deliver_to_phone(PhoneTick& tick, const std::shared_ptr<Peer>& peer, Listener& listener,
                        std::vector<Handout::Delivery>& deliveries);
  Frame batch(const std::vector<const v1::Event*>& events, const v1::EventBatch* figures) const;
  View view_of(Audience audience) const { return audience == Audience::officer ? View::whole : View::partial; }

  const core::MeetingState& state_;
  SnapshotShelf& shelf_;
  PostAfter post_after_;
  Clock clock_;
  Pace pace_;
  std::shared_ptr<Handout> handout_;
  Cohort screen_cohort_, projector_cohort_, phone_cohort_;
  // The projector draws from a snapshot, not events: all its tick needs is
  // the last seq published since (0: none).
  core::Seq projector_upto_ = 0;
  core::Millis turnout_period_ = 0;  // the phones' period when only ballots are pending
  bool phone_news_ = false;          // pending for the phones: more than ballots
  std::vector<Opened> opened_;  // for the phones' next tick
  Listeners screens_, projectors_, phones_;  // screens_: the officers
  // The phones' keys side by side: a tick copies them instead of walking
  // thousands of map nodes on the strand.
  std::vector<const Peer*> phone_keys_;
  std::shared_ptr<PhoneTick> phone_tick_;  // being handed out, a turn at a time
  std::shared_ptr<char> life_ = std::make_shared<char>();
};

}  // namespace gavel::net
