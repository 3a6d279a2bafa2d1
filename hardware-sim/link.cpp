#include "link.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

namespace gavel::sim {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

struct Link::Impl : std::enable_shared_from_this<Impl> {
  enum class State { idle, opening, up };

  Impl(boost::asio::io_context& io_, tcp::endpoint server_, OnMessage m, OnChange c)
      : io(io_), server(server_), on_message(std::move(m)), on_change(std::move(c)) {}

  boost::asio::io_context& io;
  tcp::endpoint server;
  OnMessage on_message;
  OnChange on_change;
  std::unique_ptr<websocket::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  std::deque<std::shared_ptr<const std::string>> queue;
  bool writing = false;
  State state = State::idle;
  std::uint64_t generation = 0;  // handlers of an earlier connection are ignored

  void open(v1::Hello hello) {
    if (state != State::idle) return;
    state = State::opening;
    ++generation;
    ws = std::make_unique<websocket::stream<beast::tcp_stream>>(io);
    ws->binary(true);
    ws->read_message_max(1 << 20);
    auto self = shared_from_this();
    auto gen = generation;
    beast::get_lowest_layer(*ws).expires_after(std::chrono::seconds(5));
    beast::get_lowest_layer(*ws).async_connect(server, [self, gen, hello](beast::error_code ec) mutable {
      if (gen != self->generation) return;
      if (ec) return self->gone();
      beast::get_lowest_layer(*self->ws).socket().set_option(tcp::no_delay(true), ec);
      self->ws->async_handshake("127.0.0.1", "/ws", [self, gen, hello](beast::error_code ec2) mutable {
        if (gen != self->generation) return;
        if (ec2) return self->gone();
        beast::get_lowest_layer(*self->ws).expires_never();
        websocket::stream_base::timeout t = websocket::stream_base::timeout::suggested(beast::role_type::client);
        self->ws->set_option(t);
        v1::ClientMessage message;
        message.set_request_id(1);
        *message.mutable_hello() = std::move(hello);
        self->write(std::make_shared<const std::string>(message.SerializeAsString()));
        self->read();
      });
    });
  }

  void read() {
    auto self = shared_from_this();
    auto gen = generation;
    ws->async_read(buffer, [self, gen](beast::error_code ec, std::size_t) {
      if (gen != self->generation) return;
      if (ec) return self->gone();
      v1::ServerMessage message;
      auto data = self->buffer.data();
      bool parsed = message.ParseFromArray(data.data(), static_cast<int>(data.size()));
      self->buffer.consume(self->buffer.size());
      if (parsed) {
        if (self->state == State::opening) {
          if (!message.has_welcome()) return self->gone();
          self->state = State::up;
          self->on_change(true);
        } else {
          self->on_message(message);
        }
      }
      if (gen == self->generation) self->read();
    });
  }

  void write(std::shared_ptr<const std::string> frame) {
    queue.push_back(std::move(frame));
    if (!writing) write_next();
  }

  void write_next() {
    if (queue.empty()) return;
    writing = true;
    auto self = shared_from_this();
    auto gen = generation;
    auto frame = queue.front();
    ws->async_write(boost::asio::buffer(*frame), [self, gen, frame](beast::error_code ec, std::size_t) {
      if (gen != self->generation) return;
      self->writing = false;
      if (ec) return self->gone();
      self->queue.pop_front();
      self->write_next();
    });
  }

  void gone() {
    if (state == State::idle) return;
    state = State::idle;
    ++generation;
    queue.clear();
    writing = false;
    beast::error_code ignored;
    if (ws) beast::get_lowest_layer(*ws).socket().close(ignored);
    on_change(false);
  }
};

Link::Link(boost::asio::io_context& io, tcp::endpoint server, OnMessage on_message, OnChange on_change)
    : impl_(std::make_shared<Impl>(io, server, std::move(on_message), std::move(on_change))) {}

Link::~Link() {
  impl_->on_change = [](bool) {};
  impl_->on_message = [](const v1::ServerMessage&) {};
  impl_->gone();
}

void Link::open(v1::Hello hello) { impl_->open(std::move(hello)); }

bool Link::send(const v1::ClientMessage& message) {
  if (impl_->state != Impl::State::up) return false;
  impl_->write(std::make_shared<const std::string>(message.SerializeAsString()));
  return true;
}

void Link::drop() { impl_->gone(); }
bool Link::up() const { return impl_->state == Impl::State::up; }
bool Link::idle() const { return impl_->state == Impl::State::idle; }

}  // namespace gavel::sim
