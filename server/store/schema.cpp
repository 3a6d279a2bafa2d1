#include "schema.hpp"

#include <array>
#include <string>

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
)sql"};
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
