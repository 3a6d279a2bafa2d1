#include "connection.hpp"

#include <deque>
#include <map>
#include <set>

#include "transport.hpp"

namespace gavel::client {

namespace {

using Clock = std::chrono::steady_clock;

// After close() is asked for, how long the server gets to answer the close.
constexpr std::chrono::milliseconds kCloseTimeout{1000};

std::uint64_t max_seq(const v1::ServerMessage& message) {
  std::uint64_t seq = 0;
  if (message.has_events()) {
    // A participant's batch covers events it leaves out (other people's ballots).
    seq = message.events().seq();
    for (const v1::Event& e : message.events().events()) seq = std::max(seq, e.seq());
  } else if (message.has_snapshot()) {
    seq = message.snapshot().seq();
  }
  return seq;
}

std::string millis(std::chrono::milliseconds timeout) { return std::to_string(timeout.count()) + " ms"; }

// A request's answer: the server's refusal, the part the request expects
// (`has`, `get`), or a protocol error saying that part was missing.
template <class Part>
Result<Part> expected_part(Result<v1::ServerMessage> answer, bool (v1::ServerMessage::*has)() const,
                           const Part& (v1::ServerMessage::*get)() const, std::string missing_zh,
                           std::string missing_en) {
  if (!answer) return answer.error();
  if (answer.value().has_error()) return server_error(answer.value().error());
  if (!(answer.value().*has)()) return local_error(ErrorKind::protocol, std::move(missing_zh), std::move(missing_en));
  return (answer.value().*get)();
}

}  // namespace

class Connection::Impl {
 public:
  struct Outcome {
    bool done = false;
    std::optional<Error> error;
  };

  explicit Impl(std::unique_ptr<detail::Transport> transport) : transport_(std::move(transport)) {}

  ~Impl() { close(); }

  Result<v1::Welcome> handshake(const Endpoint& endpoint, const std::string& token,
                                std::uint64_t resume_after_seq, std::string client_name,
                                Clock::time_point deadline) {
    // Shared with the handler, which may outlive this frame if it is slow to
    // cancel (a resolver stuck in DNS).
    auto opened = std::make_shared<Outcome>();
    ++pending_;
    transport_->async_open(endpoint, [this, opened](std::optional<Error> e) {
      --pending_;
      opened->done = true;
      opened->error = std::move(e);
    });
    if (!run_until([&] { return opened->done; }, deadline)) {
      abort(local_error(ErrorKind::timeout, "在限定时间内未能连接到 " + endpoint.url(),
                        "no connection to " + endpoint.url() + " within the timeout"));
      return *failure_;
    }
    if (opened->error) {
      abort(*opened->error);
      return *opened->error;
    }
    open_ = true;
    start_read();

    v1::ClientMessage hello;
    hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
    hello.mutable_hello()->set_token(token);
    hello.mutable_hello()->set_resume_after_seq(resume_after_seq);
    hello.mutable_hello()->set_client_name(std::move(client_name));
    auto answer = request(std::move(hello), deadline, {"发往 " + endpoint.url() + " 的 hello", "the hello sent to " + endpoint.url()});
    if (!answer) {
      abort(answer.error());
      return answer.error();
    }
    v1::ServerMessage& message = answer.value();
    if (message.has_error()) {
      abort(server_error(message.error()));
      return *failure_;
    }
    if (!message.has_welcome()) {
      abort(local_error(ErrorKind::protocol, "服务器回应了 hello，却没有欢迎消息",
                        "the server answered the hello without a welcome"));
      return *failure_;
    }
    last_seq_ = message.welcome().snapshot().seq();
    for (const v1::Event& e : message.welcome().missed()) last_seq_ = std::max(last_seq_, e.seq());
    return std::move(*message.mutable_welcome());
  }

  // Sends `message` with a fresh request id and waits for the answer to it.
  // What was asked, for the timeout's words.
  struct Asked {
    std::string zh, en;
  };
  Result<v1::ServerMessage> request(v1::ClientMessage message, Clock::time_point deadline, const Asked& what) {
    if (!open_) return failure_.value_or(local_error(ErrorKind::closed, "连接已关闭", "the connection is closed"));
    const std::uint64_t id = next_request_id_++;
    message.set_request_id(id);
    auto frame = std::make_shared<std::string>();
    if (!message.SerializeToString(frame.get())) {
      return local_error(ErrorKind::protocol, "无法编码这条消息", "cannot serialize the message");
    }
    if (frame->size() > detail::kMaxOutgoingFrame) {
      return local_error(ErrorKind::too_large,
                         "消息有 " + std::to_string(frame->size()) + " 字节，服务器最多接受 " +
                             std::to_string(detail::kMaxOutgoingFrame) + " 字节",
                         "the message is " + std::to_string(frame->size()) + " bytes; the server accepts at most " +
                             std::to_string(detail::kMaxOutgoingFrame));
    }
    awaiting_.insert(id);
    send(std::move(frame));
    run_until([&] { return answers_.count(id) > 0 || !open_; }, deadline);
    awaiting_.erase(id);
    const auto it = answers_.find(id);
    if (it != answers_.end()) {
      v1::ServerMessage answer = std::move(it->second);
      answers_.erase(it);
      return answer;
    }
    if (!open_) return failure_.value_or(local_error(ErrorKind::closed, "连接已关闭", "the connection is closed"));
    return local_error(ErrorKind::timeout, what.zh + "没有收到回应", "no answer to " + what.en);
  }

  std::optional<v1::ServerMessage> next(Clock::time_point deadline) {
    run_until([&] { return !inbox_.empty() || !open_; }, deadline);
    if (inbox_.empty()) return std::nullopt;
    v1::ServerMessage message = std::move(inbox_.front());
    inbox_.pop_front();
    last_seq_ = std::max(last_seq_, max_seq(message));
    return message;
  }

  void close() {
    if (!open_) return;
    open_ = false;
    auto closed = std::make_shared<Outcome>();
    ++pending_;
    transport_->async_close([this, closed](std::optional<Error>) {
      --pending_;
      closed->done = true;
    });
    run_until([&] { return closed->done; }, Clock::now() + kCloseTimeout);
    shut_down();
  }

  bool is_open() const { return open_; }
  const std::optional<Error>& failure() const { return failure_; }
  std::uint64_t last_seq() const { return last_seq_; }
  const ClockOffset& clock() const { return clock_; }

 private:
  // Runs handlers until `done()` holds. False when the deadline passed or
  // nothing is left that could make it hold. Past the deadline it still runs
  // what is ready, so next(0ms) picks up frames that have arrived.
  template <class Pred>
  bool run_until(Pred done, Clock::time_point deadline) {
    using detail::Transport;
    while (!done()) {
      const Transport::Ran ran =
          Clock::now() >= deadline ? transport_->poll_one() : transport_->run_one_until(deadline);
      if (ran == Transport::Ran::idle) return done();
      if (ran == Transport::Ran::timed_out) return false;
    }
    return true;
  }

  void start_read() {
    ++pending_;
    transport_->async_read([this](std::optional<Error> e, std::string frame) {
      --pending_;
      if (e) {
        // A read that fails after close() was asked for is the expected end.
        if (open_) abort(std::move(*e));
        return;
      }
      on_frame(frame);
      if (open_) start_read();
    });
  }

  void on_frame(const std::string& frame) {
    const std::int64_t received_ms = steady_now_ms();
    v1::ServerMessage message;
    if (!message.ParseFromString(frame)) {
      abort(local_error(ErrorKind::protocol, "服务器发来的消息本客户端无法读取（协议版本不同？）",
                        "the server sent a message this client cannot read "
                        "(a different protocol version?)"));
      return;
    }
    if (message.server_time_ms() != 0) {
      if (message.has_pong()) {
        clock_.observe_round_trip(message.pong().client_time_ms(), message.server_time_ms(), received_ms);
      } else {
        clock_.observe(message.server_time_ms(), received_ms);
      }
    }
    if (message.request_id() != 0) {
      // An answer nobody waits for any more (its call timed out) is dropped.
      if (awaiting_.count(message.request_id()) > 0) answers_[message.request_id()] = std::move(message);
      return;
    }
    if (message.has_error()) last_unsolicited_error_ = message.error();
    if (inbox_.size() >= kMaxBufferedMessages) inbox_.pop_front();
    inbox_.push_back(std::move(message));
  }

  void send(std::shared_ptr<const std::string> frame) {
    outbox_.push_back(std::move(frame));
    if (!writing_) write_next();
  }

  void write_next() {
    if (outbox_.empty() || !open_) {
      writing_ = false;
      return;
    }
    writing_ = true;
    auto frame = std::move(outbox_.front());
    outbox_.pop_front();
    ++pending_;
    transport_->async_write(std::move(frame), [this](std::optional<Error> e) {
      --pending_;
      if (e) {
        writing_ = false;
        if (open_) abort(std::move(*e));
        return;
      }
      write_next();
    });
  }

  // Ends the connection because of `why`; the server's last word, if it sent
  // one before closing (e.g. RATE_LIMITED), says more than "closed".
  void abort(Error why) {
    if (why.kind == ErrorKind::closed && last_unsolicited_error_) {
      why = server_error(*last_unsolicited_error_);
    }
    open_ = false;
    failure_ = std::move(why);
    shut_down();
  }

  // Closes the socket and lets this object's aborted operations finish, so
  // none of their handlers is left behind. (Beast's own keep-alive timer may
  // stay pending; it refers to nothing here.)
  void shut_down() {
    transport_->abort();
    run_until([this] { return pending_ == 0; }, Clock::now() + kCloseTimeout);
    outbox_.clear();
  }

  std::unique_ptr<detail::Transport> transport_;
  bool open_ = false;
  bool writing_ = false;
  int pending_ = 0;  // transport operations started and not yet completed
  std::optional<Error> failure_;
  std::optional<v1::Error> last_unsolicited_error_;
  std::uint64_t next_request_id_ = 1;
  std::set<std::uint64_t> awaiting_;
  std::map<std::uint64_t, v1::ServerMessage> answers_;
  std::deque<v1::ServerMessage> inbox_;
  std::deque<std::shared_ptr<const std::string>> outbox_;
  std::uint64_t last_seq_ = 0;
  ClockOffset clock_;
  v1::Welcome welcome_;

  friend class Connection;
};

Result<std::unique_ptr<Connection>> Connection::open(const Endpoint& endpoint, const std::string& token,
                                                     std::uint64_t resume_after_seq, std::string client_name,
                                                     TlsOptions tls, std::chrono::milliseconds timeout) {
  auto transport = detail::make_transport(endpoint.tls, tls);
  if (!transport) return transport.error();
  auto impl = std::make_unique<Impl>(std::move(transport).value());
  auto welcome =
      impl->handshake(endpoint, token, resume_after_seq, std::move(client_name), Clock::now() + timeout);
  if (!welcome) return welcome.error();
  impl->welcome_ = std::move(welcome).value();
  return std::unique_ptr<Connection>(new Connection(std::move(impl)));
}

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::~Connection() = default;

const v1::Welcome& Connection::welcome() const { return impl_->welcome_; }

Result<v1::Ack> Connection::call(const v1::Command& command, std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  *message.mutable_command() = command;
  const auto* field = command.GetReflection()->GetOneofFieldDescriptor(
      command, command.GetDescriptor()->FindOneofByName("body"));
  const std::string name = field ? field->name() : "an empty command";
  auto answer =
      impl_->request(std::move(message), Clock::now() + timeout,
                     {"命令 " + name + " 在 " + millis(timeout) + " 内", name + " within " + millis(timeout)});
  return expected_part(std::move(answer), &v1::ServerMessage::has_ack, &v1::ServerMessage::ack,
                       "服务器回应了 " + name + "，却没有确认", "the server answered " + name + " without an ack");
}

Result<v1::MinutesFile> Connection::minutes(const v1::MinutesRequest& request, std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  *message.mutable_minutes_request() = request;
  auto answer =
      impl_->request(std::move(message), Clock::now() + timeout,
                     {"纪要请求在 " + millis(timeout) + " 内", "the minutes within " + millis(timeout)});
  return expected_part(std::move(answer), &v1::ServerMessage::has_minutes_file, &v1::ServerMessage::minutes_file,
                       "服务器回应了纪要请求，却没有文件", "the server answered a minutes request without a file");
}

Result<v1::Receipts> Connection::receipts(const v1::ReceiptsRequest& request, std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  *message.mutable_receipts_request() = request;
  auto answer =
      impl_->request(std::move(message), Clock::now() + timeout,
                     {"回执查询在 " + millis(timeout) + " 内", "the receipts within " + millis(timeout)});
  return expected_part(std::move(answer), &v1::ServerMessage::has_receipts, &v1::ServerMessage::receipts,
                       "服务器回应了回执查询，却没有回执", "the server answered a receipts request without receipts");
}

Result<v1::ClickerAck> Connection::press(const v1::ClickerPress& press, std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  *message.mutable_press() = press;
  auto answer =
      impl_->request(std::move(message), Clock::now() + timeout,
                     {"按键在 " + millis(timeout) + " 内", "the press within " + millis(timeout)});
  return expected_part(std::move(answer), &v1::ServerMessage::has_clicker_ack, &v1::ServerMessage::clicker_ack,
                       "服务器回应了按键，却没有表决器确认", "the server answered a press without a clicker ack");
}

Result<v1::ClickerFleet> Connection::clicker_admin(const v1::ClickerAdmin& admin,
                                                   std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  *message.mutable_clicker_admin() = admin;
  auto answer = impl_->request(std::move(message), Clock::now() + timeout,
                               {"表决器请求在 " + millis(timeout) + " 内", "the clicker request within " + millis(timeout)});
  return expected_part(std::move(answer), &v1::ServerMessage::has_clicker_fleet, &v1::ServerMessage::clicker_fleet,
                       "服务器回应了表决器请求，却没有设备清单", "the server answered a clicker request without the fleet");
}

Result<std::chrono::milliseconds> Connection::ping(std::chrono::milliseconds timeout) {
  v1::ClientMessage message;
  const std::int64_t sent_ms = steady_now_ms();
  message.mutable_ping()->set_client_time_ms(sent_ms);
  auto answer =
      impl_->request(std::move(message), Clock::now() + timeout,
                     {"ping 在 " + millis(timeout) + " 内", "the ping within " + millis(timeout)});
  if (!answer) return answer.error();
  if (answer.value().has_error()) return server_error(answer.value().error());
  if (!answer.value().has_pong())
    return local_error(ErrorKind::protocol, "服务器回应了 ping，却没有 pong",
                       "the server answered a ping without a pong");
  return std::chrono::milliseconds(steady_now_ms() - sent_ms);
}

std::optional<v1::ServerMessage> Connection::next(std::chrono::milliseconds timeout) {
  return impl_->next(Clock::now() + timeout);
}

bool Connection::is_open() const { return impl_->is_open(); }
const std::optional<Error>& Connection::failure() const { return impl_->failure(); }
void Connection::close() { impl_->close(); }
std::uint64_t Connection::last_seq() const { return impl_->last_seq(); }
const ClockOffset& Connection::clock() const { return impl_->clock(); }
std::int64_t Connection::server_now_ms() const { return impl_->clock().server_time_at(steady_now_ms()); }

}  // namespace gavel::client
