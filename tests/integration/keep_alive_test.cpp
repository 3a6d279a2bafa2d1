// gaveld's own keep-alive: a peer silent for a while is pinged, one that
// answers stays however long the meeting is quiet, and one that answers
// nothing (a phone gone out of the Wi-Fi) is dropped and leaves the hall.
#include <gtest/gtest.h>

#include <chrono>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using WebSocket = websocket::stream<beast::tcp_stream>;

// A participant's connection on an io_context of its own: while that runs
// with a read pending, Beast answers the server's pings; while it does not,
// nothing on this side answers.
struct Phone {
  asio::io_context io;
  WebSocket ws{io};
  beast::flat_buffer buffer;
  int pings = 0, pongs = 0;
  bool ended = false;

  Phone(const GaveldProcess& server, const std::string& token) {
    tcp::resolver resolver(io);
    beast::get_lowest_layer(ws).connect(resolver.resolve(server.endpoint().host, server.endpoint().port));
    ws.handshake(server.endpoint().host, "/ws");
    ws.binary(true);
    ws.write(asio::buffer(RawSocket::hello(token).SerializeAsString()));
    ws.read(buffer);
    v1::ServerMessage welcome;
    auto data = buffer.data();
    EXPECT_TRUE(welcome.ParseFromArray(data.data(), static_cast<int>(data.size())) && welcome.has_welcome());
    buffer.consume(buffer.size());
    ws.control_callback([this](websocket::frame_type kind, beast::string_view) {
      if (kind == websocket::frame_type::ping) ++pings;
    });
  }

  void keep_reading() {
    ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
      if (ec) {
        ended = true;
        return;
      }
      v1::ServerMessage message;
      auto data = buffer.data();
      if (message.ParseFromArray(data.data(), static_cast<int>(data.size())) && message.has_pong()) ++pongs;
      buffer.consume(buffer.size());
      keep_reading();
    });
  }
};

TEST(KeepAlive, APeerThatAnswersPingsStaysAndOneThatAnswersNothingIsDropped) {
  GaveldProcess server;
  Phone answering(server, server.participant_token("P01"));
  Phone silent(server, server.participant_token("P02"));

  // Pinged after 10 s of silence and dropped 10 s after an unanswered ping.
  answering.keep_reading();
  answering.io.run_for(35s);
  EXPECT_GE(answering.pings, 1) << "a quiet peer is pinged";
  EXPECT_FALSE(answering.ended) << "a peer that answers pings is kept";

  silent.keep_reading();
  silent.io.run_for(5s);
  EXPECT_TRUE(silent.ended) << "a peer that answered no ping for 10 s is dropped";

  // Its seat is given back; the answering peer is still served.
  auto p02 = server.connect_participant("P02");
  EXPECT_TRUE(p02->is_open());
  v1::ClientMessage ping;
  ping.set_request_id(2);
  ping.mutable_ping()->set_client_time_ms(1);
  answering.ws.write(asio::buffer(ping.SerializeAsString()));
  answering.io.restart();
  for (int i = 0; i < 50 && answering.pongs == 0; ++i) answering.io.run_for(100ms);
  EXPECT_EQ(answering.pongs, 1) << "the answering peer is still served";
}

}  // namespace
}  // namespace gavel::test
