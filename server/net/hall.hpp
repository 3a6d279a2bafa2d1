// The meeting hall: where connected clients meet the engine. It owns the
// Meeting and dispatches: it admits clients by token, turns their messages
// into engine commands, makes accepted events durable (Durability) and only
// then acknowledges them and hands them to the Broadcaster. Its other jobs
// have units of their own: the resume window, the snapshot shelf, the seats
// per credential, the receipt book. Everything here runs on one strand (the
// `post` it is given); it holds no sockets and no Asio types.
#pragma once

#include <functional>
#include <memory>
#include <unordered_map>

#include "clicker/clicker_desk.hpp"
#include "core/meeting.hpp"
#include "gavel/v1/envelope.pb.h"
#include "net/answered_commands.hpp"
#include "net/ballot_log.hpp"
#include "net/broadcaster.hpp"
#include "net/doorkeeper.hpp"
#include "net/durability.hpp"
#include "net/join_codes.hpp"
#include "net/minutes_printer.hpp"
#include "net/peer.hpp"
#include "net/receipt_book.hpp"
#include "net/resume_window.hpp"
#include "net/seats.hpp"
#include "net/snapshot_shelf.hpp"
#include "net/storage_health.hpp"
#include "store/log_writer.hpp"

namespace gavel::net {

class Hall : public std::enable_shared_from_this<Hall> {
 public:
  using Post = std::function<void(std::function<void()>)>;
  using PostAfter = std::function<void(core::Millis delay, std::function<void()>)>;
  using Clock = std::function<core::Millis()>;

  Hall(core::Meeting meeting, Doorkeeper doorkeeper, std::unique_ptr<store::LogWriter> writer,
       Post post, PostAfter post_after, Clock clock, Pace pace = {}, Broadcaster::FanOut fan_out = {});

  // Seeds the resume buffer with the log's tail after a restart.
  void remember(const std::vector<store::StoredEvent>& tail);
  // The clicker fleet, and how to make a change to it durable (DIR/clickers.json).
  using SaveFleet = std::function<core::Status(const std::string& json)>;
  void equip_clickers(clicker::Fleet fleet, SaveFleet save);

  // On the strand:
  void receive(const std::shared_ptr<Peer>& peer, const v1::ClientMessage& message);
  void leave(const Peer* peer);
  // A peer dropped event batches: send it the whole state to catch up.
  void catch_up(const std::shared_ptr<Peer>& peer);
  // The session stopped reading from `peer` and will close it: `last` goes
  // out once every command it already handed over is durable and answered,
  // so that no applied command is left without its answer.
  void farewell(const std::shared_ptr<Peer>& peer, Frame last);
  // Stops the writer after everything submitted is durable; call once the
  // I/O threads have stopped.
  void close() { durability_.close(); }

  // Where personal join links point (http://host:port/j/), once the port is known.
  void set_join_base(std::string base) { join_base_ = std::move(base); }

  const core::MeetingState& state() const { return meeting_.state(); }

  // Fills the seal of a signed version of the minutes: the chain head's hash
  // at sign.head_seq, the data folder key's signature and its fingerprint.
  // sign.content_sha256 and sign.head_seq are already set. Without a sealer
  // those fields stay empty (the minutes then print the content hash and seq).
  using MinutesSealer = std::function<void(core::cmd::SignMinutes& sign)>;
  void seal_minutes_with(MinutesSealer sealer) { seal_minutes_ = std::move(sealer); }
  // The meeting's whole record as JSON (gavel.v1.RecordExport), for the
  // minutes' JSON export. Called on the MinutesPrinter's worker thread, never
  // on the strand: it reads the database with a connection of its own.
  using RecordReader = std::function<core::Result<std::string>()>;
  void read_record_with(RecordReader reader) { read_record_ = std::move(reader); }
  std::size_t connected() const { return peers_.size(); }

  // How to read the meeting back from its record (what a restart would
  // rebuild). When the disk refuses a write the hall replaces its state with
  // this, refuses commands until the disk takes writes again, and serves the
  // rest as usual. Without it a refused write stops the process.
  using Reload = std::function<core::Result<core::Meeting>()>;
  void reload_from(Reload reload) { reload_ = std::move(reload); }
  bool storage_writable() const { return storage_.writable(); }

 private:
  struct Guest {
    std::weak_ptr<Peer> peer;
    bool welcomed = false;
    core::Role role = core::Role::participant;
    std::string participant_id;
    std::string client_name;
    std::optional<clicker::Caller> clicker;  // a Wi-Fi clicker or base station: presses only
  };
  using Reply = std::function<void(v1::ServerMessage&)>;

  void hello(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::Hello& hello);
  void command(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::Command& wire);
  // Clickers (hall_clickers.cpp): the hall only runs what the ClickerDesk decides.
  void welcome_clicker(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                       const v1::Hello& hello);
  void press(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id, const v1::ClickerPress& press);
  // The credentials behind a hello's token or personal code; nullopt after
  // answering the peer (wrong code, too many tries).
  std::optional<Credentials> admit(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const v1::Hello& hello);
  void join_link(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                 const v1::JoinLinkRequest& request);
  void audit(const Guest& guest, std::string client, const char* action, std::string outcome);
  void heartbeat(const std::shared_ptr<Peer>& peer, Guest& guest, const v1::ClickerHeartbeat& beat);
  void clicker_admin(const std::shared_ptr<Peer>& peer, Guest& guest, std::uint64_t request_id,
                     const v1::ClickerAdmin& admin);
  void send_clicker_ack(const std::weak_ptr<Peer>& peer, std::uint64_t request_id, const v1::ClickerAck& ack);
  // The receipt memory below follows the open vote: a new vote starts it afresh.
  void follow_open_vote();
  std::string receipt_of(const std::string& participant_id) const;
  // The minutes desk (hall_minutes.cpp): a file for the chair or secretary,
  // and a signature, which the server drafts, hashes and seals first.
  void minutes_request(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                       const v1::MinutesRequest& request);
  // Back on the strand with the printer's file: audited, then sent.
  void minutes_ready(const std::weak_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                     const v1::MinutesRequest& request, core::Seq seq, core::Result<minutes::MinutesFile> file);
  core::Result<core::Command> with_minutes_seal(const Guest& guest, core::Command command) const;

  // The welcome, once every event its snapshot holds is durable.
  void welcome(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id, core::Seq after);
  // Runs the command; `answer` fills the reply once it is durable.
  using Answer = std::function<void(v1::ServerMessage&, const core::Result<core::Decision>&)>;
  void decide(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
              core::Command command, Answer answer);
  // Makes a decision durable, then broadcasts its events and calls `then`.
  // `refused` runs instead of `then` when the disk refused it (after the hall has rebuilt its state).
  void record(const core::Decision& decision, std::vector<store::AuditEntry> audit,
              std::function<void()> then, std::function<void()> refused = {});
  // Submits `commit`; `then` (may be empty) runs once it is durable, `refused` instead when the disk refused it.
  void after_durable(store::Commit commit, std::function<void()> then, std::function<void()> refused = {});
  // The disk refused a write (storage_health.hpp): rebuild from the record, refuse commands, try again later.
  void storage_refused(const core::Error& cause);
  void try_storage();
  // Publishes a secret vote's batched live tally when due, or sets a timer for it.
  void consider_live_tally();

  void send(const std::shared_ptr<Peer>& peer, v1::ServerMessage& message);
  void send_error(const std::shared_ptr<Peer>& peer, std::uint64_t request_id, const core::Error& error);
  Frame frame(v1::ServerMessage& message) const;

  core::Meeting meeting_;
  Doorkeeper doorkeeper_;
  Post post_;
  PostAfter post_after_;
  Clock clock_;
  Durability durability_;
  std::unordered_map<const Peer*, Guest> peers_;
  // Connected clickers and base stations by id, for revoking and listing.
  std::unordered_multimap<std::string, const Peer*> clicker_peers_;
  ResumeWindow resume_;
  SnapshotShelf shelf_;
  Broadcaster broadcaster_;
  BallotLog ballot_log_;  // the log's ballots, a line a second
  Seats seats_;
  ReceiptBook receipt_book_;
  AnsweredCommands answered_;
  CodeAttempts code_attempts_;
  std::string join_base_;
  clicker::ClickerDesk clickers_{clicker::Fleet{}};
  SaveFleet save_fleet_;
  core::Id lent_for_vote_ = 0;  // pool clickers were lent for this vote
  MinutesSealer seal_minutes_;
  RecordReader read_record_;
  std::unique_ptr<MinutesPrinter> printer_;  // its worker starts with the first export
  StorageHealth storage_;
  Reload reload_;
  std::size_t rebuilds_ = 0;  // a welcome prepared before a rebuild is prepared again
  bool live_tally_scheduled_ = false;
};

}  // namespace gavel::net
