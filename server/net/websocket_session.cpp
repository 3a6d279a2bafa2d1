// One WebSocket client: reads ClientMessages and hands them to the hall,
// writes what the hall delivers, one write in flight. Owns its limits: the
// frame size, a rate limit, a garbage count and a send queue bounded in
// bytes. When it closes a client for its own behaviour (flooding, garbage)
// it first stops reading and lets the hall answer everything already handed
// over: a command is either refused before it is applied or answered before
// the close. Runs on its own strand; the hall reaches it only through post().
#include <array>
#include <chrono>
#include <deque>

#include "codec/views.hpp"
#include "net/beast.hpp"
#include "net/log.hpp"
#include "net/wall_clock.hpp"

namespace gavel::net {

namespace {
constexpr std::size_t kSoftQueue = 64 * 1024;   // bytes queued beyond which event batches are dropped
constexpr std::size_t kHardQueue = 512 * 1024;  // beyond this (and more than one frame), the peer is stuck: close
constexpr std::size_t kIdleBuffer = 4096;
constexpr int kGarbageLimit = 8;           // malformed messages before closing
constexpr double kRatePerSecond = 20.0;    // sustained commands per second
constexpr double kBurst = 60.0;
constexpr int kFloodLimit = 100;           // rate-limited messages before closing
// From the upgrade, or from its last hello, a client has this long to be let
// in; a connection that never says hello must not hold a slot for ever.
constexpr auto kHelloWithin = std::chrono::seconds(10);
constexpr std::size_t kLargestClickerAck = 256;  // bytes, for a base station's queue
constexpr auto kCloseWithin = std::chrono::seconds(10);
constexpr auto kAcceptWithin = std::chrono::seconds(10);
// A peer heard from in none of two such spans (the second after a ping) is gone.
constexpr auto kPingAfter = std::chrono::seconds(10);

Frame error_frame(std::uint64_t request_id, core::ErrorCode code, const char* zh, const char* en) {
  return frame_of(codec::error_reply(request_id, core::make_error(code, zh, en), wall_ms()));
}

template <class Stream>
class WebsocketSession : public Peer, public std::enable_shared_from_this<WebsocketSession<Stream>> {
 public:
  WebsocketSession(Stream&& stream, std::shared_ptr<HallHandle> hall)
      : ws_(std::move(stream)),
        hall_(std::move(hall)),
        hello_deadline_(ws_.get_executor()),
        close_deadline_(ws_.get_executor()),
        keepalive_(ws_.get_executor()) {
    beast::error_code ec;
    auto endpoint = beast::get_lowest_layer(ws_).socket().remote_endpoint(ec);
    address_ = ec ? std::string("?") : endpoint.address().to_string();
    remote_ = ec ? std::string("?") : address_ + ":" + std::to_string(endpoint.port());
  }

  // Beast 1.74's own timeouts stay off (its default): when its timer fires
  // during a close handshake, a read waiting on the close trips an assertion
  // that ends the process (boostorg/beast#2264). It did, for silent
  // connections closed at their hello deadline, even with the timer turned
  // off just before the close, as a firing already on its way still ran.
  // The socket's own deadline bounds the upgrade; ours do the rest.
  void run(http::request<http::string_body> request) {
    beast::get_lowest_layer(ws_).expires_after(kAcceptWithin);
    ws_.control_callback([this](websocket::frame_type, beast::string_view) { heard_ = true; });
    ws_.read_message_max(kMaxFrame);
    ws_.binary(true);
    ws_.async_accept(request, beast::bind_front_handler(&WebsocketSession::on_accept, this->shared_from_this()));
  }

  void deliver(Frame frame, bool droppable) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), frame = std::move(frame), droppable] {
      self->enqueue(std::move(frame), droppable);
    });
  }

  void deliver_snapshot(Frame frame) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), frame = std::move(frame)] {
      self->snapshot_ = std::move(frame);
      self->write_next();
    });
  }

  bool lagging() const override { return lagging_.load(); }

  void refuse(Frame last) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), last = std::move(last)] {
      self->close_after_ = true;
      self->bound_the_close();
      self->enqueue(last, false);
    });
  }

  void admitted() override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
      self->admitted_ = true;
      self->hello_deadline_.cancel();
    });
  }

  std::string describe() const override { return remote_; }
  std::string remote_address() const override { return address_; }

  void widen_rate_limit(double per_second, double burst) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), per_second, burst] {
      self->rate_ = std::max(kRatePerSecond, per_second);
      self->burst_ = std::max(kBurst, burst);
      self->tokens_ = self->burst_;
      // Its acknowledgements come in bursts as large as its budget.
      self->hard_queue_ = std::max(kHardQueue, static_cast<std::size_t>(burst) * 2 * kLargestClickerAck);
    });
  }

 private:
  struct Outgoing {
    Frame frame;
    bool droppable;
  };

  void on_accept(beast::error_code ec) {
    beast::get_lowest_layer(ws_).expires_never();
    if (ec) return;
    await_hello();
    keep_alive();
    do_read();
  }

  // A ping after a span of silence; a peer silent for the next span too is
  // dropped, as a phone that walked out of the Wi-Fi never says goodbye.
  void keep_alive() {
    keepalive_.expires_after(kPingAfter);
    keepalive_.async_wait([self = this->shared_from_this()](beast::error_code ec) {
      if (ec || self->closing_ || self->left_) return;
      if (self->heard_) {
        self->heard_ = false;
        self->pinged_ = false;
      } else if (self->pinged_) {
        log_line("closing " + self->remote_ + ": no answer to a ping");
        return beast::get_lowest_layer(self->ws_).close();
      } else if (!self->close_after_ && !self->draining_) {
        self->pinged_ = true;
        self->ws_.async_ping({}, [](beast::error_code) {});
      }
      self->keep_alive();
    });
  }

  void await_hello() {
    hello_deadline_.expires_after(kHelloWithin);
    hello_deadline_.async_wait([self = this->shared_from_this()](beast::error_code ec) {
      if (ec || self->admitted_ || self->closing_) return;
      self->close_after_ = true;
      self->bound_the_close();
      self->enqueue(error_frame(0, core::ErrorCode::unauthenticated, "连接后须在 10 秒内发送 hello 并出示令牌",
                                "send hello with your token within 10 seconds of connecting"), false);
    });
  }

  void do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&WebsocketSession::on_read, this->shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) return gone();
    heard_ = true;
    if (closing_ || left_ || draining_) return;
    auto data = buffer_.data();
    v1::ClientMessage message;
    bool parsed = ws_.got_binary() && message.ParseFromArray(data.data(), static_cast<int>(data.size()));
    buffer_.consume(buffer_.size());
    // An idle connection should not keep the largest message's buffer.
    if (buffer_.capacity() > kIdleBuffer) buffer_.shrink_to_fit();
    if (!parsed) {
      if (++garbage_ > kGarbageLimit)
        return drain_and_close(error_frame(0, core::ErrorCode::bad_message, "无法解析的消息太多，连接已关闭",
                                           "too many malformed messages: closing"));
      enqueue(error_frame(0, core::ErrorCode::bad_message, "无法解析的消息", "not a valid ClientMessage"), false);
      return do_read();
    }
    if (!take_token()) {
      if (++floods_ > kFloodLimit)
        return drain_and_close(error_frame(0, core::ErrorCode::rate_limited,
                                           "请求过于频繁，连接已关闭；未得到回答的请求都没有执行",
                                           "flooding: closing; no request left unanswered was carried out"));
      enqueue(error_frame(message.request_id(), core::ErrorCode::rate_limited, "请求过于频繁，请稍后再试",
                          "too many messages: slow down"), false);
      return do_read();
    }
    if (message.has_hello() && !admitted_) await_hello();  // another try, e.g. a corrected personal code
    asio::post(hall_->strand, [hall = hall_, self = this->shared_from_this(), message = std::move(message)] {
      hall->hall->receive(self, message);
    });
    do_read();
  }

  bool take_token() {
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - last_refill_).count();
    last_refill_ = now;
    tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

  // Stops reading; the hall sends `last` once everything handed to it is answered.
  void drain_and_close(Frame last) {
    draining_ = true;
    log_line("closing " + remote_ + " once its requests are answered");
    asio::post(hall_->strand, [hall = hall_, self = this->shared_from_this(), last = std::move(last)] {
      hall->hall->farewell(self, last);
    });
  }

  void enqueue(Frame frame, bool droppable) {
    if (closing_) return;
    if (queued_ >= kSoftQueue && droppable) {
      // Fallen behind: drop event batches, catch up from the latest snapshot.
      std::erase_if(queue_, [this](const Outgoing& o) {
        if (o.droppable) queued_ -= o.frame.size();
        return o.droppable;
      });
      if (!lagging_.exchange(true))
        asio::post(hall_->strand, [hall = hall_, self = this->shared_from_this()] { hall->hall->catch_up(self); });
      if (stuck()) return close_for_policy("not reading");
      return write_next();
    }
    queued_ += frame.size();
    queue_.push_back({std::move(frame), droppable});
    if (stuck()) return close_for_policy("not reading");
    write_next();
  }

  // A single large frame (a welcome's whole roster) is not a stuck reader.
  bool stuck() const { return queued_ > hard_queue_ && queue_.size() > 1; }

  void write_next() {
    if (writing_ || closing_) return;
    if (!queue_.empty()) {
      writing_frame_ = std::move(queue_.front().frame);
      queue_.pop_front();
      queued_ -= writing_frame_.size();
    } else if (snapshot_) {
      writing_frame_ = std::move(snapshot_);
      snapshot_ = Frame{};
      lagging_ = false;
    } else {
      return;
    }
    writing_ = true;
    std::array<asio::const_buffer, 2> parts{
        writing_frame_.shared ? asio::buffer(*writing_frame_.shared) : asio::const_buffer(),
        writing_frame_.own ? asio::buffer(*writing_frame_.own) : asio::const_buffer()};
    ws_.async_write(parts, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->writing_frame_ = Frame{};
      self->on_write(ec);
    });
  }

  void on_write(beast::error_code ec) {
    writing_ = false;
    if (ec) return gone();
    if (close_after_ && queue_.empty()) return close_for_policy("refused");
    write_next();
  }

  void close_for_policy(const char* why) {
    if (closing_) return;
    closing_ = true;
    log_line(std::string("closing ") + remote_ + ": " + why);
    keepalive_.cancel();
    bound_the_close();
    ws_.async_close(websocket::close_reason(websocket::close_code::policy_error, why),
                    [self = this->shared_from_this()](beast::error_code) { self->gone(); });
  }

  // The last write and the close handshake, for a peer that never reads.
  void bound_the_close() {
    close_deadline_.expires_after(kCloseWithin);
    close_deadline_.async_wait([self = this->shared_from_this()](beast::error_code ec) {
      if (!ec) beast::get_lowest_layer(self->ws_).close();
    });
  }

  void gone() {
    if (left_) return;
    left_ = true;
    hello_deadline_.cancel();
    close_deadline_.cancel();
    keepalive_.cancel();
    asio::post(hall_->strand, [hall = hall_, self = this->shared_from_this()] { hall->hall->leave(self.get()); });
  }

  websocket::stream<Stream> ws_;
  std::shared_ptr<HallHandle> hall_;
  std::string remote_;
  std::string address_;
  beast::flat_buffer buffer_;
  std::deque<Outgoing> queue_;
  std::size_t queued_ = 0;  // bytes in queue_
  Frame snapshot_;
  Frame writing_frame_;
  std::atomic<bool> lagging_{false};
  bool writing_ = false, closing_ = false, close_after_ = false, left_ = false, draining_ = false;
  int garbage_ = 0, floods_ = 0;
  double rate_ = kRatePerSecond, burst_ = kBurst;
  std::size_t hard_queue_ = kHardQueue;
  double tokens_ = kBurst;
  std::chrono::steady_clock::time_point last_refill_ = std::chrono::steady_clock::now();
  asio::steady_timer hello_deadline_;
  asio::steady_timer close_deadline_;  // for the peer to answer our close
  asio::steady_timer keepalive_;
  bool heard_ = false, pinged_ = false;  // since the keep-alive's last span
  bool admitted_ = false;
};
}  // namespace

void serve_websocket(PlainStream stream, http::request<http::string_body> request, std::shared_ptr<HallHandle> hall) {
  std::make_shared<WebsocketSession<PlainStream>>(std::move(stream), std::move(hall))->run(std::move(request));
}

void serve_websocket(TlsStream stream, http::request<http::string_body> request, std::shared_ptr<HallHandle> hall) {
  std::make_shared<WebsocketSession<TlsStream>>(std::move(stream), std::move(hall))->run(std::move(request));
}

}  // namespace gavel::net
