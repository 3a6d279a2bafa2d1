// Malformed and hostile input: each gets its typed error or a policy close,
// nothing changes, and the server stays up for everyone else.
#include <gtest/gtest.h>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

class HostileInput : public ::testing::Test {
 protected:
  std::unique_ptr<RawSocket> raw() const {
    return std::make_unique<RawSocket>(server_.endpoint().host, server_.endpoint().port);
  }
  std::unique_ptr<RawSocket> welcomed(const std::string& token) const {
    auto socket = raw();
    socket->send(RawSocket::hello(token));
    auto reply = socket->receive();
    EXPECT_TRUE(reply && reply->has_welcome());
    return socket;
  }
  void expect_server_still_serves() const {
    auto chair = server_.connect_as("chair");
    EXPECT_TRUE(chair->is_open());
    auto health = http_get(server_.endpoint().host, server_.endpoint().port, "/healthz");
    EXPECT_EQ(health.status, 200);
  }
  GaveldProcess server_;
};

TEST_F(HostileInput, GarbageBytesGetBadMessageAndTheConnectionStaysUsable) {
  auto socket = raw();
  socket->send(std::string("\xff\xfe\x00garbage\x01", 11));
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_BAD_MESSAGE);
  socket->send(RawSocket::hello(server_.token("chair")));
  auto welcome = socket->receive();
  ASSERT_TRUE(welcome);
  EXPECT_TRUE(welcome->has_welcome());
}

TEST_F(HostileInput, TruncatedMessageIsRefusedAsBadMessage) {
  auto socket = raw();
  std::string hello = RawSocket::hello(server_.token("chair")).SerializeAsString();
  socket->send(hello.substr(0, hello.size() - 5));
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_BAD_MESSAGE);
}

TEST_F(HostileInput, TextFrameIsRefusedAsBadMessage) {
  auto socket = raw();
  socket->send(RawSocket::hello(server_.token("chair")).SerializeAsString(), false);
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_BAD_MESSAGE);
}

TEST_F(HostileInput, FrameOver64KiBClosesTheConnectionWithTooBig) {
  auto socket = welcomed(server_.token("chair"));
  v1::ClientMessage big;
  big.set_request_id(2);
  big.mutable_command()->mutable_record_dissent()->set_text(std::string(70 * 1024, 'x'));
  socket->send(big);
  EXPECT_FALSE(socket->receive());
  EXPECT_EQ(socket->close_code(), 1009);
  expect_server_still_serves();
}

TEST_F(HostileInput, CommandBeforeHelloIsUnauthenticated) {
  auto socket = raw();
  v1::ClientMessage m;
  m.set_request_id(7);
  *m.mutable_command() = cmd::start_meeting();
  socket->send(m);
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_UNAUTHENTICATED);
  auto chair = server_.connect_as("chair");
  EXPECT_EQ(chair->welcome().snapshot().phase(), v1::MEETING_SCHEDULED) << "the meeting must not have started";
}

TEST_F(HostileInput, WrongTokenIsRefusedAndClosed) {
  std::string token = server_.token("chair");
  token[0] = token[0] == 'a' ? 'b' : 'a';
  auto socket = raw();
  socket->send(RawSocket::hello(token));
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_UNAUTHENTICATED);
  EXPECT_FALSE(socket->receive());
  EXPECT_EQ(socket->close_code(), 1008);
}

TEST_F(HostileInput, UnsupportedProtocolVersionIsRefused) {
  auto socket = raw();
  socket->send(RawSocket::hello(server_.token("chair"), 99));
  auto error = socket->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_UNSUPPORTED_VERSION);
}

TEST_F(HostileInput, ValidCommandsFromTheWrongRoleAreNotAllowedAndChangeNothing) {
  auto participant = server_.connect_participant("P01");
  auto opened = participant->call(cmd::start_meeting());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().server.code(), v1::ERROR_NOT_ALLOWED);
  auto display = server_.connect_as("display");
  auto checked = display->call(cmd::check_in("P01"));
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().server.code(), v1::ERROR_NOT_ALLOWED);
  auto chair = server_.connect_as("chair");
  EXPECT_EQ(chair->welcome().snapshot().phase(), v1::MEETING_SCHEDULED);
  EXPECT_EQ(chair->welcome().snapshot().attendance().present(), 0u);
}

TEST_F(HostileInput, UnknownEnumValueIsAnInvalidArgument) {
  auto chair = server_.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::open_item("parking")));
  ASSERT_TRUE(chair->call(cmd::check_in("P01")));
  auto participant = server_.connect_participant("P01");
  auto result = participant->call(cmd::request_floor(static_cast<v1::RequestKind>(42)));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().server.code(), v1::ERROR_INVALID_ARGUMENT);
}

TEST_F(HostileInput, FloodIsRateLimitedThenClosedWithPolicyViolation) {
  auto socket = welcomed(server_.token("chair"));
  v1::ClientMessage ping;
  ping.mutable_ping()->set_client_time_ms(1);
  bool limited = false;
  for (int i = 0; i < 400 && socket->send(ping); ++i) {}
  while (auto message = socket->receive())
    if (message->has_error() && message->error().code() == v1::ERROR_RATE_LIMITED) limited = true;
  EXPECT_TRUE(limited);
  EXPECT_EQ(socket->close_code(), 1008);
  expect_server_still_serves();
}

TEST_F(HostileInput, RepeatedGarbageIsClosedWithPolicyViolation) {
  auto socket = raw();
  for (int i = 0; i < 20 && socket->send(std::string("\x0a\xff", 2)); ++i) {}
  while (socket->receive()) {}
  EXPECT_EQ(socket->close_code(), 1008);
  expect_server_still_serves();
}

TEST_F(HostileInput, HttpServesHealthJoinLinksAndNoFileOutsideTheWebRoot) {
  const auto& e = server_.endpoint();
  EXPECT_EQ(http_get(e.host, e.port, "/healthz").status, 200);
  auto join = http_get(e.host, e.port, "/j/abc123");
  EXPECT_EQ(join.status, 302);
  EXPECT_EQ(join.location, "/#token=abc123");
  EXPECT_EQ(http_get(e.host, e.port, "/../../etc/passwd").status, 404);
  EXPECT_EQ(http_get(e.host, e.port, "/%2e%2e/etc/passwd").status, 404);
  EXPECT_EQ(http_get(e.host, e.port, "/no-such-page").status, 404);
}

}  // namespace
}  // namespace gavel::test
