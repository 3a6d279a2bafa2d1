#include "meeting_store.hpp"

#include <sys/stat.h>

#include "store/schema.hpp"

namespace gavel::store {

namespace {
std::string join_choices(const std::vector<std::uint32_t>& choices) {
  std::string out;
  for (auto c : choices) {
    if (!out.empty()) out += ',';
    out += std::to_string(c);
  }
  return out;
}

std::vector<std::uint32_t> split_choices(const std::string& text) {
  std::vector<std::uint32_t> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(static_cast<std::uint32_t>(std::stoul(text.substr(start, end - start))));
    start = end + 1;
  }
  return out;
}

core::Status run_all(Database& db, std::span<const char* const> statements) {
  for (const char* sql : statements)
    if (auto ok = db.exec(sql); !ok) return ok;
  return core::Ok{};
}
}  // namespace

core::Result<MeetingStore> MeetingStore::open(const std::filesystem::path& file) {
  auto db = Database::open(file.string());
  if (!db) return db.error();
  // The database holds tokens and ballots: readable by the operator only.
  ::chmod(file.c_str(), 0600);
  constexpr const char* kPragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                      "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"};
  if (auto ok = run_all(db.value(), kPragmas); !ok) return ok.error();
  if (auto ok = migrate(db.value()); !ok) return ok.error();
  MeetingStore store(std::move(db.value()));
  if (auto ok = store.prepare_statements(); !ok) return ok.error();
  return store;
}

core::Status MeetingStore::prepare_statements() {
  auto e = db_.prepare("INSERT INTO events(meeting_id, seq, at_ms, kind, actor, body) VALUES(?,?,?,?,?,?)");
  auto b = db_.prepare(
      "INSERT INTO ballots(receipt, meeting_id, vote_id, choices, weight, reason) "
      "VALUES(?,?,?,?,?,?) ON CONFLICT(receipt) DO UPDATE SET choices=excluded.choices, "
      "reason=excluded.reason");
  auto v = db_.prepare(
      "INSERT INTO veto_standing(meeting_id, vote_id, standing) VALUES(?,?,?) "
      "ON CONFLICT(meeting_id, vote_id) DO UPDATE SET standing=excluded.standing");
  auto a = db_.prepare(
      "INSERT INTO audit(meeting_id, at_ms, role, actor, client, action, outcome, seq) "
      "VALUES(?,?,?,?,?,?,?,?)");
  if (!e) return e.error();
  if (!b) return b.error();
  if (!v) return v.error();
  if (!a) return a.error();
  insert_event_ = std::move(e.value());
  upsert_ballot_ = std::move(b.value());
  upsert_veto_ = std::move(v.value());
  insert_audit_ = std::move(a.value());
  return core::Ok{};
}

core::Result<std::optional<MeetingRecord>> MeetingStore::active_meeting() {
  auto q = db_.prepare("SELECT id, title, setup, created_ms FROM meetings WHERE archived = 0 ORDER BY id DESC LIMIT 1");
  if (!q) return q.error();
  auto row = q.value().step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<MeetingRecord>();
  return std::optional<MeetingRecord>(
      MeetingRecord{q.value().int64(0), q.value().text(1), q.value().blob(2), q.value().int64(3)});
}

core::Result<std::vector<MeetingRecord>> MeetingStore::archived_meetings() {
  auto q = db_.prepare("SELECT id, title, setup, created_ms FROM meetings WHERE archived = 1 ORDER BY id");
  if (!q) return q.error();
  std::vector<MeetingRecord> out;
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    out.push_back({q.value().int64(0), q.value().text(1), q.value().blob(2), q.value().int64(3)});
  }
  return out;
}

core::Result<MeetingId> MeetingStore::create_meeting(const std::string& title, const std::string& setup,
                                                    const std::vector<AccessToken>& tokens,
                                                    core::Millis now) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok.error();
  auto fail = [&](core::Error error) -> core::Result<MeetingId> {
    (void)db_.exec("ROLLBACK");
    return error;
  };
  auto m = db_.prepare("INSERT INTO meetings(title, setup, created_ms) VALUES(?,?,?)");
  if (!m) return fail(m.error());
  if (auto ok = m.value().bind(1, title).bind_blob(2, setup).bind(3, now).run(); !ok)
    return fail(ok.error());
  MeetingId id = sqlite3_last_insert_rowid(db_.handle());
  auto t = db_.prepare("INSERT INTO tokens(token, meeting_id, role, participant_id) VALUES(?,?,?,?)");
  if (!t) return fail(t.error());
  for (const AccessToken& token : tokens)
    if (auto ok = t.value().bind(1, token.token).bind(2, id).bind(3, token.role).bind(4, token.participant_id).run(); !ok)
      return fail(ok.error());
  if (auto ok = db_.exec("COMMIT"); !ok) return fail(ok.error());
  return id;
}

core::Status MeetingStore::add_tokens(MeetingId id, const std::vector<AccessToken>& tokens) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  auto t = db_.prepare("INSERT INTO tokens(token, meeting_id, role, participant_id) VALUES(?,?,?,?)");
  core::Status written = t ? core::Status(core::Ok{}) : core::Status(t.error());
  for (const AccessToken& token : tokens) {
    if (!written) break;
    written = t.value().bind(1, token.token).bind(2, id).bind(3, token.role).bind(4, token.participant_id).run();
  }
  if (written) written = db_.exec("COMMIT");
  if (!written) (void)db_.exec("ROLLBACK");
  return written;
}

core::Status MeetingStore::archive(MeetingId id) {
  auto q = db_.prepare("UPDATE meetings SET archived = 1 WHERE id = ?");
  if (!q) return q.error();
  return q.value().bind(1, id).run();
}

core::Result<std::vector<AccessToken>> MeetingStore::tokens(MeetingId id) {
  auto q = db_.prepare("SELECT token, role, participant_id FROM tokens WHERE meeting_id = ?");
  if (!q) return q.error();
  q.value().bind(1, id);
  std::vector<AccessToken> out;
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    out.push_back({q.value().text(0), q.value().text(1), q.value().text(2)});
  }
  return out;
}

core::Status MeetingStore::for_each_event(MeetingId id, core::Seq after,
                                          const std::function<core::Status(StoredEvent&&)>& visit) {
  auto q = db_.prepare("SELECT seq, at_ms, kind, actor, body FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq");
  if (!q) return q.error();
  q.value().bind(1, id).bind(2, static_cast<std::int64_t>(after));
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) return core::Ok{};
    Statement& s = q.value();
    if (auto ok = visit(StoredEvent{static_cast<core::Seq>(s.int64(0)), s.int64(1), s.text(2), s.text(3), s.blob(4)}); !ok)
      return ok;
  }
}

core::Result<std::vector<StoredEvent>> MeetingStore::events_after(MeetingId id, core::Seq after,
                                                                  std::size_t limit) {
  std::vector<StoredEvent> out;
  auto ok = for_each_event(id, after, [&](StoredEvent&& e) -> core::Status {
    if (out.size() >= limit)
      return core::make_error(core::ErrorCode::limit_reached, "事件过多", "too many events");
    out.push_back(std::move(e));
    return core::Ok{};
  });
  if (!ok) return ok.error();
  return out;
}

core::Result<std::vector<core::SecretBallot>> MeetingStore::ballots(MeetingId id) {
  auto q = db_.prepare("SELECT receipt, vote_id, choices, weight, reason FROM ballots WHERE meeting_id = ?");
  if (!q) return q.error();
  q.value().bind(1, id);
  std::vector<core::SecretBallot> out;
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    Statement& s = q.value();
    out.push_back({static_cast<core::Id>(s.int64(1)), s.text(0), split_choices(s.text(2)), s.real(3), s.text(4)});
  }
  return out;
}

core::Result<std::vector<core::VetoStanding>> MeetingStore::veto_standings(MeetingId id) {
  auto q = db_.prepare("SELECT vote_id, standing FROM veto_standing WHERE meeting_id = ?");
  if (!q) return q.error();
  q.value().bind(1, id);
  std::vector<core::VetoStanding> out;
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    out.push_back({static_cast<core::Id>(q.value().int64(0)), q.value().int64(1) != 0});
  }
  return out;
}

core::Status MeetingStore::checkpoint() { return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

core::Status MeetingStore::seal_ballots() {
  // VACUUM rebuilds the file: the ballot box is copied in receipt (random)
  // order, and no freed page keeps an old copy of a ballot in arrival order.
  if (auto ok = db_.exec("VACUUM"); !ok) return ok;
  return checkpoint();
}

core::Status MeetingStore::append(MeetingId id, std::span<const Commit* const> commits) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  auto write = [&]() -> core::Status {
    for (const Commit* commit : commits) {
      for (const StoredEvent& e : commit->events)
        if (auto ok = insert_event_.bind(1, id).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, e.at)
                          .bind(4, e.kind).bind(5, e.actor).bind_blob(6, e.body).run();
            !ok)
          return ok;
      for (const core::SecretBallot& b : commit->ballots)
        if (auto ok = upsert_ballot_.bind(1, b.receipt).bind(2, id).bind(3, static_cast<std::int64_t>(b.vote_id))
                          .bind(4, join_choices(b.choices)).bind(5, b.weight).bind(6, b.reason).run();
            !ok)
          return ok;
      if (const auto& veto = commit->veto)
        if (auto ok = upsert_veto_.bind(1, id).bind(2, static_cast<std::int64_t>(veto->vote_id))
                          .bind(3, std::int64_t{veto->standing ? 1 : 0}).run();
            !ok)
          return ok;
      for (const AuditEntry& a : commit->audit)
        if (auto ok = insert_audit_.bind(1, id).bind(2, a.at).bind(3, a.role).bind(4, a.actor)
                          .bind(5, a.client).bind(6, a.action).bind(7, a.outcome)
                          .bind(8, static_cast<std::int64_t>(a.seq)).run();
            !ok)
          return ok;
    }
    return db_.exec("COMMIT");
  };
  auto ok = write();
  if (!ok) (void)db_.exec("ROLLBACK");
  return ok;
}

}  // namespace gavel::store
