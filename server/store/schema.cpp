#include "schema.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "store/chain.hpp"

namespace gavel::store {

namespace {
// Each entry takes the schema from version i to i+1. Never edit a shipped
// entry: add a new one.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {R"sql(
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  setup BLOB NOT NULL,          -- gavel.v1.MeetingSetup
  created_ms INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
-- The append-only event log: the meeting's only state.
CREATE TABLE events (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  seq INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  body BLOB NOT NULL,           -- gavel.v1.Event
  PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;
-- The ballot box of secret votes: keyed by a random receipt, with no
-- participant, no time and no rowid, so rows carry no insertion order.
CREATE TABLE ballots (
  receipt TEXT PRIMARY KEY,
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  choices TEXT NOT NULL,
  weight REAL NOT NULL,
  vetoes INTEGER NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE tokens (
  token TEXT PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  role TEXT NOT NULL,
  participant_id TEXT NOT NULL
) WITHOUT ROWID;
-- Who did which chair or secretary action, from which client, when.
CREATE TABLE audit (
  meeting_id INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  role TEXT NOT NULL,
  actor TEXT NOT NULL,
  client TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  seq INTEGER NOT NULL
);
)sql",
                                                                       R"sql(
-- A secret ballot keeps no mark of its voter's group: a per-ballot veto flag
-- told how many of the veto group voted no. The veto is one bit per vote.
CREATE TABLE ballots_v2 (
  receipt TEXT PRIMARY KEY,
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  choices TEXT NOT NULL,
  weight REAL NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO ballots_v2 SELECT receipt, meeting_id, vote_id, choices, weight, reason FROM ballots ORDER BY receipt;
CREATE TABLE veto_standing (
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  standing INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, vote_id)
) WITHOUT ROWID;
INSERT INTO veto_standing SELECT meeting_id, vote_id, MAX(vetoes) FROM ballots GROUP BY meeting_id, vote_id;
DROP TABLE ballots;
ALTER TABLE ballots_v2 RENAME TO ballots;
)sql",
                                                                       R"sql(
-- The hash chain (store/chain.hpp): each event keeps the hash of the one
-- before it (the setup's for the first) and its own.
ALTER TABLE events ADD COLUMN prev_hash BLOB;
ALTER TABLE events ADD COLUMN hash BLOB;
-- Signed checkpoints (C2SP signed notes) over a meeting's chain head.
CREATE TABLE checkpoints (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  size INTEGER NOT NULL,        -- the head seq the note covers
  note TEXT NOT NULL,           -- the signed note, as signed
  verifier_key TEXT NOT NULL,   -- name+keyid+base64(0x01 || public key)
  PRIMARY KEY (meeting_id, size, note)
) WITHOUT ROWID;
)sql",
                                                                       R"sql(
-- Secret votes whose ballot box (a file of its own while the vote is open,
-- store/ballot_box.hpp) was moved into `ballots` at the close.
CREATE TABLE sealed_boxes (
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, vote_id)
) WITHOUT ROWID;
-- Meetings whose open vote may have ballots in `ballots` itself, from
-- before the boxes: a restart looks for them there too. (No index on the
-- vote: it would be one more copy of every receipt in the file.)
CREATE TABLE ballots_before_boxes (meeting_id INTEGER PRIMARY KEY);
INSERT INTO ballots_before_boxes SELECT DISTINCT meeting_id FROM ballots;
-- The latest checkpoint of the folded state (store/state_image.hpp) and the
-- chain hash of the event it folded, so a restart folds only what follows.
CREATE TABLE state_images (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  seq INTEGER NOT NULL,
  hash BLOB NOT NULL,
  image BLOB NOT NULL
);
-- Each closed vote as the fold left it, written once at its close.
CREATE TABLE vote_records (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  vote_id INTEGER NOT NULL,
  record BLOB NOT NULL,
  PRIMARY KEY (meeting_id, vote_id)
);
)sql",
                                                                       R"sql(
-- A vote's ballots side by side, in receipt order within the vote: keyed by
-- the receipt alone, sealing 10,000 ballots touched a page for nearly every
-- one of them among the million already in the file, and the close stalled
-- the room for 150 ms. Its pages now follow the vote, not the meeting.
CREATE TABLE ballots_v5 (
  receipt TEXT NOT NULL,
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  choices TEXT NOT NULL,
  weight REAL NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (meeting_id, vote_id, receipt)
) WITHOUT ROWID;
INSERT INTO ballots_v5 SELECT receipt, meeting_id, vote_id, choices, weight, reason FROM ballots
  ORDER BY meeting_id, vote_id, receipt;
DROP TABLE ballots;
ALTER TABLE ballots_v5 RENAME TO ballots;
)sql",
                                                                       R"sql(
-- An open secret vote's ballots, sealed batch by batch with the vote's key
-- (store/envelope.hpp) in the same transaction as their events, so one sync
-- makes both durable. Removed at the close, when the ballots move into
-- `ballots` in receipt order and the key is wiped; `sealed_boxes` then marks
-- the vote, whose ballots no longer have a file of their own.
CREATE TABLE envelopes (
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  upto INTEGER NOT NULL,
  sealed BLOB NOT NULL
);
CREATE INDEX envelopes_of_vote ON envelopes(meeting_id, vote_id);
)sql"};

// Events written before the chain existed get their hashes when the file is
// migrated, in the same transaction: from then on the chain covers them.
core::Status chain_existing_events(Database& db) {
  auto meetings = db.prepare("SELECT id, setup FROM meetings ORDER BY id");
  if (!meetings) return meetings.error();
  auto events = db.prepare("SELECT seq, body FROM events WHERE meeting_id = ? ORDER BY seq");
  auto update = db.prepare("UPDATE events SET prev_hash = ?, hash = ? WHERE meeting_id = ? AND seq = ?");
  if (!events) return events.error();
  if (!update) return update.error();
  for (;;) {
    auto row = meetings.value().step();
    if (!row) return row.error();
    if (!row.value()) return core::Ok{};
    std::int64_t id = meetings.value().int64(0);
    ChainHash previous = chain_root(meetings.value().blob(1));
    events.value().bind(1, id);
    std::vector<std::pair<std::int64_t, ChainHash>> links;
    std::vector<ChainHash> prevs;
    for (;;) {
      auto event = events.value().step();
      if (!event) return event.error();
      if (!event.value()) break;
      ChainHash hash = chain_link(previous, events.value().blob(1));
      prevs.push_back(previous);
      links.emplace_back(events.value().int64(0), hash);
      previous = hash;
    }
    events.value().reset();
    for (std::size_t i = 0; i < links.size(); ++i)
      if (auto ok = update.value().bind_blob(1, to_bytes(prevs[i])).bind_blob(2, to_bytes(links[i].second))
                        .bind(3, id).bind(4, links[i].first).run();
          !ok)
        return ok;
  }
}
}  // namespace

core::Status migrate(Database& db) {
  auto version_query = db.prepare("PRAGMA user_version");
  if (!version_query) return version_query.error();
  auto row = version_query.value().step();
  if (!row) return row.error();
  auto version = static_cast<int>(version_query.value().int64(0));
  version_query.value().reset();
  if (version > kSchemaVersion)
    return core::make_error(core::ErrorCode::internal, "数据库来自更新版本的 Gavel",
                            "the database was written by a newer Gavel (schema " +
                                std::to_string(version) + ")");
  for (int v = version; v < kSchemaVersion; ++v) {
    if (auto ok = db.exec("BEGIN IMMEDIATE"); !ok) return ok;
    auto applied = db.exec(kMigrations[static_cast<std::size_t>(v)]);
    if (applied && v + 1 == 3) applied = chain_existing_events(db);
    if (applied) applied = db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    if (!applied) {
      (void)db.exec("ROLLBACK");
      return applied;
    }
    if (auto ok = db.exec("COMMIT"); !ok) return ok;
  }
  return core::Ok{};
}

}  // namespace gavel::store
