// The display's link to gaveld. A network thread of its own runs a
// client::Connection, reconnects with backoff and resumes from the last event
// it saw, and publishes each state as an immutable FeedState. The render
// thread takes the latest with latest(), which never waits on the network:
// the lock is held only to copy a pointer.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "client_lib/connection.hpp"
#include "gavel/v1/meeting.pb.h"
#include "model/target.hpp"

namespace gavel::display {

enum class Link { connecting, live, reconnecting };

const char* link_name(Link link);  // "connecting", "live", "reconnecting"

struct FeedState {
  Link link = Link::connecting;
  // The last state received; kept on screen while the link is down. Null
  // until the first welcome.
  std::shared_ptr<const v1::MeetingSnapshot> snapshot;
  // Server Unix ms = client::steady_now_ms() + clock_offset_ms. Kept while
  // the link is down: the server's clock goes on, and so does a countdown.
  std::int64_t clock_offset_ms = 0;
  std::string phone_url;
  std::string problem;  // why the link is down (the client library's words)
  int attempts = 0;     // failed attempts since the link was last live
};

class Feed {
 public:
  // Where to connect; called on the network thread before every attempt.
  using Resolve = std::function<client::Result<Target>()>;
  // Called on the network thread after each publish, with the state before.
  using Observer = std::function<void(const FeedState& now, const FeedState& before)>;

  static constexpr std::chrono::milliseconds kConnectTimeout{3000};
  // A ping sharpens the clock estimate and finds a link that died silently
  // (a pulled cable sends no close).
  static constexpr std::chrono::milliseconds kPingEvery{2000};
  static constexpr std::chrono::milliseconds kPingTimeout{3000};

  Feed(Resolve resolve, client::TlsOptions tls, Observer observer);
  ~Feed();  // stops the thread and waits for it
  Feed(const Feed&) = delete;
  Feed& operator=(const Feed&) = delete;

  void start();
  std::shared_ptr<const FeedState> latest() const;

 private:
  void run();
  void serve(client::Connection& connection);
  void lose(std::string problem);
  void publish(FeedState next);
  bool stopping() const;
  void pause(std::chrono::milliseconds wait);

  const Resolve resolve_;
  const client::TlsOptions tls_;
  const Observer observer_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::shared_ptr<const FeedState> latest_;

  // The network thread's own.
  FeedState state_;
  std::uint64_t last_seq_ = 0;
  std::thread thread_;
};

}  // namespace gavel::display
