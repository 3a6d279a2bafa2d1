// A bare WebSocket to gaveld that can send what no well-behaved client
// would: garbage, truncated and oversized frames, text frames, floods.
// Header-only and used by the hostile-input tests alone.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <optional>
#include <string>

#include "gavel/v1/envelope.pb.h"

namespace gavel::test {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

class RawSocket {
 public:
  // `receive_buffer` > 0 shrinks the kernel's receive buffer (and turns off
  // its auto-tuning), as on a phone that cannot keep up.
  RawSocket(const std::string& host, const std::string& port, int receive_buffer = 0) : ws_(io_) {
    tcp::resolver resolver(io_);
    auto endpoint = *resolver.resolve(host, port).begin();
    auto& socket = beast::get_lowest_layer(ws_).socket();
    socket.open(endpoint.endpoint().protocol());
    if (receive_buffer > 0) socket.set_option(boost::asio::socket_base::receive_buffer_size(receive_buffer));
    socket.connect(endpoint.endpoint());
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    ws_.handshake(host + ":" + port, "/ws");
    ws_.binary(true);
    ws_.read_message_max(1 << 20);
  }

  // Sends raw bytes; false if the connection is already gone.
  bool send(const std::string& bytes, bool binary = true) {
    beast::error_code ec;
    ws_.binary(binary);
    ws_.write(boost::asio::buffer(bytes), ec);
    ws_.binary(true);
    return !ec;
  }
  bool send(const v1::ClientMessage& message) { return send(message.SerializeAsString()); }

  // The next message, or nullopt when the server closed (see close_code())
  // or nothing came within 10 seconds.
  std::optional<v1::ServerMessage> receive() {
    beast::flat_buffer buffer;
    beast::error_code ec;
    // Beast's timeouts apply to asynchronous operations only.
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    ws_.async_read(buffer, [&](beast::error_code e, std::size_t) { ec = e; });
    io_.restart();
    io_.run();
    if (ec) return std::nullopt;
    v1::ServerMessage message;
    auto data = buffer.data();
    if (!message.ParseFromArray(data.data(), static_cast<int>(data.size()))) return std::nullopt;
    return message;
  }

  // Reads until an error message (skipping events), or nullopt when closed.
  std::optional<v1::Error> next_error() {
    while (auto message = receive())
      if (message->has_error()) return message->error();
    return std::nullopt;
  }

  int close_code() const { return ws_.reason().code; }

  static v1::ClientMessage hello(const std::string& token, std::uint32_t version = 1) {
    v1::ClientMessage m;
    m.set_request_id(1);
    m.mutable_hello()->set_token(token);
    m.mutable_hello()->set_protocol_version(version);
    return m;
  }

 private:
  boost::asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_;
};

// A plain HTTP GET: status, the Location header and the body.
struct HttpReply {
  int status = 0;
  std::string location, content_type, body, cache_control;
};

inline HttpReply http_get(const std::string& host, const std::string& port, const std::string& target) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  tcp::resolver resolver(io);
  stream.connect(resolver.resolve(host, port));
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, host);
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  return {static_cast<int>(response.result_int()), std::string(response[http::field::location]),
          std::string(response[http::field::content_type]), response.body(),
          std::string(response[http::field::cache_control])};
}

// Sends `request` byte for byte (NUL bytes, backslashes, whatever a client
// library would refuse to write) and returns the answer's status, or 0 when
// the server hung up without one.
inline int raw_http_status(const std::string& host, const std::string& port, const std::string& request) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  tcp::resolver resolver(io);
  stream.connect(resolver.resolve(host, port));
  beast::error_code ec;
  // The server may answer and hang up before a huge request is all written.
  boost::asio::write(stream.socket(), boost::asio::buffer(request), ec);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  stream.expires_after(std::chrono::seconds(10));
  http::async_read(stream, buffer, response, [&](beast::error_code e, std::size_t) { ec = e; });
  io.run();
  return ec ? 0 : static_cast<int>(response.result_int());
}

}  // namespace gavel::test
