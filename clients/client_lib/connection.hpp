// One authenticated connection to gaveld: the hello/welcome handshake, commands
// matched to their answers by request id, unsolicited events and snapshots
// buffered in arrival order, and an estimate of the server's clock.
//
// Threads: none of its own (Asio may look up host names on a helper thread).
// Network work happens inside the calls below, on the caller's thread; use one
// Connection from one thread at a time (a display gives it a network thread of
// its own). Between calls nothing is read and WebSocket pings go unanswered,
// so a long-lived client should keep calling next(): gaveld drops a peer
// silent for 20 to 30 s.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "client_lib/clock_offset.hpp"
#include "client_lib/endpoint.hpp"
#include "client_lib/result.hpp"
#include "client_lib/tls_options.hpp"
#include "gavel/v1/envelope.pb.h"

namespace gavel::client {

namespace detail {
class Transport;
}

inline constexpr std::chrono::milliseconds kDefaultTimeout{5000};
// Unsolicited messages kept for a client that does not call next(): the
// oldest go first. Each snapshot is the whole state, so the newest suffice.
inline constexpr std::size_t kMaxBufferedMessages = 1024;

class Connection {
 public:
  // Connects, sends Hello and waits for the Welcome, all within `timeout`.
  // `resume_after_seq`: the last event seq seen before (0 for none); the
  // Welcome then carries what was missed, if the server still holds it.
  static Result<std::unique_ptr<Connection>> open(const Endpoint& endpoint, const std::string& token,
                                                  std::uint64_t resume_after_seq, std::string client_name,
                                                  TlsOptions tls = {},
                                                  std::chrono::milliseconds timeout = kDefaultTimeout);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const v1::Welcome& welcome() const;

  // Sends a command and waits for its Ack (sent once it is durable) or Error.
  // On a timeout the command may still have been applied: look at the events.
  Result<v1::Ack> call(const v1::Command& command, std::chrono::milliseconds timeout = kDefaultTimeout);
  // The minutes in one format (chair and secretary only).
  Result<v1::MinutesFile> minutes(const v1::MinutesRequest& request,
                                  std::chrono::milliseconds timeout = kDefaultTimeout);
  // The published receipts of a closed secret vote that begin with a prefix.
  Result<v1::Receipts> receipts(const v1::ReceiptsRequest& request,
                                std::chrono::milliseconds timeout = kDefaultTimeout);
  // A clicker press (clicker role): the server's verdict on it.
  Result<v1::ClickerAck> press(const v1::ClickerPress& press,
                               std::chrono::milliseconds timeout = kDefaultTimeout);
  // The chair's clicker fleet requests (enrol, pair, revoke, list, lend).
  Result<v1::ClickerFleet> clicker_admin(const v1::ClickerAdmin& admin,
                                         std::chrono::milliseconds timeout = kDefaultTimeout);
  // A protocol ping: sharpens the clock estimate; returns the round trip.
  Result<std::chrono::milliseconds> ping(std::chrono::milliseconds timeout = kDefaultTimeout);

  // The next unsolicited message (events, snapshot, or an error with request
  // id 0), in arrival order. nullopt after `timeout`, or when the connection
  // has ended and nothing is left: then is_open() is false and failure() says why.
  std::optional<v1::ServerMessage> next(std::chrono::milliseconds timeout);

  bool is_open() const;
  // Why the connection ended; nullopt while open or after close().
  const std::optional<Error>& failure() const;
  // The WebSocket closing handshake, then the socket. Idempotent.
  void close();

  // The highest event seq handed out so far (the Welcome's included): what
  // to pass as resume_after_seq when reconnecting.
  std::uint64_t last_seq() const;

  const ClockOffset& clock() const;
  // The server's clock now, in Unix ms (from the estimate).
  std::int64_t server_now_ms() const;

 private:
  class Impl;
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gavel::client
