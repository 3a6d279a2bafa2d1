// The load generator: thousands of WebSocket clients driven by one thread
// (the caller's), sharing the machine with gaveld. Every client reads all
// the time, so the server never sees a slow reader and its pings are
// answered. Answers are matched to requests by id and timed from the moment
// the command was handed to send(), so load-generator delays count against
// the server, never in its favour.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gavel/v1/envelope.pb.h"

namespace gavel::bench {

using Clock = std::chrono::steady_clock;

struct Reply {
  bool answered = false;       // false: the connection ended first
  v1::ServerMessage message;   // the answer; a welcome is left unparsed (body not set)
  Clock::time_point sent, received;
  std::size_t bytes = 0;       // the answer's size on the wire (protobuf)
  double ms() const { return std::chrono::duration<double, std::milli>(received - sent).count(); }
};

class Swarm {
 public:
  using OnReply = std::function<void(const Reply&)>;
  // A message the server sent unasked (events, snapshot): the number of its
  // ServerMessage body field, and its bytes, for the watcher to parse if it needs to.
  using OnMessage = std::function<void(int body, std::string_view bytes, Clock::time_point at)>;

  Swarm(const std::string& host, std::uint16_t port);
  ~Swarm();
  Swarm(const Swarm&) = delete;
  Swarm& operator=(const Swarm&) = delete;

  // Adds a client per token and connects them, `parallel` handshakes at a
  // time, until each is welcomed or refused or `limit` passes. Returns the
  // index of the first client added.
  std::size_t open(const std::vector<std::string>& tokens, std::chrono::milliseconds limit,
                   std::size_t parallel = 200);
  std::size_t size() const { return clients_.size(); }
  std::size_t welcomed() const { return welcomed_; }
  std::size_t lost() const { return lost_; }  // connections that failed or that the server ended
  std::size_t welcome_bytes() const { return welcome_bytes_; }  // all welcomes so far

  void send(std::size_t client, const v1::Command& command, OnReply done);
  void watch(std::size_t client, OnMessage on_message);
  // Runs `action` on this thread at `when`.
  void at(Clock::time_point when, std::function<void()> action);
  // Does the network work until `done()` holds; false if `limit` passed first.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit);
  // Sends and waits for the answer: for setting a scene up, not for measuring.
  Reply call(std::size_t client, const v1::Command& command,
             std::chrono::milliseconds limit = std::chrono::seconds(30));

 private:
  struct Client;
  struct Io;
  void connect(std::size_t index);
  void read(Client& client);
  void write(Client& client, std::string bytes);
  void write_next(Client& client);
  void received(Client& client, std::string_view bytes);
  void end(Client& client);
  void opened(Client& client);

  std::unique_ptr<Io> io_;
  std::vector<std::unique_ptr<Client>> clients_;
  std::vector<std::size_t> waiting_;  // clients still to connect, last first
  std::size_t connecting_ = 0, welcomed_ = 0, lost_ = 0, welcome_bytes_ = 0;
};

}  // namespace gavel::bench
