#include "hall.hpp"

#include <algorithm>
#include <cstdlib>

#include "codec/codec.hpp"
#include "core/live_tally.hpp"
#include "net/log.hpp"

namespace gavel::net {

namespace {
constexpr std::size_t kResumeWindow = 20000;  // events kept in memory for resuming clients
constexpr core::Seq kMaxMissed = 2000;        // more than this: a fresh snapshot is smaller

bool wants_snapshots(core::Role role) {
  return role == core::Role::chair || role == core::Role::secretary || role == core::Role::display;
}
bool is_officer(core::Role role) { return role == core::Role::chair || role == core::Role::secretary; }

core::Error protocol_error(core::ErrorCode code, const char* zh, const char* en) {
  return core::make_error(code, zh, en);
}

std::string error_code_name(core::ErrorCode code) {
  return v1::ErrorCode_Name(static_cast<v1::ErrorCode>(code));
}
}  // namespace

Hall::Hall(core::Meeting meeting, Doorkeeper doorkeeper, std::unique_ptr<store::LogWriter> writer,
           Post post, PostAfter post_after, Clock clock)
    : meeting_(std::move(meeting)),
      doorkeeper_(std::move(doorkeeper)),
      writer_(std::move(writer)),
      post_(std::move(post)),
      post_after_(std::move(post_after)),
      clock_(std::move(clock)) {}

void Hall::remember(const std::vector<store::StoredEvent>& tail) {
  for (const auto& stored : tail) {
    v1::Event event;
    if (event.ParseFromString(stored.body)) recent_.push_back(std::move(event));
    if (recent_.size() > kResumeWindow) recent_.pop_front();
  }
}

void Hall::receive(const std::shared_ptr<Peer>& peer, const v1::ClientMessage& message) {
  Guest& guest = peers_[peer.get()];
  if (guest.peer.expired()) guest.peer = peer;
  auto id = message.request_id();
  switch (message.body_case()) {
    case v1::ClientMessage::kHello: return hello(peer, guest, id, message.hello());
    case v1::ClientMessage::kPing: {
      if (!guest.welcomed) break;
      v1::ServerMessage reply;
      reply.set_request_id(id);
      reply.mutable_pong()->set_client_time_ms(message.ping().client_time_ms());
      return send(peer, reply);
    }
    case v1::ClientMessage::kCommand:
      if (!guest.welcomed) break;
      return command(peer, guest, id, message.command());
    case v1::ClientMessage::kPress:
      if (!guest.welcomed) break;
      return press(peer, guest, id, message.press());
    case v1::ClientMessage::kMinutesRequest:
      if (!guest.welcomed) break;
      return minutes_request(peer, guest, id, message.minutes_request());
    case v1::ClientMessage::kJoinLinkRequest:
      if (!guest.welcomed) break;
      return send_error(peer, id, protocol_error(core::ErrorCode::invalid_state, "此服务器尚不能提供参会链接",
                                                 "this server does not hand out join links yet"));
    case v1::ClientMessage::BODY_NOT_SET:
      return send_error(peer, id, protocol_error(core::ErrorCode::bad_message, "消息为空", "empty message"));
  }
  send_error(peer, id, protocol_error(core::ErrorCode::unauthenticated, "请先发送 hello 并出示令牌",
                                      "send hello with your token first"));
}

void Hall::leave(const Peer* peer) { peers_.erase(peer); }

void Hall::hello(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                 const v1::Hello& hello) {
  auto refuse = [&](core::ErrorCode code, const char* zh, const char* en) {
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    codec::to_wire(protocol_error(code, zh, en), reply.mutable_error());
    reply.set_server_time_ms(clock_());
    log_line(std::string("refused ") + peer->describe() + ": " + en);
    peers_.erase(peer.get());
    peer->refuse(frame(reply));
  };
  if (guest.welcomed)
    return send_error(peer, request_id, protocol_error(core::ErrorCode::duplicate, "已经连接", "hello sent twice"));
  if (hello.protocol_version() != v1::PROTOCOL_VERSION_CURRENT)
    return refuse(core::ErrorCode::unsupported_version, "协议版本不受支持", "unsupported protocol version");
  auto credentials = doorkeeper_.admit(hello.token());
  if (!credentials)
    return refuse(core::ErrorCode::unauthenticated, "令牌无效", "unknown token");

  guest.role = credentials->role;
  guest.participant_id = credentials->participant_id;
  guest.client_name = hello.client_name().substr(0, 100);
  const core::MeetingState& state = meeting_.state();
  guest.seen = state.seq;

  auto reply = std::make_shared<v1::ServerMessage>();
  reply->set_request_id(request_id);
  v1::Welcome* welcome = reply->mutable_welcome();
  welcome->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  welcome->set_role(codec::to_wire(guest.role));
  welcome->set_participant_id(guest.participant_id);
  codec::snapshot(state, clock_(), welcome->mutable_snapshot());
  log_line(std::string("welcome ") + role_name(guest.role) + " " + guest.participant_id + " " +
           peer->describe() + " (" + guest.client_name + ")");
  // The snapshot may hold events still being written: welcome only once they
  // are durable, and take the missed events then, when all of them are published.
  std::weak_ptr<Peer> weak = peer;
  core::Seq after = hello.resume_after_seq(), upto = state.seq;
  after_durable({}, [this, weak, reply, after, upto] {
    auto p = weak.lock();
    auto it = p ? peers_.find(p.get()) : peers_.end();
    if (it == peers_.end()) return;
    bool in_window = after == upto || (!recent_.empty() && after + 1 >= recent_.front().seq());
    if (after > 0 && after <= upto && upto - after <= kMaxMissed && in_window) {
      v1::Welcome* w = reply->mutable_welcome();
      w->set_resumed(true);
      for (const v1::Event& event : recent_)
        if (event.seq() > after && event.seq() <= upto) *w->add_missed() = event;
    }
    it->second.welcomed = true;
    send(p, *reply);
  });
}

void Hall::catch_up(const std::shared_ptr<Peer>& peer) {
  auto it = peers_.find(peer.get());
  if (it == peers_.end() || !it->second.welcomed) return;
  v1::ServerMessage whole;
  codec::snapshot(meeting_.state(), clock_(), whole.mutable_snapshot());
  peer->deliver_snapshot(frame(whole));
}

void Hall::command(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                   const v1::Command& wire) {
  auto parsed = codec::from_wire(wire);
  if (!parsed) return send_error(peer, request_id, parsed.error());
  auto sealed = with_minutes_seal(guest, std::move(parsed.value()));
  if (!sealed) return send_error(peer, request_id, sealed.error());
  core::Command command = std::move(sealed.value());
  auto* ballot = std::get_if<core::cmd::CastBallot>(&command);
  if (ballot) {
    const core::Vote* open = meeting_.state().open_vote();
    core::Id open_id = open ? open->id : 0;
    if (open_id != receipts_vote_) {
      receipts_.clear();
      receipts_vote_ = open_id;
    }
    auto mine = receipts_.find(guest.participant_id);
    if (!ballot->receipt.empty() && (mine == receipts_.end() || mine->second != ballot->receipt))
      return send_error(peer, request_id,
                        protocol_error(core::ErrorCode::not_allowed, "回执不是您的（服务器重启后不能再改票）",
                                       "that receipt is not yours (after a server restart ballots cannot be changed)"));
    ballot->fresh_receipt = random_token();
  }
  decide(peer, guest, request_id, std::move(command),
         [this, participant = guest.participant_id, is_ballot = ballot != nullptr](
             v1::ServerMessage& reply, const core::Result<core::Decision>& decided) {
           if (!decided) return codec::to_wire(decided.error(), reply.mutable_error());
           v1::Ack* ack = reply.mutable_ack();
           const core::Decision& d = decided.value();
           if (!d.events.empty()) ack->set_seq(d.events.back().seq);
           ack->set_created_id(d.created_id);
           ack->set_receipt(d.receipt);
           if (!is_ballot) return;
           if (!d.receipt.empty()) receipts_[participant] = d.receipt;
           else if (auto it = receipts_.find(participant); it != receipts_.end()) ack->set_receipt(it->second);
         });
}

void Hall::press(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                 const v1::ClickerPress& press) {
  auto answer_with = [press](v1::ServerMessage& reply, v1::PressState state) {
    v1::ClickerAck* ack = reply.mutable_clicker_ack();
    ack->set_device_id(press.device_id());
    ack->set_boot_id(press.boot_id());
    ack->set_press_seq(press.press_seq());
    ack->set_state(state);
  };
  if (guest.role != core::Role::clicker)
    return send_error(peer, request_id, protocol_error(core::ErrorCode::not_allowed, "只有表决器可以按键",
                                                       "only a clicker may send presses"));
  const core::Member* holder = nullptr;
  for (const core::Member& m : meeting_.state().roster)
    if (!m.info.clicker_id.empty() && m.info.clicker_id == press.device_id()) holder = &m;
  core::Command command;
  auto key = press.key();
  if (holder && key >= 1 && key <= 9) {
    core::cmd::CastBallot ballot;
    ballot.choices = {key - 1};
    ballot.press_id = press.device_id() + ":" + std::to_string(press.boot_id()) + ":" +
                      std::to_string(press.press_seq());
    ballot.fresh_receipt = random_token();
    command = std::move(ballot);
  } else if (holder && key == 10) {
    command = core::cmd::RequestFloor{};
  } else if (holder && key == 11) {
    command = core::cmd::CheckIn{};
  } else {
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    answer_with(reply, v1::PRESS_REJECTED_INVALID);
    return send(peer, reply);
  }
  bool is_ballot = std::holds_alternative<core::cmd::CastBallot>(command);
  Guest as_holder = guest;
  as_holder.participant_id = holder->info.id;
  decide(peer, as_holder, request_id, std::move(command),
         [answer_with, is_ballot](v1::ServerMessage& reply, const core::Result<core::Decision>& decided) {
           if (decided) return answer_with(reply, v1::PRESS_ACCEPTED);
           auto code = decided.error().code;
           if (code == core::ErrorCode::invalid_state) return answer_with(reply, v1::PRESS_REJECTED_CLOSED);
           // Pressing "ask to speak" or "check in" twice leaves the holder where they wanted to be.
           if (code == core::ErrorCode::duplicate && !is_ballot) return answer_with(reply, v1::PRESS_ACCEPTED);
           answer_with(reply, v1::PRESS_REJECTED_INVALID);
         });
}

void Hall::decide(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                  core::Command command, Answer answer) {
  core::Actor actor{guest.role, guest.participant_id};
  core::Millis now = clock_();
  auto decided = meeting_.handle(command, actor, now);
  const char* action = core::command_name(command);
  std::string who = std::string(role_name(guest.role)) +
                    (guest.participant_id.empty() ? "" : " " + guest.participant_id);

  auto audit_entry = [&](std::string outcome) {
    return store::AuditEntry{now, role_name(guest.role), guest.participant_id, guest.client_name, action,
                             std::move(outcome), meeting_.state().seq};
  };
  if (!decided) {
    if (is_officer(guest.role) || decided.error().code == core::ErrorCode::not_allowed) {
      store::Commit refusal;
      refusal.audit.push_back(audit_entry(error_code_name(decided.error().code)));
      after_durable(std::move(refusal), [] {});
    }
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    answer(reply, decided);
    return send(peer, reply);
  }

  std::vector<store::AuditEntry> audit;
  if (is_officer(guest.role)) audit.push_back(audit_entry("ok"));
  if (!decided.value().events.empty())
    log_line("#" + std::to_string(meeting_.state().seq) + " " + action + " by " + who);

  std::weak_ptr<Peer> weak = peer;
  auto result = std::make_shared<core::Result<core::Decision>>(std::move(decided));
  record(result->value(), std::move(audit), [this, weak, request_id, answer = std::move(answer), result] {
    if (auto p = weak.lock()) {
      v1::ServerMessage reply;
      reply.set_request_id(request_id);
      answer(reply, *result);
      send(p, reply);
    }
  });
}

void Hall::record(const core::Decision& decision, std::vector<store::AuditEntry> audit,
                  std::function<void()> then) {
  store::Commit commit;
  commit.audit = std::move(audit);
  std::vector<v1::Event> wire_events;
  for (const core::Event& event : decision.events) {
    v1::Event wire;
    codec::to_wire(event, &wire);
    commit.events.push_back({event.seq, event.at, core::event_name(event.body), event.actor,
                             wire.SerializeAsString()});
    wire_events.push_back(std::move(wire));
  }
  commit.ballots = decision.secret_ballots;
  commit.checkpoint = std::any_of(decision.events.begin(), decision.events.end(), [](const core::Event& e) {
    return std::holds_alternative<core::ev::VoteClosed>(e.body);
  });
  after_durable(std::move(commit), [this, events = std::move(wire_events), then = std::move(then)]() mutable {
    published(std::move(events));
    then();
    consider_live_tally();
  });
}

void Hall::consider_live_tally() {
  auto due = core::live_tally_due(meeting_.state());
  if (!due) return;
  core::Millis now = clock_();
  if (now >= *due) {
    if (auto tally = meeting_.publish_live_tally(now)) record(tally.value(), {}, [] {});
    return;
  }
  if (live_tally_scheduled_) return;
  live_tally_scheduled_ = true;
  post_after_(*due - now, [self = shared_from_this()] {
    self->live_tally_scheduled_ = false;
    self->consider_live_tally();
  });
}

void Hall::after_durable(store::Commit commit, std::function<void()> then) {
  writer_->submit(std::move(commit), [post = post_, then = std::move(then)](const core::Status& status) {
    if (!status) {
      // The engine is ahead of the disk: stop before anything unrecorded is acknowledged.
      log_line("storage failed, stopping: " + status.error().message_en);
      std::_Exit(3);
    }
    post(then);
  });
}

void Hall::published(std::vector<v1::Event> events) {
  for (v1::Event& event : events) {
    recent_.push_back(event);
    if (recent_.size() > kResumeWindow) recent_.pop_front();
    unflushed_.push_back(std::move(event));
  }
  if (!flush_scheduled_) {
    flush_scheduled_ = true;
    post_([self = shared_from_this()] { self->flush(); });
  }
}

void Hall::flush() {
  flush_scheduled_ = false;
  if (unflushed_.empty()) return;
  core::Seq first = unflushed_.front().seq(), last = unflushed_.back().seq();
  v1::ServerMessage batch;
  for (v1::Event& event : unflushed_) *batch.mutable_events()->add_events() = std::move(event);
  unflushed_.clear();
  Frame shared = frame(batch);
  Frame snapshot;
  for (auto& [key, guest] : peers_) {
    auto peer = guest.peer.lock();
    if (!peer || !guest.welcomed || guest.seen >= last) continue;
    if (guest.seen >= first) {
      v1::ServerMessage tail;
      for (const v1::Event& event : batch.events().events())
        if (event.seq() > guest.seen) *tail.mutable_events()->add_events() = event;
      peer->deliver(frame(tail), true);
    } else {
      peer->deliver(shared, true);
    }
    if (wants_snapshots(guest.role) || peer->lagging()) {
      if (!snapshot) {
        v1::ServerMessage whole;
        codec::snapshot(meeting_.state(), clock_(), whole.mutable_snapshot());
        snapshot = frame(whole);
      }
      peer->deliver_snapshot(snapshot);
    }
  }
}

void Hall::send(const std::shared_ptr<Peer>& peer, v1::ServerMessage& message) {
  peer->deliver(frame(message));
}

void Hall::send_error(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const core::Error& error) {
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  codec::to_wire(error, reply.mutable_error());
  send(peer, reply);
}

Frame Hall::frame(v1::ServerMessage& message) const {
  message.set_server_time_ms(clock_());
  return std::make_shared<const std::string>(message.SerializeAsString());
}

}  // namespace gavel::net
