// Which presses each device has made, so that a press is acted on once: a
// retransmission of the newest press (same device, boot and sequence
// number) gets the answer the first copy got, a copy arriving while the first is still being made durable
// waits for that answer, and an older press of a device that has pressed
// again since is stale. A new boot id (after a power loss) restarts the
// sequence. In memory only: after a restart the press ids the engine keeps
// in the record (ballots, and hand presses, whose key toggles) still make a
// retransmission a repeat. Pure, on the hall's strand.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gavel/v1/envelope.pb.h"

namespace gavel::clicker {

struct PressId {
  std::string device_id;
  std::uint64_t boot_id = 0;
  std::uint64_t press_seq = 0;
};

class PressLedger {
 public:
  using Waiter = std::function<void(const v1::ClickerAck&)>;
  enum class Seen { fresh, answered, pending, stale };

  // What this press is, before acting on it. `fresh` starts it: later copies
  // are `pending` until settle().
  Seen look(const PressId& press);
  // The answer a settled press got (for `answered`).
  const v1::ClickerAck* answer(const PressId& press) const;
  // Calls `waiter` with the answer once the pending press settles.
  void wait(const PressId& press, Waiter waiter);
  // The first copy's answer: remembered, and given to every waiting copy.
  void settle(const PressId& press, const v1::ClickerAck& ack);

  std::size_t devices() const { return devices_.size(); }

 private:
  static constexpr std::size_t kRemembered = 2;  // answers kept per device
  static constexpr std::size_t kOldBoots = 8;    // earlier boots recognised as stale
  struct Settled {
    std::uint64_t seq = 0;
    std::optional<v1::ClickerAck> ack;  // empty while pending
    std::vector<Waiter> waiting;
  };
  struct Device {
    std::uint64_t boot = 0;
    std::uint64_t highest = 0;
    std::deque<Settled> recent;  // newest last
    std::deque<std::uint64_t> old_boots;
  };
  Settled* find(Device& device, std::uint64_t seq);

  std::unordered_map<std::string, Device> devices_;
};

}  // namespace gavel::clicker
