// One credential holds a bounded number of connections: a client that opens
// many with one token and never reads cannot pin a send queue in each.
#include <gtest/gtest.h>

#include <chrono>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

constexpr int kSeatsPerParticipant = 8;  // server/net/seats.hpp

TEST(ConnectionLimits, AParticipantTokenHoldsEightConnectionsAndTheNinthIsRefused) {
  GaveldProcess server;
  const std::string token = server.participant_token("P03");
  auto open = [&] { return std::make_unique<RawSocket>(server.endpoint().host, server.endpoint().port); };
  std::vector<std::unique_ptr<RawSocket>> held;
  for (int i = 0; i < kSeatsPerParticipant; ++i) {
    held.push_back(open());
    held.back()->send(RawSocket::hello(token));
    auto welcome = held.back()->receive();
    ASSERT_TRUE(welcome && welcome->has_welcome()) << "connection " << i + 1 << " was not welcomed";
  }
  auto ninth = open();
  ninth->send(RawSocket::hello(token));
  auto refusal = ninth->receive();
  ASSERT_TRUE(refusal && refusal->has_error());
  EXPECT_EQ(refusal->error().code(), v1::ERROR_LIMIT_REACHED);
  EXPECT_FALSE(refusal->error().message_zh().empty());
  EXPECT_FALSE(ninth->receive());
  EXPECT_EQ(ninth->close_code(), 1008);

  // Another person is not affected, and a closed connection frees its seat.
  auto other = server.connect_participant("P04");
  EXPECT_TRUE(other->is_open());
  held.pop_back();
  bool welcomed = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!welcomed && std::chrono::steady_clock::now() < deadline) {
    auto again = open();
    again->send(RawSocket::hello(token));
    auto reply = again->receive();
    welcomed = reply && reply->has_welcome();
    if (welcomed) held.push_back(std::move(again));
  }
  EXPECT_TRUE(welcomed) << "the seat of a closed connection was never freed";
}

}  // namespace
}  // namespace gavel::test
