#include "client_lib/clock_offset.hpp"

#include <gtest/gtest.h>

namespace gavel::client {
namespace {

constexpr std::int64_t kServerAhead = 1'700'000'000'000;  // Unix ms vs. steady ms

TEST(ClockOffset, UnknownUntilTheFirstMessage) {
  ClockOffset clock;
  EXPECT_FALSE(clock.known());
  EXPECT_EQ(clock.offset_ms(), 0);
  EXPECT_FALSE(clock.uncertainty_ms());
}

TEST(ClockOffset, OneWayMessagesGiveALowerBound) {
  ClockOffset clock;
  // Stamped at local 1000 (in server time), arrived 5 ms later.
  clock.observe(kServerAhead + 1000, 1005);
  EXPECT_TRUE(clock.known());
  EXPECT_EQ(clock.offset_ms(), kServerAhead - 5);
  EXPECT_FALSE(clock.uncertainty_ms());
  // A faster message tightens it.
  clock.observe(kServerAhead + 2000, 2001);
  EXPECT_EQ(clock.offset_ms(), kServerAhead - 1);
}

TEST(ClockOffset, RoundTripsBoundItFromBothSides) {
  ClockOffset clock;
  // Sent at 1000, answered at local 1010 (server time), received at 1020.
  clock.observe_round_trip(1000, kServerAhead + 1010, 1020);
  EXPECT_EQ(clock.offset_ms(), kServerAhead);
  ASSERT_TRUE(clock.uncertainty_ms());
  EXPECT_EQ(*clock.uncertainty_ms(), 10);
  EXPECT_EQ(clock.server_time_at(5000), kServerAhead + 5000);
}

TEST(ClockOffset, TheTightestRoundTripWins) {
  ClockOffset clock;
  clock.observe_round_trip(1000, kServerAhead + 1040, 1100);  // slow: offset in [-60, +40]
  clock.observe_round_trip(2000, kServerAhead + 2001, 2002);  // fast: offset in [-1, +1]
  EXPECT_NEAR(static_cast<double>(clock.offset_ms()), static_cast<double>(kServerAhead), 1.0);
  EXPECT_LE(*clock.uncertainty_ms(), 1);
}

TEST(ClockOffset, AServerClockStepIsFollowed) {
  ClockOffset clock;
  clock.observe_round_trip(1000, kServerAhead + 1001, 1002);
  // The server's clock jumps 5 s ahead: the old bounds contradict the new.
  clock.observe_round_trip(2000, kServerAhead + 7001, 2002);
  EXPECT_NEAR(static_cast<double>(clock.offset_ms()), static_cast<double>(kServerAhead + 5000), 1.0);
}

TEST(ClockOffset, OldSamplesAgeOut) {
  ClockOffset clock;
  clock.observe(kServerAhead + 1000, 1000);
  // A minute later the server clock is 3 s behind where it was: only newer
  // samples describe it.
  clock.observe(kServerAhead + 61'000 - 3000, 61'002);
  EXPECT_EQ(clock.offset_ms(), kServerAhead - 3002);
}

}  // namespace
}  // namespace gavel::client
