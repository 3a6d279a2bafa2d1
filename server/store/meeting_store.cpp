#include "meeting_store.hpp"

#include <sys/stat.h>

#include "store/envelope.hpp"
#include "store/schema.hpp"

namespace gavel::store {

namespace {
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
  MeetingStore store(std::move(db.value()), file);
  if (auto ok = store.prepare_statements(); !ok) return ok.error();
  return store;
}

core::Result<MeetingStore> MeetingStore::open_read_only(const std::filesystem::path& file) {
  if (!std::filesystem::is_regular_file(file))
    return core::make_error(core::ErrorCode::not_found, "找不到数据库文件：" + file.string(),
                            "no database file at " + file.string());
  auto db = Database::open_read_only(file.string());
  if (!db) return db.error();
  auto version = db.value().prepare("PRAGMA user_version");
  if (!version) return version.error();
  auto row = version.value().step();
  if (!row) return row.error();
  auto found = version.value().int64(0);
  version.value().reset();
  if (found != kSchemaVersion)
    return core::make_error(core::ErrorCode::invalid_argument,
                            "数据库版本为 " + std::to_string(found) + "，本程序读取版本 " +
                                std::to_string(kSchemaVersion) + "（旧文件请先用 gaveld 打开一次以升级）",
                            "the database has schema " + std::to_string(found) + ", this program reads " +
                                std::to_string(kSchemaVersion) + " (open an older file with gaveld once to upgrade it)");
  MeetingStore store(std::move(db.value()), file);
  if (auto ok = store.prepare_statements(); !ok) return ok.error();
  return store;
}

core::Status MeetingStore::prepare_statements() {
  auto e = db_.prepare(
      "INSERT INTO events(meeting_id, seq, at_ms, kind, actor, body, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?)");
  auto c = db_.prepare("INSERT INTO checkpoints(meeting_id, size, note, verifier_key) VALUES(?,?,?,?)");
  auto b = db_.prepare(
      "INSERT INTO ballots(receipt, meeting_id, vote_id, choices, weight, reason) "
      "VALUES(?,?,?,?,?,?) ON CONFLICT(meeting_id, vote_id, receipt) DO UPDATE SET choices=excluded.choices, "
      "reason=excluded.reason");
  auto v = db_.prepare(
      "INSERT INTO veto_standing(meeting_id, vote_id, standing) VALUES(?,?,?) "
      "ON CONFLICT(meeting_id, vote_id) DO UPDATE SET standing=excluded.standing");
  auto a = db_.prepare(
      "INSERT INTO audit(meeting_id, at_ms, role, actor, client, action, outcome, seq) "
      "VALUES(?,?,?,?,?,?,?,?)");
  auto s = db_.prepare("INSERT INTO envelopes(meeting_id, vote_id, upto, sealed) VALUES(?,?,?,?)");
  if (!e) return e.error();
  if (!s) return s.error();
  if (!b) return b.error();
  if (!v) return v.error();
  if (!a) return a.error();
  if (!c) return c.error();
  insert_checkpoint_ = std::move(c.value());
  insert_event_ = std::move(e.value());
  insert_ballot_ = std::move(b.value());
  upsert_veto_ = std::move(v.value());
  insert_audit_ = std::move(a.value());
  insert_envelope_ = std::move(s.value());
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
  return all_rows<MeetingRecord>(q, [](Statement& r) {
    return MeetingRecord{r.int64(0), r.text(1), r.blob(2), r.int64(3)};
  });
}

core::Result<std::vector<MeetingRecord>> MeetingStore::meetings() {
  auto q = db_.prepare("SELECT id, title, setup, created_ms, archived FROM meetings ORDER BY id");
  return all_rows<MeetingRecord>(q, [](Statement& r) {
    return MeetingRecord{r.int64(0), r.text(1), r.blob(2), r.int64(3), r.int64(4) != 0};
  });
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
  if (auto ok = insert_tokens(id, tokens); !ok) return fail(ok.error());
  if (auto ok = db_.exec("COMMIT"); !ok) return fail(ok.error());
  return id;
}

core::Status MeetingStore::add_tokens(MeetingId id, const std::vector<AccessToken>& tokens) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  auto written = insert_tokens(id, tokens);
  if (written) written = db_.exec("COMMIT");
  if (!written) (void)db_.exec("ROLLBACK");
  return written;
}

core::Status MeetingStore::insert_tokens(MeetingId id, const std::vector<AccessToken>& tokens) {
  auto t = db_.prepare("INSERT INTO tokens(token, meeting_id, role, participant_id) VALUES(?,?,?,?)");
  if (!t) return t.error();
  for (const AccessToken& token : tokens)
    if (auto ok = t.value().bind(1, token.token).bind(2, id).bind(3, token.role).bind(4, token.participant_id).run(); !ok)
      return ok;
  return core::Ok{};
}

core::Status MeetingStore::archive(MeetingId id) {
  auto q = db_.prepare("UPDATE meetings SET archived = 1 WHERE id = ?");
  if (!q) return q.error();
  return q.value().bind(1, id).run();
}

core::Result<std::vector<AccessToken>> MeetingStore::tokens(MeetingId id) {
  auto q = db_.prepare("SELECT token, role, participant_id FROM tokens WHERE meeting_id = ?");
  if (q) q.value().bind(1, id);
  return all_rows<AccessToken>(q, [](Statement& r) { return AccessToken{r.text(0), r.text(1), r.text(2)}; });
}

core::Status MeetingStore::for_each_event(MeetingId id, core::Seq after,
                                          const std::function<core::Status(StoredEvent&&)>& visit) {
  auto q = db_.prepare(
      "SELECT seq, at_ms, kind, actor, body, prev_hash, hash FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq");
  if (!q) return q.error();
  q.value().bind(1, id).bind(2, static_cast<std::int64_t>(after));
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) return core::Ok{};
    Statement& s = q.value();
    if (auto ok = visit(StoredEvent{static_cast<core::Seq>(s.int64(0)), s.int64(1), s.text(2), s.text(3), s.blob(4),
                                    s.blob(5), s.blob(6)});
        !ok)
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

namespace {
// Choices as the ballot table keeps them: "0,2".
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

core::SecretBallot ballot_row(Statement& r) {
  return core::SecretBallot{static_cast<core::Id>(r.int64(0)), r.text(1), split_choices(r.text(2)), r.real(3), r.text(4)};
}
}  // namespace

core::Result<std::vector<core::SecretBallot>> MeetingStore::ballots(MeetingId id) {
  auto q = db_.prepare("SELECT vote_id, receipt, choices, weight, reason FROM ballots WHERE meeting_id = ?");
  if (q) q.value().bind(1, id);
  auto out = all_rows<core::SecretBallot>(q, ballot_row);
  if (!out) return out;
  auto open_votes = db_.prepare("SELECT DISTINCT vote_id FROM envelopes WHERE meeting_id = ? ORDER BY vote_id");
  if (open_votes) open_votes.value().bind(1, id);
  auto votes = all_rows<core::Id>(open_votes, [](Statement& r) { return static_cast<core::Id>(r.int64(0)); });
  if (!votes) return votes.error();
  for (core::Id vote : votes.value()) {
    auto more = open_envelopes(id, vote);
    if (!more) return more.error();
    out.value().insert(out.value().end(), more.value().begin(), more.value().end());
  }
  return out;
}

core::Result<std::vector<core::SecretBallot>> MeetingStore::ballots_of_vote(MeetingId id, core::Id vote) {
  // The ballot box has a vote's ballots once it is closed, or from before
  // the open votes' own files; otherwise they are all in its envelopes, and
  // a million closed ones need not be scanned.
  auto q = db_.prepare(
      "SELECT vote_id, receipt, choices, weight, reason FROM ballots WHERE meeting_id = ?1 AND vote_id = ?2 "
      "AND (EXISTS (SELECT 1 FROM sealed_boxes WHERE meeting_id = ?1 AND vote_id = ?2) "
      "OR EXISTS (SELECT 1 FROM ballots_before_boxes WHERE meeting_id = ?1))");
  if (q) q.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote));
  auto out = all_rows<core::SecretBallot>(q, ballot_row);
  if (!out) return out;
  auto more = open_envelopes(id, vote);
  if (!more) return more.error();
  out.value().insert(out.value().end(), more.value().begin(), more.value().end());
  return out;
}

core::Result<const VoteKey*> MeetingStore::key(MeetingId id, core::Id vote, bool create) {
  auto place = std::make_pair(id, vote);
  if (auto it = keys_.find(place); it != keys_.end()) return &it->second;
  const auto file = VoteKey::file_for(file_, id, vote);
  auto found = create ? VoteKey::open_or_create(file) : VoteKey::open(file);
  if (!found) return found.error();
  return &keys_.emplace(place, std::move(found.value())).first->second;
}

core::Result<std::vector<core::SecretBallot>> MeetingStore::open_envelopes(MeetingId id, core::Id vote) {
  auto q = db_.prepare("SELECT upto, sealed FROM envelopes WHERE meeting_id = ? AND vote_id = ? ORDER BY rowid");
  if (!q) return q.error();
  q.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote));
  // A changed ballot replaces its receipt's choice and reason, as the
  // ballot box's upsert does.
  std::map<std::string, core::SecretBallot> latest;
  const VoteKey* sealer = nullptr;
  for (;;) {
    auto row = q.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    if (!sealer) {
      auto found = key(id, vote, false);
      if (!found) return found.error();
      sealer = found.value();
    }
    const EnvelopePlace place{id, vote, static_cast<core::Seq>(q.value().int64(0))};
    auto opened = open_envelope(*sealer, place, q.value().blob(1));
    if (!opened) return opened.error();
    for (core::SecretBallot& b : opened.value()) {
      // The key is copied before the ballot is moved in; a receipt already
      // there leaves `b` untouched.
      auto [at, fresh] = latest.try_emplace(b.receipt, std::move(b));
      if (fresh) continue;
      at->second.choices = std::move(b.choices);
      at->second.reason = std::move(b.reason);
    }
  }
  std::vector<core::SecretBallot> out;
  out.reserve(latest.size());
  for (auto& [receipt, b] : latest) out.push_back(std::move(b));
  return out;
}

core::Status MeetingStore::recover_ballot_boxes(MeetingId id) {
  auto sealed = db_.prepare("SELECT 1 FROM sealed_boxes WHERE meeting_id = ? AND vote_id = ?");
  if (!sealed) return sealed.error();
  auto is_sealed = [&](core::Id vote) -> core::Result<bool> {
    auto found = sealed.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote)).step();
    sealed.value().reset();
    return found;
  };
  for (core::Id vote : VoteKey::older_boxes_on_disk(file_, id)) {
    auto closed = is_sealed(vote);
    if (!closed) return closed.error();
    if (!closed.value())
      return core::make_error(core::ErrorCode::invalid_state,
                              "第 " + std::to_string(vote) +
                                  " 项表决的选票在旧版 gaveld 的投票箱文件中，本版本读不了：请用旧版结束这项表决后再升级",
                              "vote " + std::to_string(vote) +
                                  "'s ballots are in an older gaveld's ballot box file, which this version cannot read: "
                                  "close the vote with the older version, then upgrade");
    if (auto ok = VoteKey::wipe_older_box(VoteKey::older_box_for(file_, id, vote)); !ok) return ok;
  }
  for (core::Id vote : VoteKey::on_disk(file_, id)) {
    auto closed = is_sealed(vote);
    if (!closed) return closed.error();
    if (!closed.value()) continue;
    // Killed between the close's commit and the wipe: the ballots are in
    // the ballot box already.
    keys_.erase({id, vote});
    if (auto ok = VoteKey::wipe(VoteKey::file_for(file_, id, vote)); !ok) return ok;
  }
  return core::Ok{};
}

core::Result<std::optional<StoredImage>> MeetingStore::state_image(MeetingId id) {
  auto q = db_.prepare(
      "SELECT i.seq, i.image FROM state_images AS i JOIN events AS e ON e.meeting_id = i.meeting_id AND e.seq = i.seq "
      "WHERE i.meeting_id = ? AND e.hash = i.hash");
  if (!q) return q.error();
  auto row = q.value().bind(1, id).step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<StoredImage>();
  return std::optional<StoredImage>(StoredImage{static_cast<core::Seq>(q.value().int64(0)), q.value().blob(1)});
}

core::Result<std::optional<std::string>> MeetingStore::vote_record(MeetingId id, core::Id vote) {
  auto q = db_.prepare("SELECT record FROM vote_records WHERE meeting_id = ? AND vote_id = ?");
  if (!q) return q.error();
  auto row = q.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote)).step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<std::string>();
  return std::optional<std::string>(q.value().blob(0));
}

core::Status MeetingStore::save_image(MeetingId id, const StateImage& image) {
  auto head = chain_head(id);
  if (!head) return head.error();
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  auto ok = store_image(id, image, head.value());
  if (ok) ok = db_.exec("COMMIT");
  if (!ok) (void)db_.exec("ROLLBACK");
  return ok;
}

core::Status MeetingStore::store_image(MeetingId id, const StateImage& image, const ChainHead& head) {
  // An image of another seq than the head would be checked against the wrong hash.
  if (image.seq != head.seq || head.seq == 0) return core::Ok{};
  auto records = db_.prepare("INSERT OR REPLACE INTO vote_records(meeting_id, vote_id, record) VALUES(?,?,?)");
  if (!records) return records.error();
  for (const auto& [vote, record] : image.closed_votes)
    if (auto ok = records.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote)).bind_blob(3, record).run(); !ok)
      return ok;
  auto q = db_.prepare("INSERT OR REPLACE INTO state_images(meeting_id, seq, hash, image) VALUES(?,?,?,?)");
  if (!q) return q.error();
  return q.value().bind(1, id).bind(2, static_cast<std::int64_t>(head.seq)).bind_blob(3, to_bytes(head.hash))
      .bind_blob(4, image.state).run();
}

core::Status MeetingStore::seal_box(MeetingId id, core::Id vote) {
  auto mark = db_.prepare("INSERT OR IGNORE INTO sealed_boxes(meeting_id, vote_id) VALUES(?,?)");
  if (!mark) return mark.error();
  if (auto ok = mark.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote)).run(); !ok) return ok;
  auto ballots = open_envelopes(id, vote);
  if (!ballots) return ballots.error();
  // In receipt (random) order, in one transaction: the main file's pages
  // are filled in that order, not in the order the ballots arrived.
  for (const core::SecretBallot& b : ballots.value())
    if (auto ok = insert_ballot_.bind(1, b.receipt).bind(2, id).bind(3, static_cast<std::int64_t>(vote))
                      .bind(4, join_choices(b.choices)).bind(5, b.weight).bind(6, b.reason).run();
        !ok)
      return ok;
  // The envelopes go without zeroing the pages they free (secure_delete
  // FAST, not ON): the key is wiped after this commit, so a leftover
  // envelope can no longer be opened, and zeroing them cost the close 20 ms
  // of every ack's time at 10,000 ballots.
  auto drop = db_.prepare("DELETE FROM envelopes WHERE meeting_id = ? AND vote_id = ?");
  if (!drop) return drop.error();
  if (auto ok = db_.exec("PRAGMA secure_delete=FAST"); !ok) return ok;
  auto dropped = drop.value().bind(1, id).bind(2, static_cast<std::int64_t>(vote)).run();
  auto restored = db_.exec("PRAGMA secure_delete=ON");
  return dropped ? restored : dropped;
}

core::Status MeetingStore::seal_ballots(MeetingId id, std::span<const Commit* const> commits, core::Seq upto) {
  std::map<core::Id, std::vector<const core::SecretBallot*>> by_vote;
  for (const Commit* commit : commits)
    for (const core::SecretBallot& b : commit->ballots) by_vote[b.vote_id].push_back(&b);
  for (const auto& [vote, ballots] : by_vote) {
    auto sealer = key(id, vote, true);
    if (!sealer) return sealer.error();
    auto sealed = seal_envelope(*sealer.value(), {id, vote, upto}, ballots);
    if (!sealed) return sealed.error();
    if (auto ok = insert_envelope_.bind(1, id).bind(2, static_cast<std::int64_t>(vote))
                      .bind(3, static_cast<std::int64_t>(upto)).bind_blob(4, sealed.value()).run();
        !ok)
      return ok;
  }
  return core::Ok{};
}

core::Result<std::vector<core::VetoStanding>> MeetingStore::veto_standings(MeetingId id) {
  auto q = db_.prepare("SELECT vote_id, standing FROM veto_standing WHERE meeting_id = ?");
  if (q) q.value().bind(1, id);
  return all_rows<core::VetoStanding>(q, [](Statement& r) {
    return core::VetoStanding{static_cast<core::Id>(r.int64(0)), r.int64(1) != 0};
  });
}

core::Result<ChainHead> MeetingStore::chain_head(MeetingId id) {
  if (auto known = heads_.find(id); known != heads_.end()) return known->second;
  auto last = db_.prepare("SELECT seq, hash FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1");
  if (!last) return last.error();
  auto row = last.value().bind(1, id).step();
  if (!row) return row.error();
  ChainHead head;
  if (row.value()) {
    head.seq = static_cast<core::Seq>(last.value().int64(0));
    if (!from_bytes(last.value().blob(1), head.hash))
      return core::make_error(core::ErrorCode::internal, "数据库内容损坏：事件缺少哈希",
                              "the database is damaged: an event has no chain hash");
    return head;
  }
  auto setup = db_.prepare("SELECT setup FROM meetings WHERE id = ?");
  if (!setup) return setup.error();
  auto found = setup.value().bind(1, id).step();
  if (!found) return found.error();
  if (!found.value())
    return core::make_error(core::ErrorCode::not_found, "没有这个会议", "no such meeting");
  head.hash = chain_root(setup.value().blob(0));
  return head;
}

core::Result<std::vector<StoredCheckpoint>> MeetingStore::checkpoints(MeetingId id) {
  auto q = db_.prepare("SELECT size, note, verifier_key FROM checkpoints WHERE meeting_id = ? ORDER BY size");
  if (q) q.value().bind(1, id);
  return all_rows<StoredCheckpoint>(q, [](Statement& r) {
    return StoredCheckpoint{static_cast<core::Seq>(r.int64(0)), r.text(1), r.text(2)};
  });
}

core::Status MeetingStore::checkpoint() { return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

core::Id closed_vote(const std::vector<core::Event>& events) {
  for (const core::Event& e : events)
    if (const auto* closed = std::get_if<core::ev::VoteClosed>(&e.body)) return closed->vote_id;
  return 0;
}

core::Status MeetingStore::append(MeetingId id, std::span<const Commit* const> commits) {
  auto known = chain_head(id);
  if (!known) return known.error();
  ChainHead head = known.value();
  core::Seq upto = head.seq;
  std::vector<core::Id> closing;
  for (const Commit* commit : commits) {
    if (!commit->events.empty()) upto = commit->events.back().seq;
    if (commit->closed_vote) closing.push_back(commit->closed_vote);
  }
  core::Status ok = db_.exec("BEGIN IMMEDIATE");
  if (!ok) return ok;
  try {
    // The envelopes before the events: a close in this batch seals them too.
    ok = seal_ballots(id, commits, upto);
    if (ok) ok = append_commits(id, commits, head);
  } catch (const std::exception& e) {
    ok = core::make_error(core::ErrorCode::internal, std::string("记录失败：") + e.what(), e.what());
  }
  if (ok) ok = db_.exec("COMMIT");
  if (!ok) {
    (void)db_.exec("ROLLBACK");
    return ok;
  }
  heads_[id] = head;
  for (core::Id vote : closing) {
    keys_.erase({id, vote});
    if (auto wiped = VoteKey::wipe(VoteKey::file_for(file_, id, vote)); !wiped) return wiped;
  }
  // The WAL held this meeting's pages in commit order: empty it at a close.
  if (!closing.empty()) return checkpoint();
  return core::Ok{};
}

core::Status MeetingStore::append_commits(MeetingId id, std::span<const Commit* const> commits, ChainHead& head) {
  for (const Commit* commit : commits) {
    for (const StoredEvent& e : commit->events) {
      if (e.seq != head.seq + 1)
        return core::make_error(core::ErrorCode::internal, "事件序号不连续",
                                "event " + std::to_string(e.seq) + " does not follow " + std::to_string(head.seq));
      ChainHash hash = chain_link(head.hash, e.body);
      if (auto ok = insert_event_.bind(1, id).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, e.at)
                        .bind(4, e.kind).bind(5, e.actor).bind_blob(6, e.body)
                        .bind_blob(7, to_bytes(head.hash)).bind_blob(8, to_bytes(hash)).run();
          !ok)
        return ok;
      head = {e.seq, hash};
    }
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
    if (commit->closed_vote)
      if (auto ok = seal_box(id, commit->closed_vote); !ok) return ok;
    if (commit->image)
      if (auto ok = store_image(id, *commit->image, head); !ok) return ok;
    if (commit->seal)
      if (std::optional<StoredCheckpoint> sealed = commit->seal(head))
        if (auto ok = insert_checkpoint_.bind(1, id).bind(2, static_cast<std::int64_t>(sealed->size))
                          .bind(3, sealed->note).bind(4, sealed->verifier_key).run();
            !ok)
          return ok;
  }
  return core::Ok{};
}

}  // namespace gavel::store
