// The simulator's ledger check: exact when every last press was answered,
// and allowing exactly the devices whose last press had no answer.
#include <gtest/gtest.h>

#include "knobs.hpp"
#include "ledger.hpp"

namespace gavel::sim {
namespace {

v1::VoteResult result(std::uint32_t cast, std::vector<std::uint32_t> counts) {
  v1::VoteResult r;
  r.set_cast(cast);
  for (std::uint32_t c : counts) r.add_counts()->set_count(c);
  return r;
}

TEST(Ledger, PassesWhenTheTallyEqualsTheAnsweredPresses) {
  Ledger ledger(3, 3);
  ledger.sent(0, 1, 1, 0);
  ledger.answered(0, 1, 1, 0u);
  ledger.sent(1, 1, 1, 1);
  ledger.answered(1, 1, 1, 1u);
  ledger.sent(1, 1, 2, 2);  // a change
  ledger.answered(1, 1, 2, 2u);
  ledger.sent(2, 1, 1, 0);
  ledger.answered(2, 1, 1, std::nullopt);  // rejected, nothing stored
  auto check = ledger.check(result(2, {1, 0, 1}));
  EXPECT_TRUE(check.passed) << check.why;
  EXPECT_EQ(check.certain, 2u);
  EXPECT_EQ(check.uncertain, 0u);
}

TEST(Ledger, FailsWhenABallotIsCountedTwiceOrMissing) {
  Ledger ledger(2, 3);
  ledger.sent(0, 1, 1, 0);
  ledger.answered(0, 1, 1, 0u);
  ledger.sent(1, 1, 1, 1);
  ledger.answered(1, 1, 1, 1u);
  EXPECT_FALSE(ledger.check(result(3, {2, 1, 0})).passed) << "a ballot counted twice";
  EXPECT_FALSE(ledger.check(result(1, {1, 0, 0})).passed) << "an acknowledged ballot missing";
  EXPECT_FALSE(ledger.check(result(2, {0, 2, 0})).passed) << "a ballot counted for the wrong option";
}

TEST(Ledger, AnOlderAnswerArrivingLateDoesNotOverrideTheNewest) {
  Ledger ledger(1, 3);
  ledger.sent(0, 1, 1, 0);
  ledger.sent(0, 1, 2, 2);
  ledger.answered(0, 1, 2, 2u);
  ledger.answered(0, 1, 1, 0u);
  EXPECT_TRUE(ledger.check(result(1, {0, 0, 1})).passed);
}

TEST(Ledger, AnUnansweredLastPressAllowsEitherChoiceAndNothingElse) {
  Ledger ledger(1, 3);
  ledger.sent(0, 1, 1, 0);
  ledger.answered(0, 1, 1, 0u);
  ledger.sent(0, 1, 2, 1);  // the device gave up on its change
  EXPECT_TRUE(ledger.check(result(1, {1, 0, 0})).passed);
  EXPECT_TRUE(ledger.check(result(1, {0, 1, 0})).passed);
  EXPECT_FALSE(ledger.check(result(1, {0, 0, 1})).passed);
  EXPECT_FALSE(ledger.check(result(0, {0, 0, 0})).passed) << "the first press was acknowledged";
  EXPECT_EQ(ledger.check(result(1, {0, 1, 0})).uncertain, 1u);
}

TEST(Ledger, ANewBootsPressesAreNewerThanTheOldBoots) {
  Ledger ledger(1, 3);
  ledger.sent(0, 7, 4, 0);
  ledger.answered(0, 7, 4, 0u);
  ledger.sent(0, 9, 1, 2);  // after a brown-out, sequence 1 again
  ledger.answered(0, 9, 1, 2u);
  EXPECT_TRUE(ledger.check(result(1, {0, 0, 1})).passed);
}

TEST(Scenarios, EachNamedPresetExistsAndUnknownOnesDoNot) {
  for (const char* name : {"board-30", "council-150", "hall-2000", "storm-10000"}) {
    auto k = scenario(name);
    ASSERT_TRUE(k) << name;
    EXPECT_EQ(k->scenario, name);
  }
  EXPECT_EQ(scenario("hall-2000")->clickers, 2000u);
  EXPECT_EQ(scenario("storm-10000")->mode, Mode::wifi);
  EXPECT_GT(scenario("storm-10000")->outage_at_ms, 0);
  EXPECT_FALSE(scenario("hall-3000"));
}

}  // namespace
}  // namespace gavel::sim
