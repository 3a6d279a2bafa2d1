#include "ballot_box.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace gavel::store {

namespace {
constexpr const char* kSchema = R"sql(
-- The same columns as the main file's `ballots`: no participant, no time,
-- no rowid; the meeting and the vote are the file's own.
CREATE TABLE IF NOT EXISTS ballots (
  receipt TEXT PRIMARY KEY,
  meeting_id INTEGER NOT NULL,
  vote_id INTEGER NOT NULL,
  choices TEXT NOT NULL,
  weight REAL NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;
-- The latest batch, until the main file's chain reaches `upto`: `had` says
-- whether the receipt had a ballot before, and what it said.
CREATE TABLE IF NOT EXISTS pending (
  receipt TEXT PRIMARY KEY,
  upto INTEGER NOT NULL,
  had INTEGER NOT NULL,
  choices TEXT NOT NULL,
  weight REAL NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;
-- The latest batch's new ballots: their receipts, one per line (gaveld's
-- receipts are hex tokens), in one row.
CREATE TABLE IF NOT EXISTS pending_new (
  upto INTEGER NOT NULL,
  receipts TEXT NOT NULL
);
)sql";

std::string prefix_for(const std::filesystem::path& main, std::int64_t meeting) {
  return main.filename().string() + "-ballots-" + std::to_string(meeting) + "-";
}

const std::filesystem::path kInMemory = ":memory:";

core::Error io_error(const std::string& what, const std::filesystem::path& file) {
  return core::make_error(core::ErrorCode::internal, "无法清除投票箱文件：" + file.string(),
                          "cannot wipe the ballot box: " + what + " " + file.string());
}

// The first column of every row of `sql`, as text.
core::Result<std::vector<std::string>> texts(Database& db, const char* sql) {
  auto q = db.prepare(sql);
  return all_rows<std::string>(q, [](Statement& r) { return r.text(0); });
}

core::Status zero_and_remove(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? core::Status(core::Ok{}) : io_error("open", file);
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  const std::string zeros(64 * 1024, '\0');
  for (off_t at = 0; ok && at < st.st_size; at += static_cast<off_t>(zeros.size())) {
    auto n = static_cast<std::size_t>(std::min<off_t>(st.st_size - at, static_cast<off_t>(zeros.size())));
    ok = ::pwrite(fd, zeros.data(), n, at) == static_cast<ssize_t>(n);
  }
  ok = ok && ::fdatasync(fd) == 0;
  ::close(fd);
  if (!ok) return io_error("overwrite", file);
  if (::unlink(file.c_str()) != 0) return io_error("unlink", file);
  return core::Ok{};
}
}  // namespace

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

std::filesystem::path BallotBox::file_for(const std::filesystem::path& main, std::int64_t meeting, core::Id vote) {
  if (main == kInMemory) return kInMemory;
  return main.parent_path() / (prefix_for(main, meeting) + std::to_string(vote));
}

std::vector<core::Id> BallotBox::on_disk(const std::filesystem::path& main, std::int64_t meeting) {
  std::vector<core::Id> votes;
  if (main == kInMemory) return votes;
  const std::string prefix = prefix_for(main, meeting);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(main.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    core::Id vote = 0;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    // gavel.db-ballots-1-3 only: not its -wal or -shm.
    if (auto [end, err] = std::from_chars(first, last, vote); err == std::errc() && end == last) votes.push_back(vote);
  }
  std::sort(votes.begin(), votes.end());
  return votes;
}

core::Result<BallotBox> BallotBox::open(const std::filesystem::path& file, std::int64_t meeting) {
  auto db = Database::open(file.string());
  if (!db) return db.error();
  if (file != kInMemory) ::chmod(file.c_str(), 0600);
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON", kSchema})
    if (auto ok = db.value().exec(sql); !ok) return ok.error();
  BallotBox box(std::move(db.value()), file, meeting);
  if (auto ok = box.prepare_statements(); !ok) return ok.error();
  if (auto ok = box.load_receipts(); !ok) return ok.error();
  return box;
}

core::Status BallotBox::wipe(const std::filesystem::path& file) {
  if (file == kInMemory) return core::Ok{};  // gone with its connection
  for (const char* suffix : {"-wal", "-shm", ""})
    if (auto ok = zero_and_remove(file.string() + suffix); !ok) return ok;
  // The removal itself must reach the disk before the close is acknowledged.
  int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return io_error("open the folder of", file);
  bool synced = ::fsync(dir) == 0;
  ::close(dir);
  if (!synced) return io_error("sync the folder of", file);
  return core::Ok{};
}

core::Status BallotBox::prepare_statements() {
  // What the ballot said before, if anything, marked in one statement: one
  // step through SQLite per ballot instead of two, and the old ballot never
  // copied out into C++ and back.
  auto r = db_.prepare(
      "INSERT INTO pending(receipt, upto, had, choices, weight, reason) "
      "SELECT ?1, ?2, b.receipt IS NOT NULL, coalesce(b.choices, ''), coalesce(b.weight, 0), coalesce(b.reason, '') "
      "FROM (SELECT 1) LEFT JOIN ballots AS b ON b.receipt = ?1 WHERE true "
      "ON CONFLICT(receipt) DO NOTHING");
  auto u = db_.prepare(
      "INSERT INTO ballots(receipt, meeting_id, vote_id, choices, weight, reason) VALUES(?,?,?,?,?,?) "
      "ON CONFLICT(receipt) DO UPDATE SET choices=excluded.choices, reason=excluded.reason");
  auto c = db_.prepare("DELETE FROM pending");
  auto n = db_.prepare("INSERT INTO pending_new(upto, receipts) VALUES(?, ?)");
  auto cn = db_.prepare("DELETE FROM pending_new");
  auto d = db_.prepare("DELETE FROM ballots WHERE receipt = ?");
  for (auto* s : {&r, &u, &c, &n, &cn, &d})
    if (!*s) return s->error();
  remember_ = std::move(r.value());
  upsert_ = std::move(u.value());
  clear_pending_ = std::move(c.value());
  mark_new_ = std::move(n.value());
  clear_new_ = std::move(cn.value());
  drop_ = std::move(d.value());
  return core::Ok{};
}

core::Status BallotBox::load_receipts() {
  auto receipts = texts(db_, "SELECT receipt FROM ballots");
  if (!receipts) return receipts.error();
  held_ = {receipts.value().begin(), receipts.value().end()};
  return core::Ok{};
}

core::Status BallotBox::put(std::span<const core::SecretBallot* const> ballots, core::Seq upto) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  std::vector<const std::string*> fresh;  // receipts this batch brings to the box
  auto write = [&]() -> core::Status {
    // The batch before this one reached the main file: its marks go.
    if (auto ok = clear_pending_.run(); !ok) return ok;
    if (auto ok = clear_new_.run(); !ok) return ok;
    std::string receipts;
    for (const core::SecretBallot* b : ballots) {
      if (held_.insert(b->receipt).second) {
        fresh.push_back(&b->receipt);
        receipts += b->receipt;
        receipts += '\n';
      } else if (auto ok = remember_.bind(1, b->receipt).bind(2, static_cast<std::int64_t>(upto)).run(); !ok) {
        return ok;
      }
      if (auto ok = upsert_.bind(1, b->receipt).bind(2, meeting_).bind(3, static_cast<std::int64_t>(b->vote_id))
                        .bind(4, join_choices(b->choices)).bind(5, b->weight).bind(6, b->reason).run();
          !ok)
        return ok;
    }
    if (!receipts.empty())
      if (auto ok = mark_new_.bind(1, static_cast<std::int64_t>(upto)).bind(2, receipts).run(); !ok) return ok;
    return db_.exec("COMMIT");
  };
  auto ok = write();
  if (!ok) {
    (void)db_.exec("ROLLBACK");
    for (const std::string* receipt : fresh) held_.erase(*receipt);
  }
  return ok;
}

core::Status BallotBox::settle(core::Seq main_head) {
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) return ok;
  bool undone = false;
  auto undo = [&]() -> core::Status {
    auto ahead = db_.prepare(
        "SELECT 1 FROM pending WHERE upto > ?1 UNION ALL SELECT 1 FROM pending_new WHERE upto > ?1 LIMIT 1");
    if (!ahead) return ahead.error();
    auto row = ahead.value().bind(1, static_cast<std::int64_t>(main_head)).step();
    if (!row) return row.error();
    undone = row.value();
    if (undone) {
      // Put back what each changed ballot of the batch replaced; drop the new
      // ones (`had = 0` rows: marked by a gaveld before pending_new).
      constexpr const char* kUndo[] = {
          "UPDATE ballots SET choices = p.choices, weight = p.weight, reason = p.reason "
          "FROM (SELECT receipt, choices, weight, reason FROM pending WHERE had = 1) AS p "
          "WHERE ballots.receipt = p.receipt",
          "DELETE FROM ballots WHERE receipt IN (SELECT receipt FROM pending WHERE had = 0)"};
      for (const char* sql : kUndo)
        if (auto ok = db_.exec(sql); !ok) return ok;
      auto lists = texts(db_, "SELECT receipts FROM pending_new");
      if (!lists) return lists.error();
      for (const std::string& list : lists.value())
        for (std::size_t at = 0, end; (end = list.find('\n', at)) != std::string::npos; at = end + 1)
          if (auto ok = drop_.bind(1, std::string_view(list).substr(at, end - at)).run(); !ok) return ok;
    }
    if (auto ok = clear_pending_.run(); !ok) return ok;
    if (auto ok = clear_new_.run(); !ok) return ok;
    return db_.exec("COMMIT");
  };
  auto ok = undo();
  if (!ok) {
    // Rolled back: the file, and so held_, are as they were.
    (void)db_.exec("ROLLBACK");
    return ok;
  }
  // A batch taken back: its new receipts are no longer in the box.
  return undone ? load_receipts() : ok;
}

core::Result<std::vector<core::SecretBallot>> BallotBox::ballots(core::Id vote) {
  auto q = db_.prepare("SELECT receipt, choices, weight, reason FROM ballots ORDER BY receipt");
  return all_rows<core::SecretBallot>(q, [vote](Statement& r) {
    return core::SecretBallot{vote, r.text(0), split_choices(r.text(1)), r.real(2), r.text(3)};
  });
}

}  // namespace gavel::store
