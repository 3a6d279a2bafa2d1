// Batched live tallies of a secret vote: never sooner than every 3 seconds,
// never for fewer than 5 new ballots, and only where the meeting allows it.
#include <gtest/gtest.h>

#include "core/live_tally.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class LiveTally : public ::testing::Test {
 protected:
  LiveTally() : m(SetupBuilder().members("r", 12).item("x").live_tally_allowed().build()) {}
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("x");
    Id motion = m.ok(cmd::ProposeMotion{"加装电梯", 0, "r1"}, chair()).created_id;
    m.ok(cmd::SecondMotion{motion, "r2"}, chair());
    m.ok(cmd::OpenVote{vote_on(motion).secret().live_tally()}, chair());
  }
  void cast(int voter, std::uint32_t choice) {
    cmd::CastBallot ballot;
    ballot.choices = {choice};
    ballot.fresh_receipt = "receipt-" + std::to_string(voter);
    m.ok(ballot, participant("r" + std::to_string(voter)));
  }
  const Vote& vote() const { return m.state().votes.back(); }
  MeetingDriver m;
};

TEST_F(LiveTally, NoneIsOwedBeforeFiveBallots) {
  for (int i = 1; i <= 4; ++i) cast(i, 0);
  m.clock.advance_s(10);
  EXPECT_FALSE(live_tally_due(m.state()).has_value());
  EXPECT_FALSE(m.meeting().publish_live_tally(m.clock.now()));
}

TEST_F(LiveTally, FiveBallotsArePublishedTogetherNoSoonerThanThreeSecondsAfterOpening) {
  Millis opened = vote().opened;
  for (int i = 1; i <= 5; ++i) cast(i, i % 2 == 0 ? 1u : 0u);
  auto due = live_tally_due(m.state());
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(*due, opened + kLiveTallyEvery);
  m.clock.set(opened + kLiveTallyEvery - 1);
  EXPECT_FALSE(m.meeting().publish_live_tally(m.clock.now())) << "too soon";
  m.clock.set(opened + kLiveTallyEvery);
  auto published = m.meeting().publish_live_tally(m.clock.now());
  ASSERT_TRUE(published);
  ASSERT_EQ(published.value().events.size(), 1u);
  const auto& tally = std::get<ev::LiveTally>(published.value().events[0].body);
  EXPECT_EQ(tally.cast, 5u);
  EXPECT_EQ(tally.counts[0].count, 3u);
  EXPECT_EQ(tally.counts[1].count, 2u);
  EXPECT_EQ(vote().live_cast, 5u);
}

TEST_F(LiveTally, NextBatchWaitsForFiveMoreAndThreeSecondsMore) {
  for (int i = 1; i <= 5; ++i) cast(i, 0);
  m.clock.advance_s(3);
  ASSERT_TRUE(m.meeting().publish_live_tally(m.clock.now()));
  Millis last = m.clock.now();
  for (int i = 6; i <= 9; ++i) cast(i, 1);
  m.clock.advance_s(30);
  EXPECT_FALSE(live_tally_due(m.state()).has_value()) << "four new ballots are not a batch";
  cast(10, 1);
  ASSERT_TRUE(live_tally_due(m.state()).has_value());
  EXPECT_EQ(*live_tally_due(m.state()), last + kLiveTallyEvery);
}

TEST_F(LiveTally, ChangedBallotsCountTowardsTheBatch) {
  for (int i = 1; i <= 5; ++i) cast(i, 0);
  m.clock.advance_s(3);
  ASSERT_TRUE(m.meeting().publish_live_tally(m.clock.now()));
  for (int i = 6; i <= 9; ++i) cast(i, 1);
  EXPECT_FALSE(live_tally_due(m.state()).has_value());
  cmd::CastBallot change;
  change.choices = {2};
  change.receipt = "receipt-1";
  m.ok(change, participant("r1"));
  EXPECT_TRUE(live_tally_due(m.state()).has_value()) << "four new ballots and one change make a batch";
}

TEST(LiveTallyRules, MeetingThatDoesNotAllowItRefusesALiveSecretVote) {
  MeetingDriver m(SetupBuilder().members("r", 6).item("x").build());
  m.start();
  m.check_in_fixed_members();
  m.open("x");
  Id motion = m.ok(cmd::ProposeMotion{"动议", 0, "r1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "r2"}, chair());
  m.rejects(cmd::OpenVote{vote_on(motion).secret().live_tally()}, chair(), ErrorCode::not_allowed);
  m.ok(cmd::OpenVote{vote_on(motion).secret()}, chair());
  EXPECT_FALSE(live_tally_due(m.state()).has_value());
}

}  // namespace
}  // namespace gavel::test
