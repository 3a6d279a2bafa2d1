#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it

#include "support/swarm.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <optional>
#include <google/protobuf/io/coded_stream.h>
#include <unordered_map>

namespace gavel::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {
constexpr std::size_t kIdleBuffer = 16 * 1024;

// The request id and the body's field number, read without parsing the
// body: a welcome carries the whole meeting, and thousands arrive at once.
// Protobuf writes fields in number order, so both come before the body.
std::pair<std::uint64_t, int> peek(std::string_view bytes) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::uint64_t request_id = 0;
  while (std::uint32_t tag = in.ReadTag()) {
    int field = static_cast<int>(tag >> 3);
    if ((tag & 7) != 0) return {request_id, field};
    std::uint64_t value = 0;
    if (!in.ReadVarint64(&value)) break;
    if (field == v1::ServerMessage::kRequestIdFieldNumber) request_id = value;
  }
  return {request_id, 0};
}
}  // namespace

struct Swarm::Io {
  asio::io_context context{1};
  asio::executor_work_guard<asio::io_context::executor_type> busy = asio::make_work_guard(context);
  tcp::endpoint endpoint;
  std::string host;
};

struct Swarm::Client {
  explicit Client(asio::io_context& context, std::string t) : ws(context), token(std::move(t)) {}
  websocket::stream<beast::tcp_stream> ws;
  std::string token;
  beast::flat_buffer in;
  std::deque<std::string> out;
  bool opening = false, writing = false, welcomed = false, ended = false;
  std::uint64_t next_request = 1;
  std::unordered_map<std::uint64_t, std::pair<Clock::time_point, OnReply>> pending;
  OnMessage watcher;
};

Swarm::Swarm(const std::string& host, std::uint16_t port) : io_(std::make_unique<Io>()) {
  io_->endpoint = tcp::endpoint(asio::ip::make_address(host), port);
  io_->host = host + ":" + std::to_string(port);
}

Swarm::~Swarm() {
  // No handler may run once the clients are gone.
  io_->context.stop();
  clients_.clear();
}

std::size_t Swarm::open(const std::vector<std::string>& tokens, std::chrono::milliseconds limit,
                        std::size_t parallel) {
  std::size_t first = clients_.size();
  for (const std::string& token : tokens) clients_.push_back(std::make_unique<Client>(io_->context, token));
  for (std::size_t i = clients_.size(); i > first; --i) waiting_.push_back(i - 1);
  while (connecting_ < parallel && !waiting_.empty()) {
    ++connecting_;
    connect(waiting_.back());
    waiting_.pop_back();
  }
  run_until([&] { return connecting_ == 0 && waiting_.empty(); }, limit);
  return first;
}

void Swarm::connect(std::size_t index) {
  Client& c = *clients_[index];
  c.opening = true;
  beast::get_lowest_layer(c.ws).expires_after(std::chrono::seconds(10));
  beast::get_lowest_layer(c.ws).async_connect(io_->endpoint, [this, &c](beast::error_code ec) {
    if (ec) return end(c);
    beast::get_lowest_layer(c.ws).expires_never();
    c.ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    c.ws.read_message_max(64u << 20);
    c.ws.async_handshake(io_->host, "/ws", [this, &c](beast::error_code ec2) {
      if (ec2) return end(c);
      c.ws.binary(true);
      read(c);
      v1::ClientMessage hello;
      hello.set_request_id(c.next_request);
      hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
      hello.mutable_hello()->set_token(c.token);
      hello.mutable_hello()->set_client_name("gavel-bench");
      c.pending[c.next_request++] = {Clock::now(), [this, &c](const Reply& reply) {
        if (reply.answered && !reply.message.has_error()) {
          c.welcomed = true;
          ++welcomed_;
          welcome_bytes_ += reply.bytes;
        }
        opened(c);
      }};
      write(c, hello.SerializeAsString());
    });
  });
}

void Swarm::opened(Client& c) {
  if (!c.opening) return;
  c.opening = false;
  --connecting_;
  if (waiting_.empty()) return;
  ++connecting_;
  connect(waiting_.back());
  waiting_.pop_back();
}

void Swarm::read(Client& c) {
  c.ws.async_read(c.in, [this, &c](beast::error_code ec, std::size_t) {
    if (ec) return end(c);
    auto data = c.in.data();
    received(c, std::string_view(static_cast<const char*>(data.data()), data.size()));
    c.in.consume(c.in.size());
    // An idle client should not keep the largest message's buffer.
    if (c.in.capacity() > kIdleBuffer) c.in.shrink_to_fit();
    if (!c.ended) read(c);
  });
}

void Swarm::received(Client& c, std::string_view bytes) {
  auto now = Clock::now();
  auto [request_id, body] = peek(bytes);
  auto it = request_id ? c.pending.find(request_id) : c.pending.end();
  if (it == c.pending.end()) {
    if (c.watcher) c.watcher(body, bytes, now);
    return;
  }
  Reply reply{true, {}, it->second.first, now, bytes.size()};
  OnReply done = std::move(it->second.second);
  c.pending.erase(it);
  if (body != v1::ServerMessage::kWelcomeFieldNumber)
    reply.message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  done(reply);
}

void Swarm::write(Client& c, std::string bytes) {
  if (c.ended) return;
  c.out.push_back(std::move(bytes));
  if (!c.writing) write_next(c);
}

void Swarm::write_next(Client& c) {
  c.writing = true;
  c.ws.async_write(asio::buffer(c.out.front()), [this, &c](beast::error_code ec, std::size_t) {
    c.out.pop_front();
    if (ec) return end(c);
    if (c.out.empty()) c.writing = false;
    else write_next(c);
  });
}

void Swarm::end(Client& c) {
  if (c.ended) return;
  c.ended = true;
  ++lost_;
  beast::error_code ignored;
  beast::get_lowest_layer(c.ws).socket().close(ignored);
  auto pending = std::move(c.pending);
  c.pending.clear();
  for (auto& [id, waiting] : pending) waiting.second(Reply{false, {}, waiting.first, Clock::now(), 0});
  opened(c);
}

void Swarm::send(std::size_t client, const v1::Command& command, OnReply done) {
  Client& c = *clients_.at(client);
  if (c.ended) return done(Reply{false, {}, Clock::now(), Clock::now(), 0});
  v1::ClientMessage message;
  message.set_request_id(c.next_request);
  *message.mutable_command() = command;
  c.pending[c.next_request++] = {Clock::now(), std::move(done)};
  write(c, message.SerializeAsString());
}

void Swarm::watch(std::size_t client, OnMessage on_message) { clients_.at(client)->watcher = std::move(on_message); }

void Swarm::at(Clock::time_point when, std::function<void()> action) {
  auto timer = std::make_shared<asio::steady_timer>(io_->context, when);
  timer->async_wait([timer, action = std::move(action)](beast::error_code ec) {
    if (!ec) action();
  });
}

bool Swarm::run_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() >= deadline) return false;
    io_->context.run_one_for(std::chrono::milliseconds(10));
  }
  return true;
}

Reply Swarm::call(std::size_t client, const v1::Command& command, std::chrono::milliseconds limit) {
  // Shared: an answer that comes after `limit` still finds somewhere to go.
  auto out = std::make_shared<std::optional<Reply>>();
  send(client, command, [out](const Reply& reply) { *out = reply; });
  if (!run_until([&] { return out->has_value(); }, limit)) return Reply{false, {}, Clock::now(), Clock::now(), 0};
  return **out;
}

}  // namespace gavel::bench
