#include "model/feed.hpp"

#include <random>

#include "model/backoff.hpp"

namespace gavel::display {

namespace {
constexpr std::chrono::milliseconds kPoll{100};  // how soon a stop is noticed
constexpr const char* kClientName = "gavel-display 0.1";
}  // namespace

const char* link_name(Link link) {
  switch (link) {
    case Link::connecting: return "connecting";
    case Link::live: return "live";
    case Link::reconnecting: return "reconnecting";
  }
  return "?";
}

Feed::Feed(Resolve resolve, client::TlsOptions tls, Observer observer)
    : resolve_(std::move(resolve)), tls_(std::move(tls)), observer_(std::move(observer)),
      latest_(std::make_shared<const FeedState>()) {}

Feed::~Feed() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Feed::start() { thread_ = std::thread([this] { run(); }); }

std::shared_ptr<const FeedState> Feed::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

bool Feed::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void Feed::pause(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, wait, [this] { return stopping_; });
}

void Feed::publish(FeedState next) {
  FeedState before = std::exchange(state_, std::move(next));
  {
    std::lock_guard lock(mutex_);
    latest_ = std::make_shared<const FeedState>(state_);
  }
  if (observer_) observer_(state_, before);
}

void Feed::lose(std::string problem) {
  FeedState next = state_;
  if (next.link == Link::live) next.link = Link::reconnecting;
  next.problem = std::move(problem);
  ++next.attempts;
  publish(std::move(next));
}

void Feed::run() {
  Backoff backoff{std::random_device{}()};
  while (!stopping()) {
    auto target = resolve_();
    if (!target) {
      lose(client::describe(target.error()));
      pause(backoff.next());
      continue;
    }
    if (target.value().phone_url != state_.phone_url) {
      FeedState next = state_;
      next.phone_url = target.value().phone_url;
      publish(std::move(next));
    }
    auto opened = client::Connection::open(target.value().endpoint, target.value().token, last_seq_, kClientName,
                                           tls_, kConnectTimeout);
    if (!opened) {
      lose(client::describe(opened.error()));
      pause(backoff.next());
      continue;
    }
    backoff.reset();
    serve(*opened.value());
  }
}

void Feed::serve(client::Connection& connection) {
  FeedState next = state_;
  next.link = Link::live;
  next.snapshot = std::make_shared<const v1::MeetingSnapshot>(connection.welcome().snapshot());
  next.clock_offset_ms = connection.clock().offset_ms();
  next.problem.clear();
  next.attempts = 0;
  publish(std::move(next));
  last_seq_ = connection.last_seq();

  auto last_ping = std::chrono::steady_clock::now();
  while (!stopping()) {
    auto message = connection.next(kPoll);
    last_seq_ = connection.last_seq();
    if (message && message->has_snapshot()) {
      next = state_;
      next.snapshot = std::make_shared<const v1::MeetingSnapshot>(std::move(*message->mutable_snapshot()));
      next.clock_offset_ms = connection.clock().offset_ms();
      publish(std::move(next));
    }
    if (!connection.is_open()) {
      lose(connection.failure() ? client::describe(*connection.failure()) : "the connection closed");
      return;
    }
    if (std::chrono::steady_clock::now() - last_ping >= kPingEvery) {
      last_ping = std::chrono::steady_clock::now();
      if (auto rtt = connection.ping(kPingTimeout); !rtt) {
        connection.close();
        lose(client::describe(rtt.error()));
        return;
      }
      if (connection.clock().offset_ms() != state_.clock_offset_ms) {
        next = state_;
        next.clock_offset_ms = connection.clock().offset_ms();
        publish(std::move(next));
      }
    }
  }
  connection.close();
}

}  // namespace gavel::display
