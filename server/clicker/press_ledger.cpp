#include "press_ledger.hpp"

#include <algorithm>

namespace gavel::clicker {

PressLedger::Settled* PressLedger::find(Device& device, std::uint64_t seq) {
  for (Settled& s : device.recent)
    if (s.seq == seq) return &s;
  return nullptr;
}

PressLedger::Seen PressLedger::look(const PressId& press) {
  auto [it, fresh_device] = devices_.try_emplace(press.device_id);
  Device& device = it->second;
  if (!fresh_device && press.boot_id != device.boot) {
    if (std::find(device.old_boots.begin(), device.old_boots.end(), press.boot_id) != device.old_boots.end())
      return Seen::stale;
    // A new boot: the device lost power and starts counting again.
    device.old_boots.push_back(device.boot);
    if (device.old_boots.size() > kOldBoots) device.old_boots.pop_front();
    device.recent.clear();
    device.highest = 0;
  }
  device.boot = press.boot_id;
  // Only the newest press is answered again: the device has moved on from older ones.
  if (press.press_seq < device.highest) return Seen::stale;
  if (Settled* s = find(device, press.press_seq)) return s->ack ? Seen::answered : Seen::pending;
  if (press.press_seq == device.highest) return Seen::stale;
  device.highest = press.press_seq;
  device.recent.push_back({press.press_seq, std::nullopt, {}});
  // Forget the oldest settled answers; a pending one is never dropped.
  while (device.recent.size() > kRemembered && device.recent.front().ack) device.recent.pop_front();
  return Seen::fresh;
}

const v1::ClickerAck* PressLedger::answer(const PressId& press) const {
  auto it = devices_.find(press.device_id);
  if (it == devices_.end() || it->second.boot != press.boot_id) return nullptr;
  for (const Settled& s : it->second.recent)
    if (s.seq == press.press_seq && s.ack) return &*s.ack;
  return nullptr;
}

void PressLedger::wait(const PressId& press, Waiter waiter) {
  auto it = devices_.find(press.device_id);
  if (it == devices_.end() || it->second.boot != press.boot_id) return;
  if (Settled* s = find(it->second, press.press_seq); s && !s->ack) s->waiting.push_back(std::move(waiter));
}

void PressLedger::settle(const PressId& press, const v1::ClickerAck& ack) {
  auto it = devices_.find(press.device_id);
  if (it == devices_.end() || it->second.boot != press.boot_id) return;
  Settled* s = find(it->second, press.press_seq);
  if (!s) return;
  s->ack = ack;
  std::vector<Waiter> waiting = std::move(s->waiting);
  s->waiting.clear();
  v1::ClickerAck repeat = ack;
  repeat.set_repeat(true);
  for (Waiter& w : waiting) w(repeat);
}

}  // namespace gavel::clicker
