// The baseline: a bare Boost.Beast WebSocket server doing what gaveld's
// network layer does with no meeting behind it, so that each figure has the
// bare stack's figure beside it, taken in the same run on the same machine.
//
//   gavel-bench-echo PORT [THREADS]
//
// It accepts as gaveld does (an HTTP request read with Beast, then the
// WebSocket upgrade, the same socket options and timeouts, THREADS I/O
// threads, 2 like gaveld's default) and answers each binary frame at once
// with one frame of the size the request asks for: the load generator asks
// for the size of gaveld's answer to the same request (its ack, its
// welcome). A request is [u64 request id][u32 answer size][padding up to
// the size of gaveld's request]; an answer is [u64 request id][zeros]. It
// binds 127.0.0.1 only and runs until killed.
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

constexpr std::size_t kMaxFrame = 64 * 1024;       // gaveld's kMaxFrame
constexpr int kSendBuffer = 64 * 1024;             // gaveld's kSendBuffer
constexpr std::size_t kLargestAnswer = 8u << 20;   // a welcome of a very large meeting

// The answers' padding, shared by every connection: an answer is its
// request id followed by a slice of this.
const std::vector<char>& zeros() {
  static const std::vector<char> bytes(kLargestAnswer, 0);
  return bytes;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  explicit Connection(tcp::socket socket) : stream_(std::move(socket)) {}

  void start() {
    stream_.expires_after(std::chrono::seconds(10));
    http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || !websocket::is_upgrade(self->request_)) return;
      self->upgrade();
    });
  }

 private:
  void upgrade() {
    ws_.emplace(std::move(stream_));
    beast::get_lowest_layer(*ws_).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(10);
    timeouts.idle_timeout = std::chrono::seconds(20);
    timeouts.keep_alive_pings = true;
    ws_->set_option(timeouts);
    ws_->read_message_max(kMaxFrame);
    ws_->binary(true);
    ws_->async_accept(request_, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->request_ = {};
      self->buffer_.clear();
      self->buffer_.shrink_to_fit();
      self->read();
    });
  }

  void read() {
    ws_->async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      self->answer();
    });
  }

  void answer() {
    auto data = buffer_.data();
    std::uint32_t size = 0;
    if (data.size() >= 12) {
      std::memcpy(id_.data(), data.data(), 8);
      std::memcpy(&size, static_cast<const char*>(data.data()) + 8, 4);
    }
    buffer_.consume(buffer_.size());
    std::size_t padding = std::min<std::size_t>(size > 8 ? size - 8 : 0, kLargestAnswer);
    std::array<asio::const_buffer, 2> frame{asio::buffer(id_), asio::buffer(zeros().data(), padding)};
    ws_->async_write(frame, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      self->read();
    });
  }

  beast::tcp_stream stream_;
  std::optional<websocket::stream<beast::tcp_stream>> ws_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  std::array<char, 8> id_{};
};

void accept(tcp::acceptor& acceptor, asio::io_context& io) {
  acceptor.async_accept(asio::make_strand(io), [&acceptor, &io](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      socket.set_option(asio::socket_base::send_buffer_size(kSendBuffer), ec);
      std::make_shared<Connection>(std::move(socket))->start();
    }
    accept(acceptor, io);
  });
}

}  // namespace

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  if (port < 1 || port > 65535 || threads < 1 || threads > 64) {
    std::cerr << "usage: gavel-bench-echo PORT [THREADS]\n";
    return 2;
  }
  try {
    asio::io_context io{threads};
    tcp::acceptor acceptor(io);
    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port));
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen();
    zeros();
    accept(acceptor, io);
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) workers.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& worker : workers) worker.join();
  } catch (const std::exception& e) {
    std::cerr << "gavel-bench-echo: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
