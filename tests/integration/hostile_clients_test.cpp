// Hostile clients against the real gaveld on loopback: silent connections by
// the thousand, slowloris requests, oversized headers and tokens, invalid
// UTF-8 in every string field, numbers at their limits, a huge dissent and a
// replayed press id. Each ends in a typed error (Chinese and English) or a
// close, changes nothing, and leaves the server serving with bounded memory.
// The table of what was tried is in docs/hostile_input.md.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <limits>
#include <thread>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/stubs/logging.h>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define GAVEL_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GAVEL_UNDER_ASAN 1
#endif
#endif

namespace gavel::test {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using WebSocket = websocket::stream<beast::tcp_stream>;

class HostileClients : public ::testing::Test {
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
  tcp::endpoint endpoint() const {
    return {asio::ip::make_address(server_.endpoint().host),
            static_cast<unsigned short>(std::stoi(server_.endpoint().port))};
  }
  void expect_server_still_serves() const {
    auto chair = server_.connect_as("chair");
    EXPECT_TRUE(chair->is_open());
    EXPECT_TRUE(chair->ping());
    EXPECT_EQ(http_get(server_.endpoint().host, server_.endpoint().port, "/healthz").status, 200);
  }
  v1::MeetingSnapshot snapshot() const { return server_.connect_as("display")->welcome().snapshot(); }

  // The meeting under way on item "parking", P01..P03 checked in.
  void meeting_under_way() const {
    auto chair = server_.connect_as("chair");
    ASSERT_TRUE(chair->call(cmd::start_meeting()));
    ASSERT_TRUE(chair->call(cmd::open_item("parking")));
    for (const char* id : {"P01", "P02", "P03"}) ASSERT_TRUE(chair->call(cmd::check_in(id)));
  }

  static void expect_typed(const v1::Error& error, const std::string& what) {
    EXPECT_NE(error.code(), v1::ERROR_CODE_UNSPECIFIED) << what;
    EXPECT_FALSE(error.message_zh().empty()) << what;
    EXPECT_FALSE(error.message_en().empty()) << what;
  }
  // An acknowledgement, or a typed refusal in both languages.
  static void expect_ack_or_typed(const client::Result<v1::Ack>& result, const std::string& what) {
    if (result) return;
    ASSERT_TRUE(result.error().server.code() != v1::ERROR_CODE_UNSPECIFIED) << what << ": no typed error";
    expect_typed(result.error().server, what);
  }

  GaveldProcess server_;
};

TEST_F(HostileClients, AThousandConnectionsWithoutAHelloAreClosedWithATypedErrorAndMemoryStaysBounded) {
  constexpr int kSilent = 1000;
  asio::io_context io;
  std::vector<std::unique_ptr<WebSocket>> silent;
  long before = server_.resident_kib();
  for (int i = 0; i < kSilent; ++i) {
    auto ws = std::make_unique<WebSocket>(io);
    beast::get_lowest_layer(*ws).connect(endpoint());
    ws->handshake(server_.endpoint().host, "/ws");
    silent.push_back(std::move(ws));
  }
  long during = server_.resident_kib();
  expect_server_still_serves();

  // Each gets its error, then the close; nothing is sent from this side.
  std::atomic<int> typed{0}, closed{0};
  std::vector<beast::flat_buffer> buffers(kSilent);
  std::function<void(int)> read = [&](int i) {
    silent[static_cast<std::size_t>(i)]->async_read(buffers[static_cast<std::size_t>(i)], [&, i](beast::error_code ec, std::size_t) {
      auto& ws = *silent[static_cast<std::size_t>(i)];
      if (ec) {
        if (ws.reason().code == websocket::close_code::policy_error) ++closed;
        return;
      }
      v1::ServerMessage message;
      auto data = buffers[static_cast<std::size_t>(i)].data();
      if (message.ParseFromArray(data.data(), static_cast<int>(data.size())) && message.has_error() &&
          message.error().code() == v1::ERROR_UNAUTHENTICATED && !message.error().message_zh().empty() &&
          !message.error().message_en().empty())
        ++typed;
      buffers[static_cast<std::size_t>(i)].consume(data.size());
      read(i);
    });
  };
  for (int i = 0; i < kSilent; ++i) read(i);
  auto started = Clock::now();
  io.run_for(40s);
  double waited = std::chrono::duration<double>(Clock::now() - started).count();
  EXPECT_EQ(typed.load(), kSilent) << "each silent connection is told why";
  EXPECT_EQ(closed.load(), kSilent) << "each silent connection is closed with 1008";
  expect_server_still_serves();
  long per_connection = (during - before) * 1024 / kSilent;
  std::cout << kSilent << " silent connections: " << per_connection << " bytes of server memory each; all closed "
            << waited << " s after the last opened\n";
#ifndef GAVEL_UNDER_ASAN  // ASan's shadow memory and quarantine are not the server's
  EXPECT_LT(per_connection, 64 * 1024) << "memory per silent connection";
#endif
}

// Sends one byte of `text` per second from the io_context's thread; `ended`
// is set when the server hangs up.
class Trickle {
 public:
  Trickle(asio::io_context& io, const tcp::endpoint& to, std::string text)
      : socket_(io), timer_(io), text_(std::move(text)) {
    socket_.connect(to);
  }
  void start() {
    started_ = Clock::now();
    read();
    next();
  }
  std::atomic<bool> ended{false};
  double seconds() const { return std::chrono::duration<double>(ended_at_ - started_).count(); }
  std::size_t sent() const { return sent_; }

 private:
  void next() {
    if (ended || sent_ >= text_.size()) return;
    beast::error_code ignored;
    asio::write(socket_, asio::buffer(&text_[sent_++], 1), ignored);
    timer_.expires_after(1s);
    timer_.async_wait([this](beast::error_code ec) {
      if (!ec) next();
    });
  }
  void read() {
    socket_.async_read_some(asio::buffer(scratch_), [this](beast::error_code ec, std::size_t) {
      if (!ec) return read();
      ended_at_ = Clock::now();
      ended = true;
      timer_.cancel();
    });
  }
  tcp::socket socket_;
  asio::steady_timer timer_;
  std::string text_;
  std::size_t sent_ = 0;
  std::array<char, 512> scratch_{};
  Clock::time_point started_, ended_at_;
};

// A client's masked binary frame header for `size` payload bytes (< 126).
std::string masked_frame(const std::string& payload) {
  std::string frame = {'\x82', static_cast<char>(0x80 | payload.size()), '\x01', '\x02', '\x03', '\x04'};
  for (std::size_t i = 0; i < payload.size(); ++i) frame += static_cast<char>(payload[i] ^ frame[2 + i % 4]);
  return frame;
}

TEST_F(HostileClients, SlowlorisRequestsAndUpgradesAreCutOffWhileOthersAreServed) {
  asio::io_context io;
  std::string head_start = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  Trickle http(io, endpoint(), head_start + std::string(200, 'a') + "\r\n\r\n");
  Trickle upgrade(io, endpoint(),
                  "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Slow: " +
                      std::string(200, 'a') + "\r\n\r\n");
  // Upgraded at once, then its first frame (a hello) one byte a second.
  WebSocket ws(io);
  beast::get_lowest_layer(ws).connect(endpoint());
  ws.handshake(server_.endpoint().host, "/ws");
  std::string hello = RawSocket::hello(server_.token("chair")).SerializeAsString().substr(0, 100);
  std::string slow_frame = masked_frame(hello);
  std::atomic<bool> frame_ended{false};
  Clock::time_point frame_started = Clock::now(), frame_ended_at;
  std::size_t frame_sent = 0;
  asio::steady_timer frame_timer(io);
  std::function<void()> trickle_frame = [&] {
    if (frame_ended || frame_sent >= slow_frame.size()) return;
    beast::error_code ignored;
    asio::write(beast::get_lowest_layer(ws).socket(), asio::buffer(&slow_frame[frame_sent++], 1), ignored);
    frame_timer.expires_after(1s);
    frame_timer.async_wait([&](beast::error_code ec) {
      if (!ec) trickle_frame();
    });
  };
  std::array<char, 512> scratch{};
  std::function<void()> read_frame = [&] {
    beast::get_lowest_layer(ws).socket().async_read_some(asio::buffer(scratch), [&](beast::error_code ec, std::size_t) {
      if (!ec) return read_frame();
      frame_ended_at = Clock::now();
      frame_ended = true;
      frame_timer.cancel();
    });
  };

  http.start();
  upgrade.start();
  read_frame();
  trickle_frame();
  std::thread attacker([&] { io.run_for(60s); });
  // Others are served while the three trickle.
  expect_server_still_serves();
  bool all_cut = wait_until([&] { return http.ended && upgrade.ended && frame_ended; }, 50s);
  io.stop();
  attacker.join();
  ASSERT_TRUE(all_cut) << "http " << http.ended << ", upgrade " << upgrade.ended << ", frame " << frame_ended;
  double frame_seconds = std::chrono::duration<double>(frame_ended_at - frame_started).count();
  EXPECT_LT(http.sent(), head_start.size() + 200) << "the request head was cut before it was complete";
  EXPECT_LT(frame_sent, slow_frame.size()) << "the frame was cut before it was complete";
  std::cout << "slowloris cut off: HTTP request after " << http.seconds() << " s, WebSocket upgrade after "
            << upgrade.seconds() << " s, trickled first frame after " << frame_seconds << " s\n";
  expect_server_still_serves();
}

TEST_F(HostileClients, OversizedHttpHeadersAreRefusedWith400) {
  const auto& e = server_.endpoint();
  std::string many = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 300; ++i) many += "X-Header-" + std::to_string(i) + ": " + std::string(40, 'v') + "\r\n";
  EXPECT_EQ(raw_http_status(e.host, e.port, many + "\r\n"), 400) << "300 headers, 16 KiB";
  EXPECT_EQ(raw_http_status(e.host, e.port,
                            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + std::string(9 * 1024, 'c') + "\r\n\r\n"),
            400)
      << "one 9 KiB header";
  EXPECT_EQ(raw_http_status(e.host, e.port,
                            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Protocol: " + std::string(20 * 1024, 'p') + "\r\n\r\n"),
            400)
      << "an upgrade with 20 KiB of headers";
  EXPECT_EQ(raw_http_status(e.host, e.port, "GET /" + std::string(70 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400)
      << "a 70 KiB request line";
  expect_server_still_serves();
}

TEST_F(HostileClients, AHelloWithAMegabyteTokenIsClosedAndOneJustUnderTheFrameLimitIsRefused) {
  auto huge = raw();
  huge->send(RawSocket::hello(std::string(1 << 20, 'a')));
  EXPECT_FALSE(huge->receive()) << "over the 64 KiB frame limit: closed";
  // 1009 when the close frame arrives before the reset that the unread rest of the megabyte causes.
  EXPECT_TRUE(huge->close_code() == 1009 || huge->close_code() == 0) << huge->close_code();
  auto large = raw();
  large->send(RawSocket::hello(std::string(60 * 1024, 'a')));
  auto error = large->next_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), v1::ERROR_UNAUTHENTICATED);
  expect_typed(*error, "a 60 KiB token");
  EXPECT_FALSE(large->receive());
  EXPECT_EQ(large->close_code(), 1008);
  expect_server_still_serves();
}

// Every string field reachable from a ClientMessage's body, as a path of fields.
using FieldPath = std::vector<const google::protobuf::FieldDescriptor*>;
void string_fields(const google::protobuf::Descriptor* type, FieldPath& path, std::vector<FieldPath>& out) {
  if (path.size() > 4) return;
  for (int i = 0; i < type->field_count(); ++i) {
    const auto* field = type->field(i);
    path.push_back(field);
    if (field->type() == google::protobuf::FieldDescriptor::TYPE_STRING) out.push_back(path);
    else if (field->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE)
      string_fields(field->message_type(), path, out);
    path.pop_back();
  }
}

// The message with the field at `path` set to bytes that are not UTF-8.
v1::ClientMessage with_invalid_utf8(const FieldPath& path) {
  v1::ClientMessage message;
  message.set_request_id(9);
  google::protobuf::Message* at = &message;
  const std::string bad = "\xc0\xae\xff\xfe \xe4\xb8";  // overlong, never-valid, truncated
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto* field = path[i];
    const auto* reflection = at->GetReflection();
    bool last = i + 1 == path.size();
    if (last) {
      if (field->is_repeated()) reflection->AddString(at, field, bad);
      else reflection->SetString(at, field, bad);
    } else {
      at = field->is_repeated() ? reflection->AddMessage(at, field) : reflection->MutableMessage(at, field);
    }
  }
  return message;
}

std::string name_of(const FieldPath& path) {
  std::string name;
  for (const auto* field : path) name += (name.empty() ? "" : ".") + field->name();
  return name;
}

TEST_F(HostileClients, InvalidUtf8InEveryStringFieldIsABadMessageAndChangesNothing) {
  meeting_under_way();
  google::protobuf::LogSilencer quiet;  // the client library warns on each field it is made to send
  std::vector<FieldPath> paths;
  FieldPath path;
  string_fields(v1::ClientMessage::descriptor(), path, paths);
  ASSERT_GT(paths.size(), 40u) << "every command's string fields";
  auto before = snapshot();
  std::unique_ptr<RawSocket> socket;
  int on_socket = 0;
  for (const FieldPath& field : paths) {
    // The session closes after eight malformed messages: a fresh one before that.
    if (!socket || on_socket == 6) {
      socket = welcomed(server_.token("chair"));
      on_socket = 0;
    }
    ++on_socket;
    ASSERT_TRUE(socket->send(with_invalid_utf8(field).SerializeAsString())) << name_of(field);
    auto error = socket->next_error();
    ASSERT_TRUE(error) << name_of(field) << ": no answer";
    EXPECT_EQ(error->code(), v1::ERROR_BAD_MESSAGE) << name_of(field);
    expect_typed(*error, name_of(field));
  }
  auto after = snapshot();
  EXPECT_EQ(after.seq(), before.seq()) << "nothing was recorded";
  EXPECT_EQ(after.SerializeAsString().size(), before.SerializeAsString().size());
  std::cout << paths.size() << " string fields tried with invalid UTF-8\n";
  expect_server_still_serves();
}

TEST_F(HostileClients, NumbersAtTheirLimitsGetTypedErrorsAndTheMeetingStaysSound) {
  meeting_under_way();
  constexpr auto kMax64 = std::numeric_limits<std::uint64_t>::max();
  constexpr auto kMax32 = std::numeric_limits<std::uint32_t>::max();
  auto chair = server_.connect_as("chair");
  auto p01 = server_.connect_participant("P01");
  auto p02 = server_.connect_participant("P02");
  ASSERT_TRUE(p01->call(cmd::request_floor()));
  auto queued = p02->call(cmd::request_floor());
  ASSERT_TRUE(queued);

  v1::Command move;
  move.mutable_move_request()->set_request_id(kMax64);
  move.mutable_move_request()->set_position(kMax32);
  expect_ack_or_typed(chair->call(move), "move_request of request 2^64-1");
  auto queue = snapshot().queue();
  ASSERT_EQ(queue.requests_size(), 2);
  move.mutable_move_request()->set_request_id(queue.requests(0).id());
  expect_ack_or_typed(chair->call(move), "move_request to position 2^32-1");
  EXPECT_EQ(snapshot().queue().requests_size(), 2) << "a move keeps every request";

  for (auto* build : {+[](v1::Command& c) { c.mutable_withdraw_request()->set_request_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_remove_request()->set_request_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_grant_floor()->set_request_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_second_motion()->set_motion_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_withdraw_motion()->set_motion_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_reply_dissent()->set_dissent_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_open_vote()->mutable_spec()->set_motion_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_update_resolution()->set_resolution_id(kMax64); },
                      +[](v1::Command& c) { c.mutable_propose_motion()->set_text("x"); c.mutable_propose_motion()->set_amends(kMax64); }}) {
    v1::Command command;
    build(command);
    auto result = chair->call(command);
    ASSERT_FALSE(result) << command.ShortDebugString() << " was accepted";
    expect_typed(result.error().server, command.ShortDebugString());
  }

  // The longest extension the wire can carry, on a running speech.
  ASSERT_TRUE(chair->call(cmd::next_speaker()));
  auto speech = snapshot().current_speech();
  expect_ack_or_typed(chair->call(cmd::extend_timer(kMax32)), "extend_timer by 2^32-1 s");
  auto extended = snapshot();
  EXPECT_GE(extended.current_speech().deadline_ms(), speech.deadline_ms()) << "no wrap-around";
  EXPECT_LE(extended.current_speech().deadline_ms(), speech.deadline_ms() + std::int64_t{kMax32} * 1000)
      << "no overflow";
  ASSERT_TRUE(chair->call(cmd::end_speech())) << "the speech still ends";

  // A ballot with the largest choice and vote id.
  auto motion = p01->call(cmd::propose("加装电动车充电桩"));
  ASSERT_TRUE(motion);
  ASSERT_TRUE(p02->call(cmd::second(motion.value().created_id())));
  ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id())));
  auto wild = p01->call(cmd::cast(kMax32));
  ASSERT_FALSE(wild);
  expect_typed(wild.error().server, "choice 2^32-1");
  v1::Command other_vote = cmd::cast(0);
  other_vote.mutable_cast_ballot()->set_vote_id(kMax64);
  auto elsewhere = p01->call(other_vote);
  ASSERT_FALSE(elsewhere);
  expect_typed(elsewhere.error().server, "vote 2^64-1");
  EXPECT_EQ(snapshot().current_vote().cast(), 0u);

  // The largest request id is echoed; the largest resume seq resumes nothing.
  auto socket = welcomed(server_.token("chair"));
  v1::ClientMessage ping;
  ping.set_request_id(kMax64);
  ping.mutable_ping()->set_client_time_ms(std::numeric_limits<std::int64_t>::min());
  socket->send(ping);
  auto pong = socket->receive();
  ASSERT_TRUE(pong && pong->has_pong());
  EXPECT_EQ(pong->request_id(), kMax64);
  auto resumer = raw();
  auto hello = RawSocket::hello(server_.token("display"));
  hello.mutable_hello()->set_resume_after_seq(kMax64);
  resumer->send(hello);
  auto welcome = resumer->receive();
  ASSERT_TRUE(welcome && welcome->has_welcome());
  EXPECT_FALSE(welcome->welcome().resumed()) << "a seq from the future resumes nothing";
  expect_server_still_serves();
}

TEST_F(HostileClients, ADissentOf100000CharactersIsClosedAndOneOverTheTextLimitIsRefused) {
  meeting_under_way();
  auto before = snapshot();
  auto secretary = welcomed(server_.token("secretary"));
  v1::ClientMessage huge;
  huge.set_request_id(3);
  *huge.mutable_command() = cmd::record_dissent(std::string(100'000, 'x'));
  const bool sent_whole = secretary->send(huge);
  EXPECT_FALSE(secretary->receive()) << "the connection stayed open";
  // gaveld sends close 1009. Beast 1.74's teardown closes the socket after
  // its first read of what follows (teardown_tcp_op drops read_some's byte
  // count), so when the rest of the message is still arriving the kernel
  // resets the connection and this end's write fails before the close frame
  // is read: 4 in 150 runs here. The close is then all that can be seen.
  if (sent_whole) {
    EXPECT_EQ(secretary->close_code(), 1009) << "100,000 characters exceed the 64 KiB frame";
  }
  auto clerk = server_.connect_as("secretary");
  std::string chinese;
  for (int i = 0; i < 3000; ++i) chinese += "异议";  // 6,000 characters, 18,000 bytes
  auto long_text = clerk->call(cmd::record_dissent(chinese));
  ASSERT_FALSE(long_text);
  EXPECT_EQ(long_text.error().server.code(), v1::ERROR_INVALID_ARGUMENT);
  expect_typed(long_text.error().server, "an 18,000-byte dissent");
  EXPECT_EQ(snapshot().dissent_size(), before.dissent_size()) << "nothing was recorded";
  expect_server_still_serves();
}

TEST_F(HostileClients, AReplayedPressIdOrReceiptOfAnotherParticipantNeitherHidesNorChangesTheirBallot) {
  meeting_under_way();
  auto chair = server_.connect_as("chair");
  auto p01 = server_.connect_participant("P01");
  auto p02 = server_.connect_participant("P02");
  auto motion = p01->call(cmd::propose("楼道装声控灯"));
  ASSERT_TRUE(motion);
  ASSERT_TRUE(p02->call(cmd::second(motion.value().created_id())));
  ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id(), true)));

  // P02 sends P01's next press id first: P01's own press must still count.
  auto stolen = p02->call(cmd::cast(1, "P01-press-1"));
  ASSERT_TRUE(stolen) << "P02's ballot, under whatever press id";
  auto own = p01->call(cmd::cast(0, "P01-press-1"));
  ASSERT_TRUE(own);
  EXPECT_FALSE(own.value().receipt().empty());
  EXPECT_EQ(snapshot().current_vote().cast(), 2u) << "both ballots count: a press id is the sender's own";

  // P02 replays P01's receipt: refused, and P01's ballot stands.
  auto replayed = p02->call(cmd::cast(1, "P02-press-2", own.value().receipt()));
  if (replayed) {
    EXPECT_NE(replayed.value().receipt(), own.value().receipt()) << "P02 cannot take over P01's receipt";
  } else {
    expect_typed(replayed.error().server, "a receipt of another");
  }
  ASSERT_TRUE(chair->call(cmd::close_vote()));
  auto result = snapshot().votes(0).result();
  EXPECT_EQ(result.cast(), 2u);
  ASSERT_GE(result.counts_size(), 2);
  EXPECT_EQ(result.counts(0).count(), 1u) << "P01's yes stands";
  EXPECT_EQ(result.counts(1).count(), 1u) << "P02's no counts once";
  expect_server_still_serves();
}

}  // namespace
}  // namespace gavel::test
