#include "net/seats.hpp"

#include <gtest/gtest.h>

namespace gavel::test {
namespace {

TEST(Seats, ACredentialHoldsABoundedNumberOfConnections) {
  net::Seats seats;
  net::Credentials p07{core::Role::participant, "P07", ""};
  std::vector<int> connections(net::Seats::kPerParticipant + 1);
  for (std::size_t i = 0; i < net::Seats::kPerParticipant; ++i) EXPECT_TRUE(seats.take(&connections[i], p07));
  EXPECT_FALSE(seats.take(&connections.back(), p07)) << "one more than the limit is refused";
  EXPECT_TRUE(seats.take(&connections.back(), net::Credentials{core::Role::participant, "P08", ""}))
      << "another person is not affected";
  seats.release(&connections[0]);
  EXPECT_EQ(seats.held(p07), net::Seats::kPerParticipant - 1);
  EXPECT_TRUE(seats.take(&connections[0], p07)) << "a closed connection frees its seat";
}

TEST(Seats, OfficersHaveRoomForSeveralScreens) {
  net::Seats seats;
  net::Credentials display{core::Role::display, "", ""};
  std::vector<int> connections(net::Seats::kPerOfficer);
  for (int& c : connections) EXPECT_TRUE(seats.take(&c, display));
  int one_more = 0;
  EXPECT_FALSE(seats.take(&one_more, display));
}

}  // namespace
}  // namespace gavel::test
