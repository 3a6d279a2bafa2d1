// The press ledger: a press is acted on once, whatever arrives after it.
#include <gtest/gtest.h>

#include "clicker/press_ledger.hpp"

namespace gavel::test {
namespace {

using clicker::PressId;
using clicker::PressLedger;
using Seen = PressLedger::Seen;

v1::ClickerAck accepted(std::uint64_t seq) {
  v1::ClickerAck ack;
  ack.set_press_seq(seq);
  ack.set_state(v1::PRESS_ACCEPTED);
  return ack;
}

TEST(PressLedger, ARetransmissionGetsTheFirstAnswer) {
  PressLedger ledger;
  PressId press{"CK-1", 7, 1};
  EXPECT_EQ(ledger.look(press), Seen::fresh);
  ledger.settle(press, accepted(1));
  EXPECT_EQ(ledger.look(press), Seen::answered);
  ASSERT_TRUE(ledger.answer(press));
  EXPECT_EQ(ledger.answer(press)->state(), v1::PRESS_ACCEPTED);
}

TEST(PressLedger, ACopyArrivingBeforeTheFirstSettlesWaitsForItsAnswer) {
  PressLedger ledger;
  PressId press{"CK-1", 7, 1};
  ASSERT_EQ(ledger.look(press), Seen::fresh);
  ASSERT_EQ(ledger.look(press), Seen::pending);
  std::optional<v1::ClickerAck> given;
  ledger.wait(press, [&](const v1::ClickerAck& ack) { given = ack; });
  EXPECT_FALSE(given);
  ledger.settle(press, accepted(1));
  ASSERT_TRUE(given);
  EXPECT_TRUE(given->repeat()) << "the waiting copy is a repeat";
}

TEST(PressLedger, AnOlderPressAfterANewerOneIsStale) {
  PressLedger ledger;
  for (std::uint64_t seq = 1; seq <= 6; ++seq) {
    ASSERT_EQ(ledger.look({"CK-1", 7, seq}), Seen::fresh);
    ledger.settle({"CK-1", 7, seq}, accepted(seq));
  }
  EXPECT_EQ(ledger.look({"CK-1", 7, 1}), Seen::stale) << "older than the newest";
  EXPECT_EQ(ledger.look({"CK-1", 7, 5}), Seen::stale) << "remembered or not, the device has moved on";
  EXPECT_EQ(ledger.look({"CK-1", 7, 6}), Seen::answered);
}

TEST(PressLedger, ANewBootRestartsTheSequenceAndTheOldBootIsStale) {
  PressLedger ledger;
  ASSERT_EQ(ledger.look({"CK-1", 7, 5}), Seen::fresh);
  ledger.settle({"CK-1", 7, 5}, accepted(5));
  EXPECT_EQ(ledger.look({"CK-1", 8, 1}), Seen::fresh) << "a brown-out starts again at 1";
  ledger.settle({"CK-1", 8, 1}, accepted(1));
  EXPECT_EQ(ledger.look({"CK-1", 7, 5}), Seen::stale) << "a late copy from before the brown-out";
  EXPECT_EQ(ledger.look({"CK-1", 7, 6}), Seen::stale);
}

TEST(PressLedger, DevicesAreIndependent) {
  PressLedger ledger;
  EXPECT_EQ(ledger.look({"CK-1", 1, 3}), Seen::fresh);
  EXPECT_EQ(ledger.look({"CK-2", 1, 1}), Seen::fresh);
  EXPECT_EQ(ledger.devices(), 2u);
}

}  // namespace
}  // namespace gavel::test
