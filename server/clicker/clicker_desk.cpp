#include "clicker_desk.hpp"

#include <algorithm>

namespace gavel::clicker {

namespace {
v1::ClickerAck ack_for(const PressId& id, std::uint32_t key) {
  v1::ClickerAck ack;
  ack.set_device_id(id.device_id);
  ack.set_boot_id(id.boot_id);
  ack.set_press_seq(id.press_seq);
  ack.set_key(key);
  return ack;
}

void set_refusal(v1::ClickerAck& ack, const Refusal& refusal) {
  ack.set_state(refusal.closed ? v1::PRESS_REJECTED_CLOSED : v1::PRESS_REJECTED_INVALID);
  ack.set_reason(static_cast<v1::PressReason>(refusal.reason));
  ack.set_message_zh(refusal.message_zh);
  ack.set_message_en(refusal.message_en);
}

const core::Vote* vote_by_id(const core::MeetingState& state, core::Id id) {
  for (auto it = state.votes.rbegin(); it != state.votes.rend(); ++it)
    if (it->id == id) return &*it;
  return nullptr;
}

// What the server holds for `holder` in the vote now, when it can say.
std::optional<std::vector<std::uint32_t>> stored_choices(const core::MeetingState& state, core::Id vote_id,
                                                         const std::string& holder, const ReceiptOf& receipt_of) {
  const core::Vote* vote = vote_by_id(state, vote_id);
  if (!vote) return std::nullopt;
  if (!vote->spec.secret) {
    auto it = vote->named.find(holder);
    if (it != vote->named.end()) return it->second;
    return std::nullopt;
  }
  std::string receipt = receipt_of ? receipt_of(holder) : std::string();
  auto it = receipt.empty() ? vote->secret.end() : vote->secret.find(receipt);
  if (it != vote->secret.end()) return it->second.choices;
  return std::nullopt;
}

Refusal from_engine(const core::Error& error, bool ballot) {
  using core::ErrorCode;
  switch (error.code) {
    case ErrorCode::invalid_state:
      return ballot ? refuse(PressReason::no_vote_open) : refuse(PressReason::not_now, error.message_zh, error.message_en);
    case ErrorCode::not_eligible: return refuse(PressReason::not_eligible);
    case ErrorCode::duplicate: return refuse(PressReason::cannot_change);
    case ErrorCode::not_present: return refuse(PressReason::not_present);
    case ErrorCode::invalid_argument:
      return refuse(PressReason::key_out_of_range, error.message_zh, error.message_en);
    case ErrorCode::unauthenticated: return refuse(PressReason::unpaired);
    default: return refuse(PressReason::not_now, error.message_zh, error.message_en);
  }
}
}  // namespace

v1::ClickerAck refused(const v1::ClickerPress& press, const Refusal& refusal) {
  v1::ClickerAck ack = ack_for({press.device_id(), press.boot_id(), press.press_seq()}, press.key());
  set_refusal(ack, refusal);
  return ack;
}

std::optional<Refusal> ClickerDesk::may_press(const Caller& caller, const std::string& device_id) const {
  const Device* device = fleet_.device(device_id);
  if (!device || device->revoked) return refuse(PressReason::unknown_device);
  if (caller.base_station ? device->base_id != caller.id : device_id != caller.id)
    return refuse(PressReason::not_relayed_here);
  return std::nullopt;
}

bool ClickerDesk::take_token(const std::string& device_id, core::Millis now) {
  auto [it, fresh] = budgets_.try_emplace(device_id);
  Bucket& b = it->second;
  if (fresh) b.at = now;
  double elapsed = static_cast<double>(std::max<core::Millis>(0, now - b.at)) / 1000.0;
  b.at = now;
  b.tokens = std::min(kPressBurst, b.tokens + elapsed * kPressesPerSecond);
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

PressStep ClickerDesk::take(const Caller& caller, const v1::ClickerPress& press, const core::MeetingState& state,
                            core::Millis now, const ReceiptOf& receipt_of, PressLedger::Waiter waiter) {
  if (auto refusal = may_press(caller, press.device_id())) return refused(press, *refusal);
  fleet_.heard(press.device_id(), nullptr, now);
  if (!take_token(press.device_id(), now)) return refused(press, refuse(PressReason::rate_limited));

  PressId id{press.device_id(), press.boot_id(), press.press_seq()};
  switch (ledger_.look(id)) {
    case PressLedger::Seen::answered: {
      v1::ClickerAck repeat = *ledger_.answer(id);
      repeat.set_repeat(true);
      return repeat;
    }
    case PressLedger::Seen::pending:
      ledger_.wait(id, std::move(waiter));
      return Waiting{};
    case PressLedger::Seen::stale: return refused(press, refuse(PressReason::stale));
    case PressLedger::Seen::fresh: break;
  }

  auto settle_now = [&](const Refusal& refusal) {
    v1::ClickerAck ack = ack_for(id, press.key());
    set_refusal(ack, refusal);
    ledger_.settle(id, ack);
    return ack;
  };
  std::string holder = fleet_.holder(press.device_id());
  if (holder.empty() || !state.member(holder)) {
    const Device* device = fleet_.device(press.device_id());
    return settle_now(device && device->pool
                          ? refuse(PressReason::unpaired, "备用表决器尚未借出：请到签到台领取",
                                   "a pool clicker not lent to anyone: collect it at the desk")
                          : refuse(PressReason::unpaired));
  }
  KeyReading reading = read_key(press.key(), state, holder);
  if (auto* refusal = std::get_if<Refusal>(&reading)) return settle_now(*refusal);

  PressPlan plan{id, press.key(), holder, core::cmd::CheckIn{}, false, 0};
  const std::string press_id =
      id.device_id + ":" + std::to_string(id.boot_id) + ":" + std::to_string(id.press_seq);
  std::visit(
      [&](const auto& action) {
        using A = std::decay_t<decltype(action)>;
        if constexpr (std::is_same_v<A, Choose>) {
          const core::Vote* vote = state.open_vote();
          core::cmd::CastBallot ballot;
          ballot.choices = {action.option};
          ballot.press_id = press_id;
          // A changed answer in a secret vote replaces the ballot by its receipt.
          if (vote->spec.secret && vote->voters.count(holder) && receipt_of) ballot.receipt = receipt_of(holder);
          plan.command = std::move(ballot);
          plan.ballot = true;
          plan.vote_id = vote->id;
        } else if constexpr (std::is_same_v<A, RaiseHand>) {
          plan.command = core::cmd::RequestFloor{core::RequestKind::contribution, "", press_id};
        } else if constexpr (std::is_same_v<A, LowerHand>) {
          plan.command = core::cmd::WithdrawRequest{action.request_id, press_id};
        } else {
          plan.command = core::cmd::CheckIn{};
        }
      },
      std::get<KeyAction>(reading));
  return plan;
}

v1::ClickerAck ClickerDesk::settle(const PressPlan& plan, const core::Result<core::Decision>& decided,
                                   const core::MeetingState& state, const ReceiptOf& receipt_of) {
  v1::ClickerAck ack = ack_for(plan.id, plan.key);
  if (decided) {
    ack.set_state(v1::PRESS_ACCEPTED);
    // No events: the engine knew this press id (e.g. from before a restart).
    if (decided.value().events.empty()) ack.set_repeat(true);
  } else if (decided.error().code == core::ErrorCode::duplicate && !plan.ballot) {
    // Checking in or asking to speak twice leaves the holder where they wanted to be.
    ack.set_state(v1::PRESS_ACCEPTED);
  } else {
    set_refusal(ack, from_engine(decided.error(), plan.ballot));
  }
  if (plan.ballot) {
    auto stored = stored_choices(state, plan.vote_id, plan.holder, receipt_of);
    if (!stored && decided) stored = std::get<core::cmd::CastBallot>(plan.command).choices;
    if (stored)
      for (std::uint32_t c : *stored) ack.add_stored_choices(c);
  }
  ledger_.settle(plan.id, ack);
  return ack;
}

std::optional<v1::ClickerAck> ClickerDesk::heartbeat(const Caller& caller, const v1::ClickerHeartbeat& beat,
                                                      core::Millis now) {
  Health health{std::min(beat.health().battery_percent(), 100u), beat.health().signal_dbm()};
  if (beat.device_id().empty() || beat.device_id() == caller.id) {
    fleet_.heard(caller.id, &health, now);
    return std::nullopt;
  }
  v1::ClickerPress as_press;
  as_press.set_device_id(beat.device_id());
  as_press.set_boot_id(beat.boot_id());
  if (auto refusal = may_press(caller, beat.device_id())) return refused(as_press, *refusal);
  fleet_.heard(beat.device_id(), &health, now);
  return std::nullopt;
}

v1::ClickerFleet ClickerDesk::list(const std::unordered_set<std::string>& connected) const {
  v1::ClickerFleet out;
  std::unordered_map<std::string, std::uint32_t> per_base;
  for (const Device& d : fleet_.devices()) {
    v1::ClickerDevice* w = out.add_devices();
    w->set_device_id(d.id);
    w->set_base_id(d.base_id);
    // A pool device's borrower is not shown: nothing should link them.
    w->set_participant_id(d.pool ? "" : d.holder);
    w->set_pool(d.pool);
    w->set_revoked(d.revoked);
    w->mutable_health()->set_battery_percent(d.health.battery_percent);
    w->mutable_health()->set_signal_dbm(d.health.signal_dbm);
    w->set_last_heard_ms(d.last_heard);
    w->set_connected(connected.count(d.base_id.empty() ? d.id : d.base_id) > 0);
    if (!d.base_id.empty() && !d.revoked) ++per_base[d.base_id];
  }
  for (const BaseStation& b : fleet_.bases()) {
    v1::ClickerBase* w = out.add_bases();
    w->set_base_id(b.id);
    w->set_revoked(b.revoked);
    w->mutable_health()->set_battery_percent(b.health.battery_percent);
    w->mutable_health()->set_signal_dbm(b.health.signal_dbm);
    w->set_last_heard_ms(b.last_heard);
    w->set_connected(connected.count(b.id) > 0);
    w->set_devices(per_base[b.id]);
  }
  return out;
}

}  // namespace gavel::clicker
