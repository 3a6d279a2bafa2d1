// The durable record in one SQLite file (WAL, synchronous=FULL): meetings and
// their append-only event logs, the secret ballot box, access tokens and the
// audit trail. One MeetingStore per thread; writes go through LogWriter.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "core/result.hpp"
#include "store/chain.hpp"
#include "store/sqlite.hpp"

namespace gavel::store {

using MeetingId = std::int64_t;

struct StoredEvent {
  core::Seq seq = 0;
  core::Millis at = 0;
  std::string kind;
  std::string actor;
  std::string body;  // serialized gavel.v1.Event
  // The hash chain (store/chain.hpp), 32 raw bytes each: filled when read
  // back; append computes them, whatever a caller puts here.
  std::string prev_hash{}, hash{};
};

// A signed checkpoint (C2SP signed note) over a chain head, as stored.
struct StoredCheckpoint {
  core::Seq size = 0;
  std::string note;
  std::string verifier_key;
};

struct AuditEntry {
  core::Millis at = 0;
  std::string role;
  std::string actor;
  std::string client;
  std::string action;
  std::string outcome;  // "ok" or the error code
  core::Seq seq = 0;
};

// Everything one group of commands changed; written in one transaction.
struct Commit {
  std::vector<StoredEvent> events;
  std::vector<core::SecretBallot> ballots;
  std::optional<core::VetoStanding> veto;
  std::vector<AuditEntry> audit;
  // A vote closed: afterwards, rewrite the ballot box and empty the WAL,
  // which both keep traces of the order ballots arrived in.
  bool checkpoint = false;
  // Set to sign the record: called on the writer thread inside the
  // transaction, once this commit's events are chained, with the head they
  // reached; a checkpoint it returns is stored in the same transaction.
  std::function<std::optional<StoredCheckpoint>(const ChainHead&)> seal{};
};

struct MeetingRecord {
  MeetingId id = 0;
  std::string title;
  std::string setup;  // serialized gavel.v1.MeetingSetup
  core::Millis created = 0;
  bool archived{false};
};

// A participant's short personal code is kept as a token of this role.
inline constexpr const char* kJoinCodeRole = "join_code";

struct AccessToken {
  std::string token;
  std::string role;  // chair, secretary, display, participant, clicker, join_code
  std::string participant_id;
};

class MeetingStore {
 public:
  static core::Result<MeetingStore> open(const std::filesystem::path& file);
  // For readers (gavelctl verify, archive): changes nothing in the file, and
  // refuses a file of another schema version instead of migrating it.
  static core::Result<MeetingStore> open_read_only(const std::filesystem::path& file);

  // The meeting that is not archived yet, if any.
  core::Result<std::optional<MeetingRecord>> active_meeting();
  core::Result<MeetingId> create_meeting(const std::string& title, const std::string& setup,
                                         const std::vector<AccessToken>& tokens, core::Millis now);
  core::Status archive(MeetingId id);
  core::Result<std::vector<MeetingRecord>> archived_meetings();
  // Every meeting in the file, finished or not, oldest first.
  core::Result<std::vector<MeetingRecord>> meetings();

  core::Result<std::vector<AccessToken>> tokens(MeetingId id);
  core::Status add_tokens(MeetingId id, const std::vector<AccessToken>& tokens);
  core::Status for_each_event(MeetingId id, core::Seq after,
                              const std::function<core::Status(StoredEvent&&)>& visit);
  core::Result<std::vector<StoredEvent>> events_after(MeetingId id, core::Seq after, std::size_t limit);
  core::Result<std::vector<core::SecretBallot>> ballots(MeetingId id);
  core::Result<std::vector<core::VetoStanding>> veto_standings(MeetingId id);
  // The hash of the last stored event (or the chain's root).
  core::Result<ChainHead> chain_head(MeetingId id);
  core::Result<std::vector<StoredCheckpoint>> checkpoints(MeetingId id);  // by size

  // Appends the commits in one transaction: all of them or none.
  core::Status append(MeetingId id, std::span<const Commit* const> commits);
  // Rebuilds the file so that not even its bytes keep the order ballots
  // arrived in (the ballot box is copied in receipt order, no freed page
  // keeps an old copy), then empties the WAL. Costs time in proportion to
  // the file's size: done when a vote closes.
  core::Status seal_ballots();
  // Moves the WAL into the database file and truncates it to zero bytes.
  core::Status checkpoint();

 private:
  explicit MeetingStore(Database db) : db_(std::move(db)) {}
  core::Status prepare_statements();
  // Inside the caller's transaction.
  core::Status insert_tokens(MeetingId id, const std::vector<AccessToken>& tokens);

  core::Status append_commits(MeetingId id, std::span<const Commit* const> commits, ChainHead& head);

  Database db_;
  Statement insert_event_, upsert_ballot_, upsert_veto_, insert_audit_, insert_checkpoint_;
  // The chain head of each meeting written through this connection, so the
  // writer hashes without reading back; moved only after a commit succeeds.
  std::map<MeetingId, ChainHead> heads_;
};

}  // namespace gavel::store
