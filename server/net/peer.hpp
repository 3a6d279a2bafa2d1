// A connected client as the hall sees it: somewhere to send frames. The
// WebSocket session implements it; the hall never touches a socket.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace gavel::net {

using Bytes = std::shared_ptr<const std::string>;

// One WebSocket message: bytes shared with other peers, then this peer's
// own, if any. Protobuf reads a message sent in two parts as one (the
// second part's fields merge into the first's, repeated fields append), so
// every welcome at one seq shares one serialized snapshot.
struct Frame {
  Bytes shared;
  Bytes own;
  std::size_t size() const { return (shared ? shared->size() : 0) + (own ? own->size() : 0); }
  explicit operator bool() const { return shared != nullptr || own != nullptr; }
  // Both parts as one message, for reading it back (a copy).
  std::string bytes() const { return (shared ? *shared : std::string()) + (own ? *own : std::string()); }
};

inline Frame frame_of(std::string bytes) { return {std::make_shared<const std::string>(std::move(bytes)), nullptr}; }

class Peer {
 public:
  virtual ~Peer() = default;
  // Queued in order. Called on the hall's strand; must not block. A
  // droppable frame (an event batch) may be dropped for a peer that has
  // fallen behind: it then gets the latest snapshot instead.
  virtual void deliver(Frame frame, bool droppable = false) = 0;
  // True once the peer has dropped frames and wants snapshots to catch up.
  virtual bool lagging() const = 0;
  // The latest whole state; replaces one not yet written (coalescing).
  virtual void deliver_snapshot(Frame frame) = 0;
  // Sends what is queued, then `last`, and then closes with a
  // policy-violation code.
  virtual void refuse(Frame last) = 0;
  virtual std::string describe() const = 0;  // e.g. the remote address, for logs
  // The client's address without its port: guessing limits are per address.
  virtual std::string remote_address() const { return describe(); }
  // The hall let the client in: a session that closes connections which
  // never say hello stops counting. Called on the hall's strand.
  virtual void admitted() {}
  // A base station relays many clickers: its message budget grows with them
  // (each device inside is limited by the hall). A peer without a rate limit
  // has nothing to widen.
  virtual void widen_rate_limit(double per_second, double burst) {
    (void)per_second;
    (void)burst;
  }
};

}  // namespace gavel::net
