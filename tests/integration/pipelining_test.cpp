// A client that pipelines far more commands than its rate allows is never
// left unsure: every command is either refused before it is applied, or
// acknowledged before the connection closes. The real gaveld on loopback.
#include <gtest/gtest.h>

#include <map>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

TEST(Pipelining, EveryStoredCommandOfAFloodIsAcknowledgedBeforeTheClose) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::open_item("parking")));

  RawSocket secretary(server.endpoint().host, server.endpoint().port);
  secretary.send(RawSocket::hello(server.token("secretary")));
  auto welcome = secretary.receive();
  ASSERT_TRUE(welcome && welcome->has_welcome());

  constexpr int kCommands = 250;
  for (int i = 0; i < kCommands; ++i) {
    v1::ClientMessage message;
    message.set_request_id(1000 + static_cast<std::uint64_t>(i));
    *message.mutable_command() = cmd::record_dissent("异议 " + std::to_string(i));
    ASSERT_TRUE(secretary.send(message)) << "the server closed before reading command " << i;
  }
  std::map<std::uint64_t, int> answers;
  int acks = 0, limited = 0;
  while (auto message = secretary.receive()) {
    if (message->request_id() >= 1000) ++answers[message->request_id()];
    if (message->has_ack()) ++acks;
    if (message->has_error() && message->error().code() == v1::ERROR_RATE_LIMITED) ++limited;
  }
  EXPECT_EQ(secretary.close_code(), 1008) << "a flood ends in a policy close";
  for (const auto& [id, count] : answers) EXPECT_EQ(count, 1) << "request " << id << " answered " << count << " times";

  // What the meeting holds is exactly what was acknowledged.
  auto display = server.connect_as("display");
  int stored = display->welcome().snapshot().dissent_size();
  EXPECT_EQ(stored, acks) << "stored commands without an acknowledgement";
  EXPECT_GT(acks, 0);
  EXPECT_GT(limited, 0);
  std::cout << kCommands << " pipelined: " << acks << " acknowledged and stored, " << limited
            << " refused as rate-limited, the rest unread before the close\n";
}

}  // namespace
}  // namespace gavel::test
