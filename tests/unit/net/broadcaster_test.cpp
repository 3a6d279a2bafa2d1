#include "net/broadcaster.hpp"

#include <gtest/gtest.h>

#include "codec/codec.hpp"
#include "recording_peer.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using core::cmd::CastBallot;

// Ten residents r1..r10 checked in, item "x" open, a named vote open on a
// seconded motion; a broadcaster whose timers the test runs by hand.
class Broadcasting : public ::testing::Test {
 protected:
  Broadcasting() : m(SetupBuilder().members("r", 10).item("x").build()) {
    m.start();
    m.check_in_fixed_members();
    m.open("x");
    core::Id motion = m.ok(core::cmd::ProposeMotion{"动议", 0, "r1"}, chair()).created_id;
    m.ok(core::cmd::SecondMotion{motion, "r2"}, chair());
    core::VoteSpec spec = vote_on(motion);
    m.ok(core::cmd::OpenVote{spec}, chair());
  }

  std::shared_ptr<RecordingPeer> join(net::Audience audience, std::string participant = "") {
    auto peer = std::make_shared<RecordingPeer>();
    broadcaster.join(peer, audience, std::move(participant), m.state().seq);
    return peer;
  }
  // Each command is its own group commit, published as it becomes durable.
  core::Decision commit(const core::Command& command, const core::Actor& actor) {
    return commit_to(broadcaster, command, actor);
  }
  core::Decision commit_to(net::Broadcaster& to, const core::Command& command, const core::Actor& actor) {
    core::Decision decision = m.ok(command, actor);
    std::vector<v1::Event> wire;
    for (const core::Event& event : decision.events) codec::to_wire(event, &wire.emplace_back());
    to.published(wire);
    return decision;
  }
  static core::Command a_ballot() { return CastBallot{0, {0}, "", "", "", ""}; }
  void vote(const std::string& who) { commit(a_ballot(), participant(who)); }
  // Runs every timer due by now, as the strand would.
  void run_due() {
    auto due = std::move(timers);
    timers.clear();
    for (auto& [at, work] : due) {
      if (at <= now) work();
      else timers.emplace_back(at, std::move(work));
    }
  }

  MeetingDriver m;
  core::Millis now = 1'000'000;
  std::vector<std::pair<core::Millis, std::function<void()>>> timers;
  net::SnapshotShelf shelf;
  net::Broadcaster broadcaster{m.state(), shelf,
                               [this](core::Millis delay, std::function<void()> work) {
                                 timers.emplace_back(now + delay, std::move(work));
                               },
                               [this] { return now; }};
};

TEST_F(Broadcasting, APhoneGetsOneBatchPerTickWithItsOwnBallotAndTheTurnoutNotOthersBallots) {
  auto r1 = join(net::Audience::phone, "r1");
  auto r9 = join(net::Audience::phone, "r9");
  for (const char* who : {"r1", "r2", "r3", "r4", "r5"}) vote(who);
  ASSERT_EQ(timers.size(), 1u) << "one tick for the phones, however many commits";
  run_due();

  ASSERT_EQ(r1->frames.size(), 1u);
  const v1::EventBatch& mine = r1->frames[0].events();
  ASSERT_EQ(mine.events_size(), 1);
  EXPECT_EQ(mine.events(0).ballot_recorded().participant_id(), "r1");
  EXPECT_EQ(mine.turnout().cast(), 5u);
  EXPECT_EQ(mine.turnout().vote_id(), m.state().open_vote()->id);

  ASSERT_EQ(r9->frames.size(), 1u);
  EXPECT_EQ(r9->frames[0].events().events_size(), 0) << "nobody else's ballot reaches a phone";
  EXPECT_EQ(r9->frames[0].events().turnout().cast(), 5u);
  EXPECT_TRUE(r9->droppables[0]) << "a batch may be dropped for a phone that fell behind";
}

// In a hall of 10,000 the names of everyone eligible would go to every phone
// (and be built again for each phone whose own ballot is in the batch).
TEST_F(Broadcasting, APhoneIsToldWhetherItMayVoteAndHowManyMayNotEveryonesNames) {
  commit(core::cmd::CloseVote{}, chair());
  commit(core::cmd::CheckOut{"r3"}, chair());
  auto r1 = join(net::Audience::phone, "r1");
  auto r3 = join(net::Audience::phone, "r3");
  auto officer = join(net::Audience::officer);
  core::Id motion = commit(core::cmd::ProposeMotion{"第二项动议", 0, "r1"}, chair()).created_id;
  commit(core::cmd::SecondMotion{motion, "r2"}, chair());
  commit(core::cmd::OpenVote{vote_on(motion)}, chair());
  const core::Id opened = m.state().open_vote()->id;
  vote("r1");
  run_due();

  auto opening = [](const v1::ServerMessage& frame) {
    for (const v1::Event& event : frame.events().events())
      if (event.has_vote_opened()) return event.vote_opened();
    ADD_FAILURE() << "no vote_opened in the batch";
    return v1::VoteOpened();
  };
  ASSERT_EQ(officer->frames.size(), 1u);
  EXPECT_EQ(opening(officer->frames[0]).eligible_size(), 9) << "officers see who may vote";
  for (const auto& [who, peer] : {std::pair{"r1", r1}, std::pair{"r3", r3}}) {
    ASSERT_EQ(peer->frames.size(), 1u) << who;
    EXPECT_EQ(opening(peer->frames[0]).eligible_size(), 0) << who << " is sent nobody's names";
    EXPECT_EQ(opening(peer->frames[0]).eligible_count(), 9u) << who;
  }
  // r1's batch is its own (it holds r1's ballot), r3's the hall's.
  const auto& r1_may = r1->frames[0].events().eligible_votes();
  EXPECT_EQ(std::vector<std::uint64_t>(r1_may.begin(), r1_may.end()), std::vector<std::uint64_t>{opened});
  EXPECT_EQ(r3->frames[0].events().eligible_votes_size(), 0) << "r3 checked out before the opening";
}

TEST_F(Broadcasting, OfficersGetEveryEventInOneBatchAndTheProjectorOnlyItsSnapshot) {
  auto chair_screen = join(net::Audience::officer);
  auto projector = join(net::Audience::projector);
  for (const char* who : {"r1", "r2", "r3"}) vote(who);
  run_due();

  ASSERT_EQ(chair_screen->frames.size(), 1u);
  EXPECT_EQ(chair_screen->frames[0].events().events_size(), 3);
  EXPECT_EQ(chair_screen->snapshots, 0) << "officers get events, not a snapshot per batch";
  EXPECT_TRUE(projector->frames.empty()) << "the display draws from its snapshot alone";
  ASSERT_TRUE(projector->snapshot);
  EXPECT_EQ(projector->snapshot->snapshot().seq(), m.state().seq);
  EXPECT_EQ(projector->snapshot->snapshot().current_vote().cast(), 3u);
  EXPECT_TRUE(projector->snapshot->snapshot().roster_partial());
  EXPECT_NE(projector->snapshot->server_time_ms(), 0) << "every message carries the server's clock";
}

TEST_F(Broadcasting, ScreensTickAtFiftyHertzAndPhonesTurnoutOnceASecondUnderLoad) {
  auto officer = join(net::Audience::officer);
  auto phone = join(net::Audience::phone, "r9");
  vote("r1");
  run_due();  // the first batch after a quiet spell goes out at once
  EXPECT_EQ(officer->frames.size(), 1u);
  EXPECT_EQ(phone->frames.size(), 1u);
  now += 10;
  vote("r2");
  ASSERT_EQ(timers.size(), 2u);
  std::vector<core::Millis> due;
  for (const auto& [at, work] : timers) due.push_back(at - now);
  std::sort(due.begin(), due.end());
  EXPECT_EQ(due, (std::vector<core::Millis>{10, 990})) << "ballots only move the phones' turnout: once a second";
  now += 10;
  run_due();
  EXPECT_EQ(officer->frames.size(), 2u);
  EXPECT_EQ(phone->frames.size(), 1u);
  now += 980;
  run_due();
  EXPECT_EQ(phone->frames.size(), 2u);
  EXPECT_EQ(phone->frames[1].events().turnout().cast(), 2u);
}

TEST_F(Broadcasting, TheProjectorTicksAHundredTimesASecondAndTheOfficersFifty) {
  auto officer = join(net::Audience::officer);
  auto projector = join(net::Audience::projector);
  vote("r1");
  run_due();  // the first batch after a quiet spell goes out at once
  ASSERT_EQ(projector->snapshots, 1);
  ASSERT_EQ(officer->frames.size(), 1u);
  now += 2;
  vote("r2");
  std::vector<core::Millis> due;
  for (const auto& [at, work] : timers) due.push_back(at - now);
  std::sort(due.begin(), due.end());
  EXPECT_EQ(due, (std::vector<core::Millis>{8, 18}));
  now += 8;
  run_due();
  EXPECT_EQ(projector->snapshots, 2);
  EXPECT_EQ(projector->snapshot->snapshot().current_vote().cast(), 2u) << "the turnout 10 ms after the last";
  EXPECT_EQ(officer->frames.size(), 1u) << "the officers wait for their own tick";
  now += 10;
  run_due();
  ASSERT_EQ(officer->frames.size(), 2u);
  EXPECT_EQ(officer->frames[1].events().events_size(), 1);
  EXPECT_EQ(projector->snapshots, 2) << "nothing new for the projector: no snapshot";
}

TEST_F(Broadcasting, AScreensTickWhoseTimerIsLateGoesWithTheNextCommitAndOnlyOnce) {
  auto officer = join(net::Audience::officer);
  auto projector = join(net::Audience::projector);
  vote("r1");
  run_due();
  now += 2;
  vote("r2");  // the projector's tick is due in 8 ms, the officers' in 18
  now += 9;    // its timer has not run: the I/O threads are busy
  vote("r3");
  ASSERT_EQ(projector->snapshots, 2) << "the late tick went with the commit";
  EXPECT_EQ(projector->snapshot->snapshot().current_vote().cast(), 3u);
  EXPECT_EQ(officer->frames.size(), 1u) << "the officers' tick is not due yet";
  now += 10;
  vote("r4");
  ASSERT_EQ(officer->frames.size(), 2u);
  EXPECT_EQ(officer->frames[1].events().events_size(), 3) << "r2, r3 and r4 in one batch";
  run_due();  // the late timers find their ticks gone
  EXPECT_EQ(officer->frames.size(), 2u);
  EXPECT_EQ(projector->snapshots, 3);
  EXPECT_EQ(projector->snapshot->snapshot().current_vote().cast(), 4u);
}

TEST_F(Broadcasting, NewsForThePhonesBringsTheirWaitingTurnoutForwardToFourTimesASecond) {
  auto phone = join(net::Audience::phone, "r9");
  vote("r1");
  run_due();
  now += 10;
  vote("r2");
  ASSERT_EQ(timers.size(), 1u);
  EXPECT_EQ(timers[0].first - now, 990);
  commit(core::cmd::RequestFloor{core::RequestKind::contribution, ""}, participant("r4"));
  ASSERT_EQ(timers.size(), 2u);
  EXPECT_EQ(timers[1].first - now, 240) << "someone asked to speak: the phones' pace";
  now += 240;
  run_due();
  ASSERT_EQ(phone->frames.size(), 2u);
  const v1::EventBatch& batch = phone->frames[1].events();
  EXPECT_EQ(batch.turnout().cast(), 2u) << "the turnout rides along";
  ASSERT_EQ(batch.events_size(), 1);
  EXPECT_TRUE(batch.events(0).has_floor_requested());
  now += 750;
  run_due();
  EXPECT_TRUE(timers.empty());
  EXPECT_EQ(phone->frames.size(), 2u) << "the tick it replaced sends nothing";
  now += 10;
  vote("r3");
  ASSERT_EQ(timers.size(), 1u);
  EXPECT_EQ(timers[0].first - now, 240) << "a second after the last tick, news or not";
}

TEST_F(Broadcasting, APhoneSeesThePeopleItsEventsNameAndTheAttendanceItsCheckInsMove) {
  auto phone = join(net::Audience::phone, "r9");
  commit(core::cmd::CheckOut{"r3"}, chair());
  commit(core::cmd::RequestFloor{core::RequestKind::contribution, ""}, participant("r4"));
  run_due();
  ASSERT_EQ(phone->frames.size(), 1u);
  const v1::EventBatch& batch = phone->frames[0].events();
  ASSERT_EQ(batch.events_size(), 2);
  EXPECT_TRUE(batch.has_attendance());
  EXPECT_EQ(batch.attendance().present(), 9u);
  ASSERT_EQ(batch.names_size(), 2);
  EXPECT_EQ(batch.names(1).id(), "r4");
}

// 5,000 phones checking in at once cost the hall's strand 24-33 ms a tick
// while each phone's batch was built and serialized whole.
TEST_F(Broadcasting, ACheckInWaveSharesOnePartAndEachPhoneAddsOnlyItsOwnCheckIn) {
  const std::vector<std::string> arriving = {"r4", "r5", "r6"};
  for (const std::string& who : arriving) commit(core::cmd::CheckOut{who}, chair());
  run_due();
  std::vector<std::shared_ptr<RecordingPeer>> phones;
  for (const std::string& who : arriving) phones.push_back(join(net::Audience::phone, who));
  auto onlooker = join(net::Audience::phone, "r9");
  for (const std::string& who : arriving) commit(core::cmd::CheckIn{""}, participant(who));
  now += 1000;
  run_due();

  ASSERT_EQ(onlooker->raw.size(), 1u);
  for (std::size_t i = 0; i < arriving.size(); ++i) {
    SCOPED_TRACE(arriving[i]);
    ASSERT_EQ(phones[i]->frames.size(), 1u);
    EXPECT_EQ(phones[i]->raw[0].shared, onlooker->raw[0].shared) << "the figures are serialized once for the hall";
    const v1::EventBatch& batch = phones[i]->frames[0].events();
    ASSERT_EQ(batch.events_size(), 1) << "its own check-in, nobody else's";
    EXPECT_EQ(batch.events(0).checked_in().participant_id(), arriving[i]);
    EXPECT_EQ(batch.attendance().present(), 10u);
    EXPECT_EQ(batch.seq(), m.state().seq);
  }
  EXPECT_EQ(onlooker->frames[0].events().events_size(), 0);
  EXPECT_EQ(onlooker->frames[0].events().attendance().present(), 10u);
}

TEST_F(Broadcasting, ALaggingPeerCatchesUpFromASnapshotOfItsView) {
  auto officer = join(net::Audience::officer);
  auto phone = join(net::Audience::phone, "r9");
  officer->behind = phone->behind = true;
  vote("r1");
  run_due();
  ASSERT_TRUE(officer->snapshot);
  EXPECT_FALSE(officer->snapshot->snapshot().roster_partial());
  EXPECT_EQ(officer->snapshot->snapshot().roster_size(), 10);
  ASSERT_TRUE(phone->snapshot);
  EXPECT_TRUE(phone->snapshot->snapshot().roster_partial());
  EXPECT_LT(phone->snapshot->snapshot().roster_size(), 10);
}

TEST_F(Broadcasting, APeerGetsOnlyEventsAfterItsSnapshotAndNothingAfterLeaving) {
  vote("r1");
  auto late = join(net::Audience::officer);  // its welcome's snapshot holds r1's ballot
  auto gone = join(net::Audience::officer);
  vote("r2");
  broadcaster.leave(gone.get());
  run_due();
  ASSERT_EQ(late->frames.size(), 1u);
  ASSERT_EQ(late->frames[0].events().events_size(), 1);
  EXPECT_EQ(late->frames[0].events().events(0).ballot_recorded().participant_id(), "r2");
  EXPECT_TRUE(gone->frames.empty());
}

// A tick for 5,000 phones held the hall's strand 7-11 ms during a vote, and
// every vote's answer waited behind it.
TEST_F(Broadcasting, AHallsTickIsHandedOutATurnAtATimeEachPhoneOnceAndInTickOrder) {
  const std::size_t kTurn = net::Broadcaster::kPhonesPerTurn;
  std::vector<std::shared_ptr<RecordingPeer>> phones;
  for (std::size_t i = 0; i < 2 * kTurn + 10; ++i) phones.push_back(join(net::Audience::phone, "r9"));
  auto received = [&] {
    std::size_t n = 0;
    for (const auto& phone : phones) n += phone->frames.size();
    return n;
  };
  vote("r1");
  run_due();
  EXPECT_EQ(received(), kTurn) << "one turn on the strand";
  ASSERT_EQ(timers.size(), 1u);
  EXPECT_EQ(timers[0].first, now) << "the next turn is posted at once, after what waits on the strand";

  // A phone gone between turns is skipped; the next tick finishes this one first.
  auto waiting = std::find_if(phones.begin(), phones.end(), [](const auto& phone) { return phone->frames.empty(); });
  ASSERT_NE(waiting, phones.end());
  std::iter_swap(waiting, phones.end() - 1);
  broadcaster.leave(phones.back().get());
  vote("r2");
  now += 1000;
  run_due();
  for (std::size_t i = 0; i + 1 < phones.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_GE(phones[i]->frames.size(), 1u);
    EXPECT_EQ(phones[i]->frames[0].events().turnout().cast(), 1u) << "the first tick's batch comes first";
  }
  EXPECT_TRUE(phones.back()->frames.empty());
  while (!timers.empty()) run_due();
  for (std::size_t i = 0; i + 1 < phones.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_EQ(phones[i]->frames.size(), 2u) << "each tick once";
    EXPECT_EQ(phones[i]->frames[1].events().turnout().cast(), 2u);
  }
}

TEST_F(Broadcasting, ABigHallsPhonesTickLessOftenTheMorePhonesListen) {
  net::Pace pace;
  pace.per_phone = std::chrono::milliseconds(5);
  net::Broadcaster big{m.state(), shelf,
                       [this](core::Millis delay, std::function<void()> work) {
                         timers.emplace_back(now + delay, std::move(work));
                       },
                       [this] { return now; }, pace};
  auto vote_in_big = [&](const std::string& who) { commit_to(big, a_ballot(), participant(who)); };
  auto next_tick_in = [&] {
    EXPECT_EQ(timers.size(), 1u);
    return timers.empty() ? core::Millis{-1} : timers[0].first - now;
  };
  std::vector<std::shared_ptr<RecordingPeer>> phones;
  for (int i = 0; i < 400; ++i) {
    phones.push_back(std::make_shared<RecordingPeer>());
    big.join(phones.back(), net::Audience::phone, "r9", m.state().seq);
  }
  vote_in_big("r1");
  run_due();  // the first batch after a quiet spell goes out at once
  EXPECT_EQ(phones[399]->frames.size(), 1u);
  now += 10;
  vote_in_big("r2");
  EXPECT_EQ(next_tick_in(), 1990) << "400 phones at 5 ms each: a tick every 2 s, not every second";

  for (int i = 0; i < 300; ++i) big.leave(phones[static_cast<std::size_t>(i)].get());
  now += 1990;
  run_due();
  EXPECT_EQ(phones[399]->frames.size(), 2u);
  now += 10;
  vote_in_big("r3");
  EXPECT_EQ(next_tick_in(), 990) << "100 phones left: back to the turnout's second";
}

}  // namespace
}  // namespace gavel::test
