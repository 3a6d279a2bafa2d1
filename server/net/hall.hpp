// The meeting hall: where connected clients meet the engine. It owns the
// Meeting, admits clients by token, turns their messages into engine
// commands, hands accepted events to the LogWriter, and only after they are
// durable acknowledges them and broadcasts them. Everything here runs on one
// strand (the `post` it is given); it holds no sockets and no Asio types.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

#include "core/meeting.hpp"
#include "gavel/v1/envelope.pb.h"
#include "net/doorkeeper.hpp"
#include "net/join_codes.hpp"
#include "net/peer.hpp"
#include "net/receipt_book.hpp"
#include "store/log_writer.hpp"

namespace gavel::net {

class Hall : public std::enable_shared_from_this<Hall> {
 public:
  using Post = std::function<void(std::function<void()>)>;
  using PostAfter = std::function<void(core::Millis delay, std::function<void()>)>;
  using Clock = std::function<core::Millis()>;

  Hall(core::Meeting meeting, Doorkeeper doorkeeper, std::unique_ptr<store::LogWriter> writer,
       Post post, PostAfter post_after, Clock clock);

  // Seeds the resume buffer with the log's tail after a restart.
  void remember(const std::vector<store::StoredEvent>& tail);

  // On the strand:
  void receive(const std::shared_ptr<Peer>& peer, const v1::ClientMessage& message);
  void leave(const Peer* peer);
  // A peer dropped event batches: send it the whole state to catch up.
  void catch_up(const std::shared_ptr<Peer>& peer);
  // Stops the writer after everything submitted is durable; call once the
  // I/O threads have stopped.
  void close() { writer_.reset(); }

  // Where personal join links point (http://host:port/j/), once the port is known.
  void set_join_base(std::string base) { join_base_ = std::move(base); }

  const core::MeetingState& state() const { return meeting_.state(); }
  std::size_t connected() const { return peers_.size(); }

 private:
  struct Guest {
    std::weak_ptr<Peer> peer;
    bool welcomed = false;
    core::Role role = core::Role::participant;
    std::string participant_id;
    std::string client_name;
    core::Seq seen = 0;  // the snapshot's seq at welcome: older events are not resent
  };
  using Reply = std::function<void(v1::ServerMessage&)>;

  void hello(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::Hello& hello);
  void command(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::Command& wire);
  void press(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::ClickerPress& press);
  // The credentials behind a hello's token or personal code; nullopt after
  // answering the peer (wrong code, too many tries).
  std::optional<Credentials> admit(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const v1::Hello& hello);
  void join_link(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                 const v1::JoinLinkRequest& request);
  void audit(const Guest& guest, std::string client, const char* action, std::string outcome);

  // Runs the command; `answer` fills the reply once it is durable.
  using Answer = std::function<void(v1::ServerMessage&, const core::Result<core::Decision>&)>;
  void decide(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
              core::Command command, Answer answer);
  // Makes a decision durable, then broadcasts its events and calls `then`.
  void record(const core::Decision& decision, std::vector<store::AuditEntry> audit,
              std::function<void()> then);
  // Calls `then` on the strand once everything submitted so far is durable.
  void after_durable(store::Commit commit, std::function<void()> then);
  // Publishes a secret vote's batched live tally when due, or sets a timer for it.
  void consider_live_tally();
  void published(std::vector<v1::Event> events);
  void flush();

  void send(const std::shared_ptr<Peer>& peer, v1::ServerMessage& message);
  void send_error(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const core::Error& error);
  Frame frame(v1::ServerMessage& message) const;

  core::Meeting meeting_;
  Doorkeeper doorkeeper_;
  std::unique_ptr<store::LogWriter> writer_;
  Post post_;
  PostAfter post_after_;
  Clock clock_;
  std::unordered_map<const Peer*, Guest> peers_;
  std::deque<v1::Event> recent_;          // for clients that resume
  std::vector<v1::Event> unflushed_;      // durable, not yet broadcast
  ReceiptBook receipt_book_;
  CodeAttempts code_attempts_;
  std::string join_base_;
  bool flush_scheduled_ = false;
  bool live_tally_scheduled_ = false;
};

}  // namespace gavel::net
