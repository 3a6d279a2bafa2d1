// The hall's side of clickers and base stations: admitting them, running the
// commands the ClickerDesk plans for a press, and the chair's fleet requests
// (gavelctl clicker ...). On the hall's strand, like the rest of the hall.
#include <unordered_set>

#include "codec/codec.hpp"
#include "codec/views.hpp"
#include "net/hall.hpp"
#include "net/log.hpp"
#include "net/voter_standing.hpp"

namespace gavel::net {

namespace {
// A base station's message budget per relayed device: presses with their
// radio copies and retransmissions, and a heartbeat every 15 s.
constexpr double kBaseRatePerDevice = 2.0;
constexpr double kBaseBurstPerDevice = 8.0;

core::Error protocol_error_for_press() {
  return core::make_error(core::ErrorCode::not_allowed, "只有表决器可以按键", "only a clicker may send presses");
}
}  // namespace

void Hall::equip_clickers(clicker::Fleet fleet, SaveFleet save) {
  for (const clicker::Device& d : fleet.devices())
    if (!d.revoked && !d.token.empty()) doorkeeper_.add(d.token, {core::Role::clicker, "", d.id});
  for (const clicker::BaseStation& b : fleet.bases())
    if (!b.revoked) doorkeeper_.add(b.token, {core::Role::clicker, "", b.id});
  clickers_ = clicker::ClickerDesk(std::move(fleet));
  save_fleet_ = std::move(save);
}

void Hall::follow_open_vote() {
  const core::Vote* open = meeting_.state().open_vote();
  core::Id open_id = open ? open->id : 0;
  receipt_book_.follow(meeting_.state());
  if (open_id != lent_for_vote_) {
    clickers_.fleet().return_lent();
    lent_for_vote_ = open_id;
  }
}

std::string Hall::receipt_of(const std::string& participant_id) const {
  return receipt_book_.receipt_of(participant_id);
}

void Hall::welcome_clicker(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                           const v1::Hello& hello) {
  const clicker::Caller& caller = *guest.clicker;
  if (hello.has_health()) {
    v1::ClickerHeartbeat beat;
    *beat.mutable_health() = hello.health();
    (void)clickers_.heartbeat(caller, beat, clock_());
  } else {
    clickers_.fleet().heard(caller.id, nullptr, clock_());
  }
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  v1::Welcome* welcome = reply.mutable_welcome();
  welcome->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  welcome->set_role(v1::ROLE_CLICKER);
  // No snapshot: a device needs none, and a reconnect storm of thousands stays cheap.
  v1::ClickerGrant* grant = welcome->mutable_clicker();
  grant->set_id(caller.id);
  grant->set_base_station(caller.base_station);
  grant->set_presses_per_second(static_cast<std::uint32_t>(clicker::ClickerDesk::kPressesPerSecond));
  if (caller.base_station) {
    auto relays = clickers_.fleet().relayed_by(caller.id);
    for (const std::string& id : relays) grant->add_relays(id);
    auto n = static_cast<double>(relays.size());
    peer->widen_rate_limit(n * kBaseRatePerDevice, n * kBaseBurstPerDevice);
  }
  guest.welcomed = true;
  peer->admitted();
  log_line(std::string("welcome ") + (caller.base_station ? "base station " : "clicker ") + caller.id + " " +
           peer->describe());
  send(peer, reply);
}

void Hall::send_clicker_ack(const std::weak_ptr<Peer>& peer, std::uint64_t request_id, const v1::ClickerAck& ack) {
  auto p = peer.lock();
  if (!p) return;
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  *reply.mutable_clicker_ack() = ack;
  send(p, reply);
}

void Hall::press(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                 const v1::ClickerPress& press) {
  if (!guest.clicker)
    return send_error(peer, request_id, protocol_error_for_press());
  follow_open_vote();
  std::weak_ptr<Peer> weak = peer;
  auto receipt_of = [this](const std::string& p) { return this->receipt_of(p); };
  auto step = clickers_.take(*guest.clicker, press, meeting_.state(), clock_(), receipt_of,
                             [this, weak, request_id](const v1::ClickerAck& ack) {
                               send_clicker_ack(weak, request_id, ack);
                             });
  if (auto* ack = std::get_if<v1::ClickerAck>(&step)) return send_clicker_ack(weak, request_id, *ack);
  if (std::holds_alternative<clicker::Waiting>(step)) return;
  auto plan = std::make_shared<clicker::PressPlan>(std::move(std::get<clicker::PressPlan>(step)));
  core::Command command = plan->command;
  if (auto* ballot = std::get_if<core::cmd::CastBallot>(&command)) {
    auto receipt = random_token();
    if (!receipt) return send_error(peer, request_id, no_randomness());
    ballot->fresh_receipt = std::move(*receipt);
  }
  Guest as_holder = guest;
  as_holder.participant_id = plan->holder;
  decide(peer, as_holder, request_id, std::move(command),
         [this, plan, receipt_of](v1::ServerMessage& reply, const core::Result<core::Decision>& decided) {
           if (plan->ballot && decided)
             if (const auto* ballot = std::get_if<core::cmd::CastBallot>(&plan->command))
               receipt_book_.recorded(plan->holder, *ballot, decided.value().receipt);
           *reply.mutable_clicker_ack() = clickers_.settle(*plan, decided, meeting_.state(), receipt_of);
         });
}

void Hall::heartbeat(const std::shared_ptr<Peer>& peer, Guest& guest, const v1::ClickerHeartbeat& beat) {
  if (!guest.clicker) return send_error(peer, 0, protocol_error_for_press());
  if (auto refusal = clickers_.heartbeat(*guest.clicker, beat, clock_())) send_clicker_ack(peer, 0, *refusal);
}

void Hall::clicker_admin(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                         const v1::ClickerAdmin& admin) {
  if (guest.role != core::Role::chair)
    return send_error(peer, request_id,
                      core::make_error(core::ErrorCode::not_allowed, "只有主持人可以管理表决器",
                                       "only the chair manages clickers"));
  follow_open_vote();
  clicker::Fleet& fleet = clickers_.fleet();
  clicker::Fleet before = fleet;
  // The fleet asks for tokens one by one; without randomness the whole change is undone.
  bool no_token = false;
  auto make_token = [&no_token] {
    auto token = random_token();
    no_token = no_token || !token;
    return token.value_or("");
  };
  core::Status done = core::Ok{};
  const core::MeetingState& state = meeting_.state();
  std::vector<std::string> revoked;
  switch (admin.action_case()) {
    case v1::ClickerAdmin::kEnroll: {
      const v1::ClickerEnroll& e = admin.enroll();
      done = fleet.enroll({e.device_ids().begin(), e.device_ids().end()}, e.base_id(), e.pool(), make_token);
      break;
    }
    case v1::ClickerAdmin::kPair: done = fleet.pair(admin.pair().device_id(), admin.pair().participant_id(), state); break;
    case v1::ClickerAdmin::kUnpair: done = fleet.unpair(admin.unpair()); break;
    case v1::ClickerAdmin::kRevoke: {
      auto tokens = fleet.revoke(admin.revoke());
      if (!tokens) done = tokens.error();
      else revoked = std::move(tokens.value());
      break;
    }
    case v1::ClickerAdmin::kLend: done = fleet.lend(admin.lend().device_id(), admin.lend().participant_id(), state); break;
    case v1::ClickerAdmin::kList: break;
    case v1::ClickerAdmin::ACTION_NOT_SET:
      done = core::make_error(core::ErrorCode::bad_message, "表决器请求为空", "empty clicker request");
      break;
  }
  if (!done) return send_error(peer, request_id, done.error());
  if (no_token) {
    fleet = std::move(before);
    return send_error(peer, request_id, no_randomness());
  }

  bool lending = admin.action_case() == v1::ClickerAdmin::kLend;
  bool changes = admin.action_case() != v1::ClickerAdmin::kList && !lending;
  if (changes && save_fleet_) {
    // Only what is durable counts: a fleet that cannot be written is not changed.
    if (auto saved = save_fleet_(fleet.to_json()); !saved) {
      fleet = std::move(before);
      return send_error(peer, request_id, saved.error());
    }
  }
  for (const std::string& token : revoked) doorkeeper_.remove(token);
  if (admin.action_case() == v1::ClickerAdmin::kEnroll) {
    for (const clicker::Device& d : fleet.devices())
      if (!d.revoked && !d.token.empty()) doorkeeper_.add(d.token, {core::Role::clicker, "", d.id});
    for (const clicker::BaseStation& b : fleet.bases())
      if (!b.revoked) doorkeeper_.add(b.token, {core::Role::clicker, "", b.id});
  }
  if (admin.action_case() == v1::ClickerAdmin::kRevoke) {
    // A revoked credential's live connections end now, with the reason.
    auto [from, to] = clicker_peers_.equal_range(admin.revoke());
    for (auto c = from; c != to; ++c) {
      auto other = peers_.find(c->second);
      if (other == peers_.end()) continue;
      auto p = other->second.peer.lock();
      if (!p) continue;
      other->second.welcomed = false;
      p->refuse(frame_of(codec::error_reply(
          0, core::make_error(core::ErrorCode::unauthenticated, "表决器已停用", "this clicker was revoked"), clock_())));
    }
  }
  // The chair's fleet changes are audited; a pool lending is not, so no record
  // links a person to a device they vote with.
  if (changes) {
    store::Commit audit;
    audit.audit.push_back(store::AuditEntry{clock_(), role_name(guest.role), guest.participant_id, guest.client_name,
                                            "clicker_admin", "ok", meeting_.state().seq});
    after_durable(std::move(audit), [] {});
  }
  if (lending) log_line("a pool clicker was lent for the open vote");
  std::unordered_set<std::string> connected;
  for (const auto& [id, connection] : clicker_peers_) {
    auto other = peers_.find(connection);
    if (other != peers_.end() && other->second.welcomed && !other->second.peer.expired()) connected.insert(id);
  }
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  *reply.mutable_clicker_fleet() = clickers_.list(connected);
  mark_voted_clickers(meeting_.state(), reply.mutable_clicker_fleet());
  reply.mutable_clicker_fleet()->set_tokens_file("clickers.json");
  send(peer, reply);
}

}  // namespace gavel::net
