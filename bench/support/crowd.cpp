#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it

#include "support/crowd.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <stdexcept>


namespace gavel::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {
constexpr std::size_t kPiece = 16 * 1024;     // read at a time
constexpr std::size_t kHeadBytes = 64;        // kept of a message not needed whole
constexpr std::size_t kEnoughForHead = 24;    // request id, server time and body tag (varints)
constexpr std::size_t kIdleBuffer = 64 * 1024;
using Stream = websocket::stream<beast::tcp_stream>;

std::string_view view(const beast::flat_buffer& buffer) {
  auto data = buffer.data();
  return {static_cast<const char*>(data.data()), data.size()};
}
}  // namespace

struct Crowd::Io {
  asio::io_context context{1};
  asio::executor_work_guard<asio::io_context::executor_type> busy = asio::make_work_guard(context);
  tcp::endpoint endpoint;
  std::string host;
  // Streams replaced by a reconnect: kept until the end, since their
  // cancelled handlers still refer to them.
  std::vector<std::unique_ptr<Stream>> retired;
  asio::steady_timer timer{context};
};

struct Crowd::Client {
  explicit Client(std::size_t i) : index(i) { head_bytes.reserve(kHeadBytes); }
  std::size_t index;
  std::unique_ptr<Stream> ws;
  unsigned generation = 0;  // a reconnect's handlers ignore the old stream's
  beast::flat_buffer in;
  std::string writing_frame, next_frame;
  bool writing = false, queued = false, opening = false, hello_pending = false, ended = false;
  std::uint64_t next_request = 1, pending = 0;
  Clock::time_point sent;
  // The message being read.
  bool decided = false;
  Head head;
  std::size_t message_bytes = 0;
  std::string head_bytes;
  OnUnasked watcher;
};

Crowd::Crowd(std::uint16_t port, Framing framing, Hello hello)
    : io_(std::make_unique<Io>()), framing_(framing), hello_(std::move(hello)) {
  io_->endpoint = tcp::endpoint(asio::ip::make_address("127.0.0.1"), port);
  io_->host = "127.0.0.1:" + std::to_string(port);
}

Crowd::~Crowd() {
  // No handler may run once the clients are gone.
  io_->context.stop();
  clients_.clear();
  io_->retired.clear();
}

void Crowd::open(std::size_t count, std::size_t parallel, std::chrono::milliseconds limit) {
  std::size_t first = clients_.size();
  for (std::size_t i = 0; i < count; ++i) clients_.push_back(std::make_unique<Client>(first + i));
  for (std::size_t i = clients_.size(); i > first; --i) waiting_.push_back(clients_[i - 1].get());
  parallel_ = parallel == 0 ? count : parallel;
  while (connecting_ < parallel_ && !waiting_.empty()) next_waiting();
  run_until([&] { return connecting_ == 0 && waiting_.empty(); }, limit);
}

void Crowd::reconnect(std::size_t first, std::size_t count, std::chrono::milliseconds limit) {
  for (std::size_t i = first; i < first + count; ++i) {
    Client& c = *clients_.at(i);
    if (c.ended) continue;
    ++c.generation;
    beast::error_code ignored;
    beast::get_lowest_layer(*c.ws).socket().close(ignored);
    io_->retired.push_back(std::move(c.ws));
    c.in.clear();
    c.writing = c.queued = c.decided = false;
    c.pending = 0;
    c.message_bytes = 0;
    if (c.hello_pending) c.hello_pending = false;
    else --welcomed_;
    waiting_.push_back(&c);
  }
  parallel_ = waiting_.size();
  while (connecting_ < parallel_ && !waiting_.empty()) next_waiting();
  run_until([&] { return connecting_ == 0 && waiting_.empty(); }, limit);
}

void Crowd::next_waiting() {
  Client& c = *waiting_.back();
  waiting_.pop_back();
  ++connecting_;
  c.opening = true;
  connect(c);
}

void Crowd::connect(Client& c) {
  c.ws = std::make_unique<Stream>(io_->context);
  unsigned generation = c.generation;
  // Past the kernel's listen backlog a SYN is retried after 1, 3, 7 s: that is part of an arrival at once.
  beast::get_lowest_layer(*c.ws).expires_after(std::chrono::seconds(30));
  beast::get_lowest_layer(*c.ws).async_connect(io_->endpoint, [this, &c, generation](beast::error_code ec) {
    if (generation != c.generation) return;
    if (ec) return end(c);
    beast::get_lowest_layer(*c.ws).expires_never();
    beast::error_code ignored;
    beast::get_lowest_layer(*c.ws).socket().set_option(tcp::no_delay(true), ignored);
    c.ws->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    c.ws->read_message_max(64u << 20);
    c.ws->async_handshake(io_->host, "/ws", [this, &c, generation](beast::error_code ec2) {
      if (generation != c.generation) return;
      if (ec2) return end(c);
      c.ws->binary(true);
      read(c);
      c.next_frame.clear();
      c.next_request = 1;  // a new connection numbers its requests afresh
      hello_(c.index, c.next_frame);
      c.hello_pending = true;
      send(c.index);
    });
  });
}

std::string& Crowd::outbox(std::size_t client) {
  Client& c = *clients_.at(client);
  c.next_frame.clear();
  return c.next_frame;
}

std::uint64_t Crowd::next_request(std::size_t client) const { return clients_.at(client)->next_request; }

void Crowd::send(std::size_t client) {
  Client& c = *clients_.at(client);
  if (c.pending != 0) throw std::logic_error("one request at a time per client");
  c.sent = Clock::now();
  if (c.ended) {
    Answer lost{c.index, false, c.sent, c.sent, 0, 0, {}};
    if (c.hello_pending) return hello_answered(c, false);
    if (on_answer_) on_answer_(lost);
    return;
  }
  c.pending = c.next_request++;
  if (c.writing) {
    c.queued = true;
    return;
  }
  std::swap(c.writing_frame, c.next_frame);
  c.writing = true;
  unsigned generation = c.generation;
  auto write_done = [this, &c, generation](auto&& self, beast::error_code ec, std::size_t) -> void {
    if (generation != c.generation) return;
    if (ec) return end(c);
    if (!c.queued) {
      c.writing = false;
      return;
    }
    c.queued = false;
    std::swap(c.writing_frame, c.next_frame);
    c.ws->async_write(asio::buffer(c.writing_frame),
                      [self](beast::error_code e, std::size_t n) { self(self, e, n); });
  };
  c.ws->async_write(asio::buffer(c.writing_frame),
                    [write_done](beast::error_code e, std::size_t n) { write_done(write_done, e, n); });
}

void Crowd::read(Client& c) {
  unsigned generation = c.generation;
  c.ws->async_read_some(c.in, kPiece, [this, &c, generation](beast::error_code ec, std::size_t bytes) {
    if (generation != c.generation) return;
    if (ec) return end(c);
    chunk(c, bytes);
    if (!c.ended && generation == c.generation) read(c);
  });
}

void Crowd::chunk(Client& c, std::size_t bytes) {
  c.message_bytes += bytes;
  bool done = c.ws->is_message_done();
  if (!c.decided) {
    if (c.in.size() < kEnoughForHead && !done) return;
    std::string_view data = view(c.in);
    c.head_bytes.assign(data.substr(0, kHeadBytes));
    c.head = framing_(c.head_bytes);
    c.decided = true;
  }
  if (!c.head.keep_whole) c.in.consume(c.in.size());
  if (done) finish(c);
}

void Crowd::finish(Client& c) {
  Answer answer{c.index, true, c.sent, Clock::now(), c.head.kind, c.message_bytes,
                c.head.keep_whole ? view(c.in) : std::string_view(c.head_bytes)};
  // gaveld's welcome leads with the snapshot it shares with other guests,
  // so its request id comes after the head: a welcome answers the hello.
  bool welcome = c.hello_pending && welcome_kind_ != 0 && c.head.kind == welcome_kind_;
  bool answers = (c.head.request_id != 0 && c.head.request_id == c.pending) || welcome;
  c.decided = false;
  c.message_bytes = 0;
  if (answers) {
    c.pending = 0;
    if (c.hello_pending) {
      hello_answered(c, welcome_kind_ == 0 || answer.kind == welcome_kind_);
      if (welcome_kind_ != 0 && answer.kind == welcome_kind_) welcome_bytes_ += answer.bytes;
    } else if (on_answer_) {
      on_answer_(answer);
    }
  } else if (c.watcher) {
    c.watcher(c.index, answer);
  }
  c.in.consume(c.in.size());
  // An idle client should not keep the largest message's buffer.
  if (c.in.capacity() > kIdleBuffer) c.in.shrink_to_fit();
}

void Crowd::hello_answered(Client& c, bool welcomed) {
  c.hello_pending = false;
  if (welcomed) {
    ++welcomed_;
    last_welcome_ = Clock::now();
  }
  if (!c.opening) return;
  c.opening = false;
  --connecting_;
  if (!waiting_.empty() && connecting_ < parallel_) next_waiting();
}

void Crowd::end(Client& c) {
  if (c.ended) return;
  c.ended = true;
  ++lost_;
  beast::error_code ignored;
  if (c.ws) beast::get_lowest_layer(*c.ws).socket().close(ignored);
  bool was_pending = c.pending != 0;
  c.pending = 0;
  if (c.hello_pending) return hello_answered(c, false);
  if (was_pending && on_answer_) on_answer_(Answer{c.index, false, c.sent, Clock::now(), 0, 0, {}});
  if (c.opening) hello_answered(c, false);
}

void Crowd::watch(std::size_t client, OnUnasked handler) { clients_.at(client)->watcher = std::move(handler); }

void Crowd::at_moments(std::vector<Clock::time_point> moments, std::function<void(std::size_t)> action) {
  moments_ = std::move(moments);
  next_moment_ = 0;
  moment_action_ = std::move(action);
  next_moment();
}

void Crowd::next_moment() {
  auto now = Clock::now();
  while (next_moment_ < moments_.size() && moments_[next_moment_] <= now) moment_action_(next_moment_++);
  if (next_moment_ == moments_.size()) return;
  io_->timer.expires_at(moments_[next_moment_]);
  io_->timer.async_wait([this](beast::error_code ec) {
    if (!ec) next_moment();
  });
}

bool Crowd::run_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  auto next_check = Clock::now();
  while (!done()) {
    auto now = Clock::now();
    if (now >= deadline || aborted_) return false;
    if (abort_ && now >= next_check) {
      aborted_ = abort_();
      next_check = now + std::chrono::milliseconds(100);
    }
    io_->context.run_one_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace gavel::bench
