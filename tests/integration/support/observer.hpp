// Follows a connection's unsolicited messages: keeps the latest snapshot and
// every event, so a test can wait for the room to reach a state.
#pragma once

#include <functional>
#include <vector>

#include "client_lib/connection.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {

class Observer {
 public:
  explicit Observer(client::Connection& connection) : connection_(connection) {
    snapshot_ = connection.welcome().snapshot();
  }

  // Reads until `holds(snapshot)` or the time limit; true if it held.
  bool wait_for(const std::function<bool(const v1::MeetingSnapshot&)>& holds,
                std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!holds(snapshot_)) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      auto message = connection_.next(left);
      if (!message) return holds(snapshot_);
      take(*message);
    }
    return true;
  }

  const v1::MeetingSnapshot& snapshot() const { return snapshot_; }
  const std::vector<v1::Event>& events() const { return events_; }

 private:
  void take(const v1::ServerMessage& message) {
    if (message.has_snapshot()) snapshot_ = message.snapshot();
    if (message.has_events())
      for (const auto& event : message.events().events()) events_.push_back(event);
  }

  client::Connection& connection_;
  v1::MeetingSnapshot snapshot_;
  std::vector<v1::Event> events_;
};

}  // namespace gavel::test
