// Where clicker presses become meeting commands: checks who may press for
// which device (a Wi-Fi clicker for itself, a base station for the devices it
// was given), limits each device's rate, recognises retransmissions through
// the PressLedger, reads the key through the key map, and turns the
// engine's verdict into the acknowledgement a device shows. Also keeps the
// devices' health and answers the chair's fleet requests. Pure: the hall
// runs the commands and owns the sockets. On the hall's strand.
#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "clicker/fleet.hpp"
#include "clicker/key_map.hpp"
#include "clicker/press_ledger.hpp"
#include "core/commands.hpp"
#include "core/meeting.hpp"
#include "gavel/v1/envelope.pb.h"

namespace gavel::clicker {

// A command to run for the device's holder, and what to remember of it.
struct PressPlan {
  PressId id;
  std::uint32_t key = 0;
  std::string holder;
  core::Command command;
  bool ballot = false;
  core::Id vote_id = 0;
};
// A copy of a press still being made durable: its answer comes through the waiter.
struct Waiting {};
using PressStep = std::variant<v1::ClickerAck, PressPlan, Waiting>;

// The receipt the server gave this person in the open secret vote, if any.
using ReceiptOf = std::function<std::string(const std::string& participant_id)>;

class ClickerDesk {
 public:
  static constexpr double kPressesPerSecond = 5.0;  // per device, sustained
  static constexpr double kPressBurst = 12.0;       // 1-4 copies of a few presses at once
  static constexpr std::uint32_t kLowBattery = 20;  // percent

  explicit ClickerDesk(Fleet fleet) : fleet_(std::move(fleet)) {}

  Fleet& fleet() { return fleet_; }
  const Fleet& fleet() const { return fleet_; }

  PressStep take(const Caller& caller, const v1::ClickerPress& press, const core::MeetingState& state,
                 core::Millis now, const ReceiptOf& receipt_of, PressLedger::Waiter waiter);
  // The answer to a planned press once the engine decided (and it is durable).
  v1::ClickerAck settle(const PressPlan& plan, const core::Result<core::Decision>& decided,
                        const core::MeetingState& state, const ReceiptOf& receipt_of);

  // A heartbeat (or a hello's health): a refusal when the device is not the caller's.
  std::optional<v1::ClickerAck> heartbeat(const Caller& caller, const v1::ClickerHeartbeat& beat, core::Millis now);

  // The fleet as the chair sees it; `connected`: ids with a live connection.
  v1::ClickerFleet list(const std::unordered_set<std::string>& connected) const;

 private:
  struct Bucket {
    double tokens = kPressBurst;
    core::Millis at = 0;
  };
  std::optional<Refusal> may_press(const Caller& caller, const std::string& device_id) const;
  bool take_token(const std::string& device_id, core::Millis now);

  Fleet fleet_;
  PressLedger ledger_;
  std::unordered_map<std::string, Bucket> budgets_;
};

// The wire form of a refusal of press `press`.
v1::ClickerAck refused(const v1::ClickerPress& press, const Refusal& refusal);

}  // namespace gavel::clicker
