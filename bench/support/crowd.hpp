// The load generator's network side: thousands of WebSocket clients on one
// thread (the caller's), each with at most one request in flight. Every
// client reads all the time, so the server never sees a slow reader and its
// pings are answered. Buffers are per client and reused: sending a request
// or reading an answer allocates nothing once a client has warmed up, and a
// large message nobody needs whole (a welcome, a snapshot) is read in 16 KiB
// pieces and dropped as it comes, so 10,000 welcomes at once do not need
// 10,000 welcome-sized buffers here. Answers are timed from the moment the
// request was handed to send(), so the generator's own delays count against
// the server, never in its favour.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gavel::bench {

using Clock = std::chrono::steady_clock;

// How a server's messages are read: the request id a message answers (0:
// sent unasked), its kind, and whether the receiver needs it whole.
struct Head {
  std::uint64_t request_id = 0;
  int kind = 0;             // gaveld: the ServerMessage body's field number
  bool keep_whole = false;  // false: only its first bytes are kept
};
using Framing = Head (*)(std::string_view first_bytes);

struct Answer {
  std::size_t client = 0;
  bool answered = false;  // false: the connection ended first
  Clock::time_point sent, received;
  int kind = 0;
  std::size_t bytes = 0;   // the whole message's size
  std::string_view data;   // the whole message, or its first bytes when not kept whole
};

class Crowd {
 public:
  using OnAnswer = std::function<void(const Answer&)>;
  // A message sent unasked to a watched client (an event batch, a snapshot).
  using OnUnasked = std::function<void(std::size_t client, const Answer&)>;
  // Writes client `i`'s hello (the first frame after the handshake) into `out`.
  using Hello = std::function<void(std::size_t client, std::string& out)>;

  Crowd(std::uint16_t port, Framing framing, Hello hello);
  ~Crowd();
  Crowd(const Crowd&) = delete;
  Crowd& operator=(const Crowd&) = delete;

  // Adds `count` clients and connects them, `parallel` handshakes at a time
  // (0: all at once), until each has its hello answered or `limit` passes.
  // Returns when all are answered, refused or lost, or at the limit.
  void open(std::size_t count, std::size_t parallel, std::chrono::milliseconds limit);
  // Drops clients [first, first + count) and connects them again, all at once.
  void reconnect(std::size_t first, std::size_t count, std::chrono::milliseconds limit);

  std::size_t size() const { return clients_.size(); }
  std::size_t welcomed() const { return welcomed_; }  // hellos answered with the expected kind
  std::size_t lost() const { return lost_; }          // connections that failed or that the server ended
  std::size_t welcome_bytes() const { return welcome_bytes_; }
  Clock::time_point last_welcome() const { return last_welcome_; }
  void expect_welcome(int kind) { welcome_kind_ = kind; }

  // The frame client `i` sends next; fill it, then send(i).
  std::string& outbox(std::size_t client);
  void send(std::size_t client);
  void on_answer(OnAnswer handler) { on_answer_ = std::move(handler); }
  void watch(std::size_t client, OnUnasked handler);
  // The request id the client's next send() carries: a framing writes it.
  std::uint64_t next_request(std::size_t client) const;

  // Runs `action(i)` on this thread at each moment[i] (rising), from one
  // timer: thousands of presses allocate no timer each.
  void at_moments(std::vector<Clock::time_point> moments, std::function<void(std::size_t)> action);
  // Checked about every 100 ms while running: true ends every run early
  // (a server's memory past a guard, say).
  void abort_when(std::function<bool()> abort) { abort_ = std::move(abort); }
  bool aborted() const { return aborted_; }
  // Does the network work until `done()` holds; false if `limit` passed (or
  // the abort condition held) first.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit);

 private:
  struct Client;
  struct Io;
  void connect(Client& client);
  void read(Client& client);
  void chunk(Client& client, std::size_t bytes);
  void finish(Client& client);
  void end(Client& client);
  void hello_answered(Client& client, bool welcomed);
  void next_waiting();
  void next_moment();

  std::unique_ptr<Io> io_;
  Framing framing_;
  Hello hello_;
  OnAnswer on_answer_;
  int welcome_kind_ = 0;
  std::vector<std::unique_ptr<Client>> clients_;
  std::vector<Client*> waiting_;  // clients still to connect, last first
  std::size_t parallel_ = 0, connecting_ = 0, welcomed_ = 0, lost_ = 0, welcome_bytes_ = 0;
  Clock::time_point last_welcome_{};
  std::function<bool()> abort_;
  bool aborted_ = false;
  std::vector<Clock::time_point> moments_;
  std::size_t next_moment_ = 0;
  std::function<void(std::size_t)> moment_action_;
};

}  // namespace gavel::bench
