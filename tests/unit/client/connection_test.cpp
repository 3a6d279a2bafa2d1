// The Connection against a scripted server: handshake, answers matched by
// request id, unsolicited messages, timeouts, closes, TLS trust.
#include "client_lib/connection.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "fake_server.hpp"

namespace gavel::client {
namespace {

using namespace std::chrono_literals;
using gavel::testing::ack_for;
using gavel::testing::error_for;
using gavel::testing::FakeServer;
using gavel::testing::Reply;
using gavel::testing::welcome_for;

constexpr std::chrono::milliseconds kShort{300};

Endpoint endpoint_of(const FakeServer& server) { return parse_endpoint(server.url()).value(); }

// Answers the hello with a welcome and every command with the next ack.
Reply polite(const v1::ClientMessage& m) {
  if (m.has_hello()) return {{welcome_for(m)}};
  return {{ack_for(m, 6, 2)}};
}

Result<std::unique_ptr<Connection>> open(const FakeServer& server, TlsOptions tls = {},
                                         std::chrono::milliseconds timeout = 2s) {
  return Connection::open(endpoint_of(server), "chair-token", 0, "test", std::move(tls), timeout);
}

v1::Command open_item(const std::string& id) {
  v1::Command c;
  c.mutable_open_item()->set_item_id(id);
  return c;
}

TEST(Connection, HelloThenWelcome) {
  FakeServer server(polite);
  auto conn = Connection::open(endpoint_of(server), "chair-token", 3, "gavelctl test");
  ASSERT_TRUE(conn.ok()) << describe(conn.error());
  EXPECT_EQ(conn.value()->welcome().role(), v1::ROLE_CHAIR);
  EXPECT_EQ(conn.value()->welcome().snapshot().info().title(), "测试会议");
  EXPECT_EQ(conn.value()->last_seq(), 5u);
  EXPECT_TRUE(conn.value()->is_open());
  EXPECT_TRUE(conn.value()->clock().known());

  const auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  const v1::Hello& hello = received[0].hello();
  EXPECT_EQ(hello.protocol_version(), static_cast<std::uint32_t>(v1::PROTOCOL_VERSION_CURRENT));
  EXPECT_EQ(hello.token(), "chair-token");
  EXPECT_EQ(hello.resume_after_seq(), 3u);
  EXPECT_EQ(hello.client_name(), "gavelctl test");
  EXPECT_NE(received[0].request_id(), 0u);
}

TEST(Connection, CommandGetsItsAckAndEventsWaitInOrder) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    // The events of the command arrive before its ack, as from gaveld.
    v1::ServerMessage events;
    v1::Event* e = events.mutable_events()->add_events();
    e->set_seq(6);
    e->mutable_item_opened()->set_item_id(m.command().open_item().item_id());
    v1::ServerMessage snapshot;
    snapshot.mutable_snapshot()->set_seq(6);
    return {{events, snapshot, ack_for(m, 6, 0)}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok()) << describe(conn.error());
  Connection& c = *conn.value();

  auto ack = c.call(open_item("A1"));
  ASSERT_TRUE(ack.ok()) << describe(ack.error());
  EXPECT_EQ(ack.value().seq(), 6u);
  EXPECT_EQ(c.last_seq(), 5u) << "nothing handed out yet";

  auto first = c.next(0ms);
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->has_events());
  EXPECT_EQ(first->events().events(0).item_opened().item_id(), "A1");
  EXPECT_NE(first->server_time_ms(), 0);
  auto second = c.next(0ms);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->has_snapshot());
  EXPECT_EQ(c.last_seq(), 6u);
  EXPECT_FALSE(c.next(50ms));

  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_GT(received[1].request_id(), received[0].request_id());
  EXPECT_EQ(received[1].command().open_item().item_id(), "A1");
}

TEST(Connection, NextWithoutWaitingStillReadsWhatArrived) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    v1::ServerMessage events;
    events.mutable_events()->add_events()->set_seq(6);
    return {{ack_for(m, 5), events}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(conn.value()->call(open_item("A1")).ok());
  // The events follow the ack: they are on the socket, not yet read.
  std::optional<v1::ServerMessage> message;
  const auto give_up = std::chrono::steady_clock::now() + 2s;
  while (!message && std::chrono::steady_clock::now() < give_up) {
    message = conn.value()->next(0ms);
    std::this_thread::sleep_for(5ms);
  }
  ASSERT_TRUE(message);
  EXPECT_TRUE(message->has_events());
}

TEST(Connection, ServerErrorIsAValue) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    return {{error_for(m, v1::ERROR_NOT_ALLOWED)}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  auto ack = conn.value()->call(open_item("A1"));
  ASSERT_FALSE(ack.ok());
  EXPECT_EQ(ack.error().kind, ErrorKind::server);
  EXPECT_EQ(ack.error().server.code(), v1::ERROR_NOT_ALLOWED);
  EXPECT_EQ(describe(ack.error()), "NOT_ALLOWED: 不行 (no)");
  EXPECT_TRUE(conn.value()->is_open());
}

TEST(Connection, RefusedHello) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    return {{error_for(m, v1::ERROR_UNAUTHENTICATED)}, true, 1008};
  });
  auto conn = open(server);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, ErrorKind::server);
  EXPECT_EQ(conn.error().server.code(), v1::ERROR_UNAUTHENTICATED);
}

TEST(Connection, LateAnswerIsNotMistakenForTheNextOne) {
  std::atomic<int> commands{0};
  v1::ClientMessage first;
  FakeServer server([&](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    if (commands++ == 0) {
      first = m;  // answered only with the next command
      return {};
    }
    return {{ack_for(first, 7, 1), ack_for(m, 8, 2)}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  Connection& c = *conn.value();

  const auto start = std::chrono::steady_clock::now();
  auto timed_out = c.call(open_item("A1"), kShort);
  ASSERT_FALSE(timed_out.ok());
  EXPECT_EQ(timed_out.error().kind, ErrorKind::timeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kShort + 500ms);

  auto ack = c.call(open_item("A2"));
  ASSERT_TRUE(ack.ok()) << describe(ack.error());
  EXPECT_EQ(ack.value().created_id(), 2u);
  EXPECT_FALSE(c.next(50ms)) << "the late ack is dropped, not handed out";
}

TEST(Connection, ServerClosingEndsCallsWithItsLastWord) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    v1::ServerMessage limited;
    limited.mutable_error()->set_code(v1::ERROR_RATE_LIMITED);
    limited.mutable_error()->set_message_en("too many commands");
    return {{limited}, true, 1008};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  Connection& c = *conn.value();
  auto ack = c.call(open_item("A1"));
  ASSERT_FALSE(ack.ok());
  EXPECT_EQ(ack.error().kind, ErrorKind::server);
  EXPECT_EQ(ack.error().server.code(), v1::ERROR_RATE_LIMITED);
  EXPECT_FALSE(c.is_open());
  // The error itself is still handed out, then nothing.
  auto message = c.next(0ms);
  ASSERT_TRUE(message);
  EXPECT_TRUE(message->has_error());
  EXPECT_FALSE(c.next(0ms));
  auto again = c.call(open_item("A2"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().server.code(), v1::ERROR_RATE_LIMITED);
}

TEST(Connection, PlainCloseSaysSo) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    return {{}, true, 1001};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  Connection& c = *conn.value();
  auto ack = c.call(open_item("A1"));
  ASSERT_FALSE(ack.ok());
  EXPECT_EQ(ack.error().kind, ErrorKind::closed);
  EXPECT_NE(ack.error().message_en.find("code 1001"), std::string::npos) << ack.error().message_en;
  EXPECT_FALSE(c.next(100ms));
  ASSERT_TRUE(c.failure());
  EXPECT_EQ(c.failure()->kind, ErrorKind::closed);
}

TEST(Connection, NoWelcomeInTime) {
  FakeServer server([](const v1::ClientMessage&) { return Reply{}; });
  const auto start = std::chrono::steady_clock::now();
  auto conn = open(server, {}, kShort);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, ErrorKind::timeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kShort + 1500ms);
}

TEST(Connection, NothingListening) {
  std::string url;
  {
    FakeServer gone(polite);
    url = gone.url();
    // Connect once so the server's thread finishes and its port closes.
    ASSERT_TRUE(Connection::open(parse_endpoint(url).value(), "t", 0, "test").ok());
  }
  auto conn = Connection::open(parse_endpoint(url).value(), "t", 0, "test", {}, 2s);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, ErrorKind::connect);
  EXPECT_NE(conn.error().message_en.find("cannot connect to 127.0.0.1:"), std::string::npos)
      << conn.error().message_en;
  // gavelctl and the simulator print it in the reader's language.
  EXPECT_NE(conn.error().message_zh.find("无法连接到 127.0.0.1:"), std::string::npos) << conn.error().message_zh;
  EXPECT_EQ(describe(conn.error(), Language::zh), conn.error().message_zh);
  EXPECT_EQ(describe(conn.error(), Language::en), conn.error().message_en);
}

TEST(Connection, PingEstimatesTheServerClock) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    v1::ServerMessage pong;
    pong.set_request_id(m.request_id());
    pong.mutable_pong()->set_client_time_ms(m.ping().client_time_ms());
    return {{pong}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  auto rtt = conn.value()->ping();
  ASSERT_TRUE(rtt.ok()) << describe(rtt.error());
  EXPECT_LT(rtt.value(), 1000ms);
  ASSERT_TRUE(conn.value()->clock().uncertainty_ms());
  // The fake stamps with this machine's wall clock, so the estimate must
  // agree with it to within the round trip.
  EXPECT_NEAR(static_cast<double>(conn.value()->server_now_ms()),
              static_cast<double>(gavel::testing::unix_now_ms()), 100.0);
}

TEST(Connection, PressGetsItsClickerAck) {
  FakeServer server([](const v1::ClientMessage& m) -> Reply {
    if (m.has_hello()) return {{welcome_for(m)}};
    v1::ServerMessage ack;
    ack.set_request_id(m.request_id());
    ack.mutable_clicker_ack()->set_device_id(m.press().device_id());
    ack.mutable_clicker_ack()->set_press_seq(m.press().press_seq());
    ack.mutable_clicker_ack()->set_state(v1::PRESS_ACCEPTED);
    return {{ack}};
  });
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  v1::ClickerPress press;
  press.set_device_id("C07");
  press.set_boot_id(1);
  press.set_press_seq(9);
  press.set_key(1);
  auto ack = conn.value()->press(press);
  ASSERT_TRUE(ack.ok()) << describe(ack.error());
  EXPECT_EQ(ack.value().state(), v1::PRESS_ACCEPTED);
  EXPECT_EQ(ack.value().press_seq(), 9u);
}

TEST(Connection, RefusesToSendWhatTheServerWouldRefuse) {
  FakeServer server(polite);
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  v1::Command c;
  c.mutable_record_dissent()->set_text(std::string(70 * 1024, 'x'));
  auto ack = conn.value()->call(c);
  ASSERT_FALSE(ack.ok());
  EXPECT_EQ(ack.error().kind, ErrorKind::too_large);
  EXPECT_TRUE(conn.value()->is_open());
  EXPECT_TRUE(conn.value()->call(open_item("A1")).ok());
}

TEST(Connection, CloseIsPromptAndFinal) {
  FakeServer server(polite);
  auto conn = open(server);
  ASSERT_TRUE(conn.ok());
  const auto start = std::chrono::steady_clock::now();
  conn.value()->close();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  EXPECT_FALSE(conn.value()->is_open());
  EXPECT_FALSE(conn.value()->failure());
  auto ack = conn.value()->call(open_item("A1"));
  ASSERT_FALSE(ack.ok());
  EXPECT_EQ(ack.error().kind, ErrorKind::closed);
  conn.value()->close();
}

TEST(Connection, TlsWithTheServersCa) {
  FakeServer server(polite, true);
  auto conn = open(server, TlsOptions{server.ca_file(), false});
  ASSERT_TRUE(conn.ok()) << describe(conn.error());
  EXPECT_TRUE(conn.value()->call(open_item("A1")).ok());
}

TEST(Connection, TlsSelfSignedNeedsConsent) {
  {
    FakeServer server(polite, true);
    auto conn = open(server);
    ASSERT_FALSE(conn.ok());
    EXPECT_EQ(conn.error().kind, ErrorKind::tls);
    EXPECT_NE(conn.error().message_en.find("not trusted"), std::string::npos) << conn.error().message_en;
    EXPECT_NE(conn.error().message_zh.find("证书不受信任"), std::string::npos) << conn.error().message_zh;
  }
  FakeServer server(polite, true);
  auto conn = open(server, TlsOptions{"", true});
  ASSERT_TRUE(conn.ok()) << describe(conn.error());
  EXPECT_TRUE(conn.value()->call(open_item("A1")).ok());
}

TEST(Connection, TlsAgainstAPlainServer) {
  FakeServer server(polite);
  Endpoint ep = endpoint_of(server);
  ep.tls = true;
  auto conn = Connection::open(ep, "t", 0, "test", {"", true}, 2s);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, ErrorKind::tls);
}

TEST(Connection, MissingCaFile) {
  FakeServer server(polite, true);
  auto conn = open(server, TlsOptions{"/nonexistent/ca.pem", false});
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, ErrorKind::tls);
  EXPECT_NE(conn.error().message_en.find("/nonexistent/ca.pem"), std::string::npos);
  EXPECT_NE(conn.error().message_zh.find("无法打开 CA 文件 /nonexistent/ca.pem"), std::string::npos);
}

}  // namespace
}  // namespace gavel::client
