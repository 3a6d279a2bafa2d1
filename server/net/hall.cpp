#include "hall.hpp"

#include <algorithm>
#include <cstdlib>

#include "codec/codec.hpp"
#include "codec/views.hpp"
#include "core/live_tally.hpp"
#include "net/log.hpp"
#include "net/voter_standing.hpp"

namespace gavel::net {

namespace {
Audience audience_of(core::Role role) {
  if (role == core::Role::display) return Audience::projector;
  return role == core::Role::participant ? Audience::phone : Audience::officer;
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
           Post post, PostAfter post_after, Clock clock, Pace pace, Broadcaster::FanOut fan_out)
    : meeting_(std::move(meeting)),
      doorkeeper_(std::move(doorkeeper)),
      post_(std::move(post)),
      post_after_(std::move(post_after)),
      clock_(std::move(clock)),
      durability_(std::move(writer), post_, [this](const core::Error& cause) { storage_refused(cause); }),
      broadcaster_(meeting_.state(), shelf_, post_after_, clock_, pace, std::move(fan_out)),
      ballot_log_(log_line, post_after_) {}

void Hall::remember(const std::vector<store::StoredEvent>& tail) {
  for (const auto& stored : tail)
    if (auto event = codec::logged_event(stored.body)) resume_.remember(std::move(event.value()));
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
      if (guest.clicker)
        return send_error(peer, id, protocol_error(core::ErrorCode::not_allowed, "表决器只能按键",
                                                   "a clicker credential can only press"));
      // A command sent again with its key gets the first answer instead of a second run.
      if (auto runner = answered_.admit(peer, std::string(role_name(guest.role)) + ' ' + guest.participant_id, id,
                                        message.command_key()))
        return command(runner, guest, id, message.command());
      return;
    case v1::ClientMessage::kPress:
      if (!guest.welcomed) break;
      return press(peer, guest, id, message.press());
    case v1::ClientMessage::kHeartbeat:
      if (!guest.welcomed) break;
      return heartbeat(peer, guest, message.heartbeat());
    case v1::ClientMessage::kClickerAdmin:
      if (!guest.welcomed) break;
      return clicker_admin(peer, guest, id, message.clicker_admin());
    case v1::ClientMessage::kMinutesRequest:
      if (!guest.welcomed) break;
      return minutes_request(peer, guest, id, message.minutes_request());
    case v1::ClientMessage::kJoinLinkRequest:
      if (!guest.welcomed) break;
      return join_link(peer, guest, id, message.join_link_request());
    case v1::ClientMessage::kReceiptsRequest: {
      if (!guest.welcomed) break;
      // Not logged or audited: which part of the list a phone checked is its own business.
      auto receipts = codec::receipts_beginning(meeting_.state(), message.receipts_request().vote_id(),
                                                message.receipts_request().prefix());
      if (!receipts) return send_error(peer, id, receipts.error());
      v1::ServerMessage reply;
      reply.set_request_id(id);
      *reply.mutable_receipts() = std::move(receipts.value());
      return send(peer, reply);
    }
    case v1::ClientMessage::BODY_NOT_SET:
      return send_error(peer, id, protocol_error(core::ErrorCode::bad_message, "消息为空", "empty message"));
  }
  send_error(peer, id, protocol_error(core::ErrorCode::unauthenticated, "请先发送 hello 并出示令牌",
                                      "send hello with your token first"));
}

void Hall::leave(const Peer* peer) {
  auto it = peers_.find(peer);
  if (it == peers_.end()) return;
  if (it->second.clicker) {
    auto [from, to] = clicker_peers_.equal_range(it->second.clicker->id);
    for (auto c = from; c != to; ++c)
      if (c->second == peer) {
        clicker_peers_.erase(c);
        break;
      }
  }
  broadcaster_.leave(peer);
  seats_.release(peer);
  peers_.erase(it);
}

void Hall::farewell(const std::shared_ptr<Peer>& peer, Frame last) {
  // Held, not watched: a session that has stopped reading may have nothing
  // else in flight, and gone now it would reset the connection before the
  // answers it waits for are written.
  durability_.when_durable([peer, last = std::move(last)] { peer->refuse(last); });
}

void Hall::hello(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                 const v1::Hello& hello) {
  auto refuse = [&](core::ErrorCode code, const char* zh, const char* en) {
    log_line(std::string("refused ") + peer->describe() + ": " + en);
    leave(peer.get());
    peer->refuse(frame_of(codec::error_reply(request_id, protocol_error(code, zh, en), clock_())));
  };
  if (guest.welcomed)
    return send_error(peer, request_id, protocol_error(core::ErrorCode::duplicate, "已经连接", "hello sent twice"));
  if (hello.protocol_version() != v1::PROTOCOL_VERSION_CURRENT)
    return refuse(core::ErrorCode::unsupported_version, "协议版本不受支持", "unsupported protocol version");
  bool by_code = hello.token().empty() && !hello.join_code().empty();
  auto credentials = by_code ? admit(peer, request_id, hello) : doorkeeper_.admit(hello.token());
  if (!credentials && by_code) return;  // answered; the page may try another code
  if (!credentials)
    return refuse(core::ErrorCode::unauthenticated, "令牌无效", "unknown token");
  if (!seats_.take(peer.get(), *credentials))
    return refuse(core::ErrorCode::limit_reached, "此凭证已连接的设备太多，请关闭不用的页面后再试",
                  "too many connections with this credential: close the pages you no longer use and try again");
  if (credentials->role == core::Role::clicker) {
    guest.clicker = clickers_.fleet().caller(credentials->clicker_id);
    if (!guest.clicker) return refuse(core::ErrorCode::unauthenticated, "表决器已停用", "this clicker was revoked");
    guest.role = core::Role::clicker;
    guest.client_name = loggable(hello.client_name().substr(0, 100));
    clicker_peers_.emplace(guest.clicker->id, peer.get());
    return welcome_clicker(peer, guest, request_id, hello);
  }

  guest.role = credentials->role;
  guest.participant_id = credentials->participant_id;
  guest.client_name = loggable(hello.client_name().substr(0, 100));
  log_line(std::string("welcome ") + role_name(guest.role) + " " + guest.participant_id + " " +
           peer->describe() + " (" + guest.client_name + ")");
  welcome(peer, guest, request_id, hello.resume_after_seq());
}

void Hall::welcome(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                   core::Seq after) {
  const core::MeetingState& state = meeting_.state();
  core::Millis now = clock_();
  View view = is_officer(guest.role) ? View::whole : View::partial;
  const std::unordered_set<std::string>* named = nullptr;
  // Shared with every welcome at this seq: no per-welcome copy of the state
  // is held while its events become durable.
  Bytes shared = shelf_.welcome_part(view, state, now, &named);
  std::shared_ptr<const v1::Participant> own;
  if (guest.role == core::Role::participant && !named->count(guest.participant_id))
    if (const core::Member* member = state.member(guest.participant_id)) {
      auto entry = std::make_shared<v1::Participant>();
      codec::roster_entry(*member, entry.get());
      own = std::move(entry);
    }
  std::shared_ptr<const v1::VoterStanding> standing;
  if (guest.role == core::Role::participant)
    standing = std::make_shared<const v1::VoterStanding>(
        standing_of(state, guest.participant_id, receipt_of(guest.participant_id)));
  std::weak_ptr<Peer> weak = peer;
  core::Seq upto = state.seq;
  durability_.when_durable([this, weak, request_id, after, upto, shared = std::move(shared), own = std::move(own),
                            standing = std::move(standing), rebuilds = rebuilds_] {
    auto p = weak.lock();
    auto it = p ? peers_.find(p.get()) : peers_.end();
    if (it == peers_.end()) return;
    Guest& g = it->second;
    // The disk refused events this snapshot held: welcome with the state rebuilt from the record.
    if (rebuilds != rebuilds_) return welcome(p, g, request_id, after);
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    reply.set_server_time_ms(clock_());
    v1::Welcome* w = reply.mutable_welcome();
    w->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
    w->set_role(codec::to_wire(g.role));
    w->set_participant_id(g.participant_id);
    if (own) *w->mutable_snapshot()->add_roster() = *own;
    if (standing) *w->mutable_standing() = *standing;
    // Every missed event, a phone's too: a resume fills the gap up to the snapshot exactly.
    if (auto missed = resume_.missed(after, upto)) {
      w->set_resumed(true);
      for (const v1::Event* event : *missed) {
        // A phone's standing says whether it may vote: not everyone's names.
        auto copy = g.role == core::Role::participant ? codec::phone_copy(*event) : nullptr;
        *w->add_missed() = copy ? *copy : *event;
      }
    }
    g.welcomed = true;
    p->admitted();
    broadcaster_.join(p, audience_of(g.role), g.participant_id, upto);
    p->deliver(Frame{shared, std::make_shared<const std::string>(reply.SerializeAsString())});
  });
}

std::optional<Credentials> Hall::admit(const std::shared_ptr<Peer>& peer, std::uint64_t request_id,
                                       const v1::Hello& hello) {
  std::string address = peer->remote_address();
  Guest stranger;
  stranger.role = core::Role::participant;
  core::Millis now = clock_();
  if (!code_attempts_.may_try(address, now)) {
    audit(stranger, address, "join_code", "ERROR_RATE_LIMITED");
    send_error(peer, request_id,
               protocol_error(core::ErrorCode::rate_limited, "尝试次数太多，请等一分钟再试，或到签到台请工作人员帮忙",
                              "too many tries: wait a minute and try again, or ask at the desk"));
    return std::nullopt;
  }
  auto code = normalize_join_code(hello.join_code());
  auto credentials = code ? doorkeeper_.admit_code(*code) : std::nullopt;
  if (!credentials) {
    code_attempts_.failed(address, now);
    audit(stranger, address, "join_code", "ERROR_UNAUTHENTICATED");
    send_error(peer, request_id,
               protocol_error(core::ErrorCode::unauthenticated, "个人码不对，请核对参会卡或名单上的 8 位码",
                              "that personal code is not right: check the 8 characters on your join card"));
    return std::nullopt;
  }
  stranger.participant_id = credentials->participant_id;
  audit(stranger, address, "join_code", "ok");
  return credentials;
}

void Hall::join_link(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                     const v1::JoinLinkRequest& request) {
  if (!is_officer(guest.role))
    return send_error(peer, request_id, protocol_error(core::ErrorCode::not_allowed, "只有主持人和记录员可以取参会链接",
                                                       "only the chair and the secretary may hand out join links"));
  auto card = doorkeeper_.card(request.participant_id());
  if (!card || card->token.empty())
    return send_error(peer, request_id, protocol_error(core::ErrorCode::not_found, "名单中没有此人",
                                                       "no such participant on the roster"));
  audit(guest, guest.client_name, "join_link", "ok");
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  v1::JoinLink* link = reply.mutable_join_link();
  link->set_participant_id(request.participant_id());
  link->set_url(join_base_ + card->token);
  link->set_code(card->code);
  send(peer, reply);
}

void Hall::audit(const Guest& guest, std::string client, const char* action, std::string outcome) {
  store::Commit entry;
  entry.audit.push_back(store::AuditEntry{clock_(), role_name(guest.role), guest.participant_id, std::move(client),
                                          action, std::move(outcome), meeting_.state().seq});
  after_durable(std::move(entry), [] {});
}

void Hall::catch_up(const std::shared_ptr<Peer>& peer) { broadcaster_.catch_up(peer); }

void Hall::command(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                   const v1::Command& wire) {
  auto parsed = codec::from_wire(wire);
  if (!parsed) return send_error(peer, request_id, parsed.error());
  auto sealed = with_minutes_seal(guest, std::move(parsed.value()));
  if (!sealed) return send_error(peer, request_id, sealed.error());
  core::Command command = std::move(sealed.value());
  auto* ballot = std::get_if<core::cmd::CastBallot>(&command);
  std::optional<core::cmd::CastBallot> cast;
  if (ballot) {
    follow_open_vote();
    if (auto refused = receipt_book_.refuse(meeting_.state(), guest.participant_id, *ballot))
      return send_error(peer, request_id, *refused);
    auto receipt = random_token();
    if (!receipt) return send_error(peer, request_id, no_randomness());
    ballot->fresh_receipt = std::move(*receipt);
    cast = *ballot;
  }
  decide(peer, guest, request_id, std::move(command),
         [this, participant = guest.participant_id, cast = std::move(cast)](
             v1::ServerMessage& reply, const core::Result<core::Decision>& decided) {
           if (!decided) return codec::to_wire(decided.error(), reply.mutable_error());
           v1::Ack* ack = reply.mutable_ack();
           const core::Decision& d = decided.value();
           if (!d.events.empty()) ack->set_seq(d.events.back().seq);
           ack->set_created_id(d.created_id);
           ack->set_receipt(d.receipt);
           for (const core::Notice& notice : d.notices) codec::to_wire(notice, ack->add_notices());
           if (!cast) return;
           receipt_book_.recorded(participant, *cast, d.receipt);
           if (d.receipt.empty()) ack->set_receipt(receipt_book_.receipt_of(participant));
         });
}

void Hall::decide(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                  core::Command command, Answer answer) {
  if (!storage_.writable()) {
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    answer(reply, core::Result<core::Decision>(StorageHealth::refusal()));
    return send(peer, reply);
  }
  core::Actor actor{guest.role, guest.participant_id};
  core::Millis now = clock_();
  auto decided = meeting_.handle(command, actor, now);
  const char* action = core::command_name(command);

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
  if (!decided.value().events.empty()) {
    if (std::holds_alternative<core::cmd::CastBallot>(command)) {
      ballot_log_.recorded(meeting_.state().seq);
    } else {
      ballot_log_.flush();
      std::string who = std::string(role_name(guest.role)) +
                        (guest.participant_id.empty() ? "" : " " + guest.participant_id);
      log_line("#" + std::to_string(meeting_.state().seq) + " " + action + " by " + who);
    }
  }

  std::weak_ptr<Peer> weak = peer;
  auto result = std::make_shared<core::Result<core::Decision>>(std::move(decided));
  auto answered = std::make_shared<Answer>(std::move(answer));
  auto reply_with = [this, weak, request_id, answered](const core::Result<core::Decision>& outcome) {
    // Answered even when the peer has gone: the answer may be remembered for a retransmission.
    v1::ServerMessage reply;
    reply.set_request_id(request_id);
    (*answered)(reply, outcome);
    if (auto p = weak.lock()) send(p, reply);
  };
  record(
      result->value(), std::move(audit), [reply_with, result] { reply_with(*result); },
      [reply_with] { reply_with(core::Result<core::Decision>(StorageHealth::refusal())); });
}

void Hall::record(const core::Decision& decision, std::vector<store::AuditEntry> audit,
                  std::function<void()> then, std::function<void()> refused) {
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
  commit.veto = decision.veto;
  commit.closed_vote = store::closed_vote(decision.events);
  commit.image = durability_.image_if_due(meeting_.state(), commit.closed_vote);
  after_durable(std::move(commit), [this, events = std::move(wire_events), then = std::move(then)]() mutable {
    for (const v1::Event& event : events) resume_.remember(event);
    // The answer first: a screen's tick may go out with the broadcast.
    then();
    broadcaster_.published(events);
    consider_live_tally();
  }, std::move(refused));
}

void Hall::consider_live_tally() {
  if (!storage_.writable()) return;  // resumed once the disk takes writes again
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

void Hall::after_durable(store::Commit commit, std::function<void()> then, std::function<void()> refused) {
  durability_.submit(std::move(commit), std::move(then), std::move(refused));
}

void Hall::storage_refused(const core::Error& cause) {
  if (!storage_.refused(cause, clock_())) return;  // already refusing commands
  log_line("the disk refused a write, refusing commands until it takes writes again: " + cause.message_en);
  auto rebuilt = reload_ ? reload_() : core::Result<core::Meeting>(cause);
  if (!rebuilt) {
    // The engine is ahead of the disk and the record cannot be read back:
    // stop before anything unrecorded is shown or acknowledged.
    log_line("cannot read the record back, stopping: " + rebuilt.error().message_en);
    std::_Exit(3);
  }
  meeting_ = std::move(rebuilt.value());
  ++rebuilds_;
  const core::Seq seq = meeting_.state().seq;
  shelf_.forget();
  broadcaster_.rewind(seq);
  for (auto& [key, guest] : peers_) {
    auto peer = guest.peer.lock();
    if (peer && guest.welcomed && !guest.clicker) send_error(peer, 0, StorageHealth::refusal());
  }
  post_after_(StorageHealth::kRetryEvery, [self = shared_from_this()] { self->try_storage(); });
}

void Hall::try_storage() {
  durability_.mend(storage_.trial(clock_(), meeting_.state().seq), [post = post_, hall = weak_from_this()](
                                                                     const core::Status& status) {
    post([hall, status] {
      auto self = hall.lock();
      if (!self) return;
      if (!status) return self->post_after_(StorageHealth::kRetryEvery, [self] { self->try_storage(); });
      self->storage_.restored();
      log_line("the disk takes writes again: taking commands");
      self->consider_live_tally();
    });
  });
}

void Hall::send(const std::shared_ptr<Peer>& peer, v1::ServerMessage& message) {
  peer->deliver(frame(message));
}

void Hall::send_error(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const core::Error& error) {
  peer->deliver(frame_of(codec::error_reply(request_id, error, clock_())));
}

Frame Hall::frame(v1::ServerMessage& message) const {
  message.set_server_time_ms(clock_());
  return frame_of(message.SerializeAsString());
}

}  // namespace gavel::net
