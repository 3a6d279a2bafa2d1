// Internal to the client library: one WebSocket, plain or over TLS, and the
// io_context its operations run on. Nothing runs in the background: handlers
// run inside run_one_until(), on the thread of the Connection that owns it.
// The only header between the protocol logic and Beast; it includes neither.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "client_lib/endpoint.hpp"
#include "client_lib/result.hpp"
#include "client_lib/tls_options.hpp"

namespace gavel::client::detail {

// Larger than anything the server sends: a snapshot of a big meeting.
inline constexpr std::size_t kMaxIncomingFrame = 16 * 1024 * 1024;
// The server refuses larger frames; better to say so before sending one.
inline constexpr std::size_t kMaxOutgoingFrame = 64 * 1024;

class Transport {
 public:
  using Done = std::function<void(std::optional<Error>)>;  // nullopt: it worked
  using Received = std::function<void(std::optional<Error>, std::string frame)>;
  enum class Ran { one, timed_out, idle };

  virtual ~Transport() = default;

  // Resolve, TCP connect, TLS handshake (wss), WebSocket handshake.
  virtual void async_open(const Endpoint& endpoint, Done done) = 0;
  // One binary frame. At most one read and one write may be in flight.
  virtual void async_read(Received received) = 0;
  virtual void async_write(std::shared_ptr<const std::string> frame, Done done) = 0;
  // The WebSocket closing handshake (code 1000).
  virtual void async_close(Done done) = 0;
  // Close the socket now; pending operations complete with an error.
  virtual void abort() = 0;

  // Runs at most one completion handler. `idle`: nothing is pending.
  virtual Ran run_one_until(std::chrono::steady_clock::time_point deadline) = 0;
  // Runs one handler if one is ready now; `timed_out` when none is.
  virtual Ran poll_one() = 0;
};

Result<std::unique_ptr<Transport>> make_transport(bool tls, const TlsOptions& options);

}  // namespace gavel::client::detail
