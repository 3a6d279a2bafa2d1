// Secret ballots through the real server: nothing stored, sent or logged
// links a person to a choice; every voter is counted once, changes replace,
// and the tally after a kill -9 is exactly the set of durable ballots.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "store/meeting_store.hpp"

namespace gavel::test {
namespace {

const std::vector<std::string> kOptions = {"赞成", "反对", "弃权"};

std::string voter(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "V%02d", i);
  return id;
}

GaveldProcess::Options assembly() {
  return {.tls = false, .meeting = std::string(GAVEL_FIXTURES) + "/assembly/meeting.toml", .web = {}};
}

// Starts the meeting, checks in V01..Vn, and opens a secret vote on a motion.
void open_secret_vote(const GaveldProcess& server, int voters, bool live_tally = false) {
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  for (int i = 1; i <= voters; ++i) ASSERT_TRUE(chair->call(cmd::check_in(voter(i))));
  ASSERT_TRUE(chair->call(cmd::open_item("lift")));
  auto motion = server.connect_participant("V01")->call(cmd::propose("3号楼加装电梯"));
  ASSERT_TRUE(motion);
  ASSERT_TRUE(server.connect_participant("V02")->call(cmd::second(motion.value().created_id())));
  auto open = cmd::open_vote(motion.value().created_id(), true);
  open.mutable_open_vote()->mutable_spec()->set_live_tally(live_tally);
  ASSERT_TRUE(chair->call(open));
}

class Database {
 public:
  explicit Database(const std::filesystem::path& file) {
    sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
  }
  ~Database() { sqlite3_close(db_); }
  // Every row as text columns; empty and `ok == false` on a SQL error.
  std::vector<std::vector<std::string>> rows(const std::string& sql, bool* ok = nullptr) const {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* stmt = nullptr;
    bool prepared = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK;
    if (ok) *ok = prepared;
    while (prepared && sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        row.emplace_back(blob ? blob : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Spearman's rank correlation between two orderings of the same items.
double rank_correlation(const std::vector<int>& ranks) {
  double n = static_cast<double>(ranks.size()), sum = 0;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    double d = static_cast<double>(ranks[i]) - static_cast<double>(i);
    sum += d * d;
  }
  return 1.0 - 6.0 * sum / (n * (n * n - 1.0));
}

TEST(SecretBallot, NothingStoredSentOrLoggedLinksAPersonToAChoice) {
  constexpr int kVoters = 50;
  GaveldProcess server(assembly());
  open_secret_vote(server, kVoters);
  auto display = server.connect_as("display");

  std::mt19937 random(20261128);
  std::map<std::string, int> order_of_receipt;  // the voting order, known only to this test
  std::map<std::string, std::uint32_t> choice_of_receipt;
  std::vector<unsigned> totals(3);
  for (int i = 1; i <= kVoters; ++i) {
    auto choice = static_cast<std::uint32_t>(random() % 3);
    auto phone = server.connect_participant(voter(i));
    auto ack = phone->call(cmd::cast(choice));
    ASSERT_TRUE(ack) << voter(i) << ": " << client::describe(ack.error());
    const std::string& receipt = ack.value().receipt();
    ASSERT_EQ(receipt.size(), 32u) << "a receipt is 128 random bits";
    ASSERT_FALSE(order_of_receipt.count(receipt)) << "receipts are unique";
    order_of_receipt[receipt] = i - 1;
    choice_of_receipt[receipt] = choice;
    ++totals[choice];
  }

  // While open, the room sees turnout only.
  auto watcher = server.connect_as("display");
  const auto& open_vote = watcher->welcome().snapshot().current_vote();
  EXPECT_EQ(open_vote.cast(), static_cast<unsigned>(kVoters));
  EXPECT_EQ(open_vote.counts_size(), 0) << "no counts while a secret vote is open";

  // While the vote is open its ballots are sealed with a key of its own; at
  // the close they move into the ballot box, where a row has no participant,
  // no time and no rowid, and no column sorts by voting order.
  const auto key_file = server.data() / "gavel.db-key-1-1";
  ASSERT_TRUE(std::filesystem::exists(key_file)) << "the open vote has no key of its own";
  EXPECT_EQ(std::filesystem::file_size(key_file), 32u);
  Database db(server.data() / "gavel.db");
  std::set<std::string> columns;
  auto check_ballot_table = [&](const Database& holder, const char* where) {
    SCOPED_TRACE(where);
    columns.clear();
    for (const auto& row : holder.rows("SELECT name FROM pragma_table_info('ballots')")) columns.insert(row[0]);
    EXPECT_EQ(columns, (std::set<std::string>{"receipt", "meeting_id", "vote_id", "choices", "weight", "reason"}))
        << "a ballot row has no participant and no time";
    bool has_rowid = true;
    holder.rows("SELECT rowid FROM ballots", &has_rowid);
    EXPECT_FALSE(has_rowid) << "the ballot box has no rowid, so no insertion order";
    auto ballots = holder.rows("SELECT receipt, choices FROM ballots");
    ASSERT_EQ(ballots.size(), static_cast<std::size_t>(kVoters));
    for (const std::string& column : columns) {
      std::vector<int> ranks;
      for (const auto& row : holder.rows("SELECT receipt FROM ballots ORDER BY " + column + ", receipt"))
        ranks.push_back(order_of_receipt.at(row[0]));
      EXPECT_LT(std::fabs(rank_correlation(ranks)), 0.6) << "sorting ballots by " << column << " follows the voting order";
    }
  };
  EXPECT_TRUE(db.rows("SELECT receipt FROM ballots").empty()) << "an open vote's ballots are in the ballot box";
  EXPECT_FALSE(db.rows("SELECT sealed FROM envelopes").empty()) << "the open vote's ballots are not in the database";
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream file(server.data() / (std::string("gavel.db") + suffix), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), {});
    for (const auto& [receipt, order] : order_of_receipt)
      ASSERT_EQ(bytes.find(receipt), std::string::npos) << "a receipt readable in gavel.db" << suffix << " while the vote is open";
  }

  // The log records who took part, never what they chose.
  for (const auto& row : db.rows("SELECT kind, body FROM events")) {
    for (const auto& [receipt, order] : order_of_receipt)
      ASSERT_EQ(row[1].find(receipt), std::string::npos) << "a receipt leaked into the event log";
    if (row[0] != "ballot_recorded") continue;
    v1::Event event;
    ASSERT_TRUE(event.ParseFromString(row[1]));
    EXPECT_EQ(event.ballot_recorded().choices_size(), 0) << "a secret ballot's choice is in the event log";
  }
  for (const auto& row : db.rows("SELECT * FROM audit"))
    for (const auto& cell : row) EXPECT_EQ(choice_of_receipt.count(cell), 0u);

  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  check_ballot_table(db, "the database after the close");
  EXPECT_FALSE(std::filesystem::exists(key_file)) << "the vote's key survived the close";
  EXPECT_TRUE(db.rows("SELECT sealed FROM envelopes").empty()) << "the sealed ballots outlived the close";
  auto after = server.connect_as("display");
  const auto& result = after->welcome().snapshot().votes(0).result();
  for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(result.counts(static_cast<int>(c)).count(), totals[c]) << kOptions[c];

  // Everyone can check their own ballot in the published list.
  std::map<std::string, std::string> published;
  for (const auto& line : result.receipts_published()) published[line.substr(0, line.find('='))] = line.substr(line.find('=') + 1);
  ASSERT_EQ(published.size(), static_cast<std::size_t>(kVoters));
  for (const auto& [receipt, choice] : choice_of_receipt) EXPECT_EQ(published.at(receipt), kOptions[choice]);

  // With the vote closed, not even the bytes of the file follow the voting
  // order. A receipt stands in the ballot box, in the published list of
  // the vote_closed event and in the closed vote's checkpoint record (both
  // sorted by receipt), nowhere else.
  {
    std::ifstream file(server.data() / "gavel.db", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), {});
    std::vector<std::pair<std::size_t, int>> first, last;
    for (const auto& [receipt, order] : order_of_receipt) {
      std::vector<std::size_t> at;
      for (auto i = bytes.find(receipt); i != std::string::npos; i = bytes.find(receipt, i + 1)) at.push_back(i);
      ASSERT_FALSE(at.empty()) << "receipt " << receipt << " not in the database file";
      // The ballot box, and two lists sorted by receipt: the vote_closed
      // event's published list and the closed vote's checkpoint record.
      EXPECT_LE(at.size(), 3u) << "an old copy of a ballot survived in the file";
      first.emplace_back(at.front(), order);
      last.emplace_back(at.back(), order);
    }
    for (auto* places : {&first, &last}) {
      std::sort(places->begin(), places->end());
      std::vector<int> ranks;
      for (const auto& [offset, order] : *places) ranks.push_back(order);
      EXPECT_LT(std::fabs(rank_correlation(ranks)), 0.6) << "the ballots' places in the file follow the voting order";
    }
  }

  // With the vote closed, the write-ahead log no longer holds pages in commit order.
  std::error_code ec;
  auto wal = std::filesystem::file_size(server.data() / "gavel.db-wal", ec);
  EXPECT_TRUE(ec || wal == 0) << "gavel.db-wal still holds " << wal << " bytes after the close";

  std::string log = server.log();
  for (const auto& [receipt, order] : order_of_receipt) EXPECT_EQ(log.find(receipt), std::string::npos);
  for (const auto& option : kOptions) EXPECT_EQ(log.find(option), std::string::npos) << "a choice appears in the server log";
}

TEST(SecretBallot, ChangingWithTheReceiptReplacesTheBallot) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  auto phone = server.connect_participant("V05");
  auto first = phone->call(cmd::cast(0));
  ASSERT_TRUE(first);
  auto again = phone->call(cmd::cast(1));
  ASSERT_FALSE(again) << "a second ballot without the receipt must be refused";
  EXPECT_EQ(again.error().server.code(), v1::ERROR_DUPLICATE);
  // Someone else's receipt changes nothing.
  auto other = server.connect_participant("V06");
  ASSERT_TRUE(other->call(cmd::cast(2)));
  auto stolen = other->call(cmd::cast(2, "", first.value().receipt()));
  ASSERT_FALSE(stolen) << "a receipt must change only its owner's ballot";
  EXPECT_EQ(stolen.error().server.code(), v1::ERROR_NOT_ALLOWED);

  auto changed = phone->call(cmd::cast(1, "change-1", first.value().receipt()));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed.value().receipt(), first.value().receipt());
  // A phone that lost the acknowledgement and sends the same press again gets the receipt back.
  auto repeated = phone->call(cmd::cast(1, "change-1", first.value().receipt()));
  ASSERT_TRUE(repeated);
  EXPECT_EQ(repeated.value().receipt(), first.value().receipt());
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  EXPECT_EQ(result.cast(), 2u);
  EXPECT_EQ(result.counts(0).count(), 0u);
  EXPECT_EQ(result.counts(1).count(), 1u);
  EXPECT_EQ(result.counts(2).count(), 1u);
}

TEST(SecretBallot, APressIdReusedForAnotherChoiceIsRefusedAndTheFirstChoiceStands) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  auto phone = server.connect_participant("V05");
  auto first = phone->call(cmd::cast(0, "press-1"));
  ASSERT_TRUE(first);
  auto reused = phone->call(cmd::cast(1, "press-1"));
  ASSERT_FALSE(reused) << "the voter must not believe the new choice counted";
  EXPECT_EQ(reused.error().server.code(), v1::ERROR_INVALID_ARGUMENT);
  EXPECT_NE(reused.error().server.message_zh().find("此按键编号已用于另一选择"), std::string::npos);
  auto repeat = phone->call(cmd::cast(0, "press-1"));
  ASSERT_TRUE(repeat) << "the same press sent again is still fine";
  EXPECT_EQ(repeat.value().receipt(), first.value().receipt());
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  EXPECT_EQ(result.cast(), 1u);
  EXPECT_EQ(result.counts(0).count(), 1u);
  EXPECT_EQ(result.counts(1).count(), 0u);
}

TEST(SecretBallot, AReceiptShownAfterTheCloseIsToldTheVoteHasClosed) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  auto phone = server.connect_participant("V05");
  auto first = phone->call(cmd::cast(0));
  ASSERT_TRUE(first);
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto late = phone->call(cmd::cast(1, "late-1", first.value().receipt()));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().server.code(), v1::ERROR_INVALID_STATE);
  EXPECT_NE(late.error().server.message_zh().find("表决已结束"), std::string::npos) << late.error().server.message_zh();
  EXPECT_EQ(late.error().server.message_zh().find("不是您的"), std::string::npos);
}

// A large vote's result reaches phones without its receipts (codec
// phone_copy); each phone asks for those beginning like its own.
TEST(SecretBallot, AVoterFindsItsReceiptAmongThoseBeginningLikeIt) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  auto phone = server.connect_participant("V05");
  auto cast = phone->call(cmd::cast(1));
  ASSERT_TRUE(cast);
  for (int i = 1; i <= 12; ++i) {
    if (i == 5) continue;
    ASSERT_TRUE(server.connect_participant(voter(i))->call(cmd::cast(0)));
  }
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  const std::string receipt = cast.value().receipt();
  const std::uint64_t vote = server.connect_as("display")->welcome().snapshot().votes(0).id();

  v1::ReceiptsRequest request;
  request.set_vote_id(vote);
  request.set_prefix(receipt.substr(0, 1));
  auto bucket = phone->receipts(request);
  ASSERT_TRUE(bucket) << client::describe(bucket.error());
  EXPECT_EQ(bucket.value().total(), 12u);
  bool mine = false;
  for (const std::string& line : bucket.value().lines()) {
    EXPECT_EQ(line.substr(0, 1), receipt.substr(0, 1)) << line;
    if (line.rfind(receipt + "=", 0) == 0) mine = true;
  }
  EXPECT_TRUE(mine) << "its own receipt is among those beginning like it";
  EXPECT_LT(bucket.value().lines_size(), 12) << "not the whole list (a sixteenth, by chance)";

  request.set_prefix("XY");
  auto refused = phone->receipts(request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().server.code(), v1::ERROR_BAD_MESSAGE);
  EXPECT_FALSE(refused.error().server.message_zh().empty());
  EXPECT_FALSE(refused.error().server.message_en().empty());
}

TEST(SecretBallot, AVetoIsDecidedAfterAKillNineWithoutMarkingAnyBallot) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 20);  // enough for the quorum; V04, V09, V14 are 一楼住户, the lift's veto group
  for (int i = 1; i <= 20; ++i) ASSERT_TRUE(server.connect_participant(voter(i))->call(cmd::cast(i == 9 ? 1u : 0u)));
  {
    Database db(server.data() / "gavel.db");
    // The open vote's ballots are sealed with its key (docs/voting.md).
    auto store = store::MeetingStore::open_read_only(server.data() / "gavel.db");
    ASSERT_TRUE(store.ok()) << store.error().message_en;
    auto ballots = store.value().ballots_of_vote(1, 1);
    ASSERT_TRUE(ballots.ok()) << ballots.error().message_en;
    EXPECT_EQ(ballots.value().size(), 20u);
    std::set<std::tuple<std::vector<std::uint32_t>, double, std::string>> distinct;
    for (const core::SecretBallot& b : ballots.value()) distinct.emplace(b.choices, b.weight, b.reason);
    EXPECT_EQ(distinct.size(), 2u) << "ballots differ by their choice alone: no mark of the voter's group";
    auto standing = db.rows("SELECT standing FROM veto_standing");
    ASSERT_EQ(standing.size(), 1u);
    EXPECT_EQ(standing[0][0], "1") << "one bit per vote";
  }
  server.kill_hard();
  server.start();
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  EXPECT_EQ(result.outcome(), v1::OUTCOME_VETOED);
  EXPECT_EQ(result.counts(1).count(), 1u);
}

TEST(SecretBallot, PhoneAndClickerPressedAtOnceCountOnce) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  for (int round = 3; round <= 12; ++round) {  // V03..V12 each hold clicker CK-03..CK-12
    auto phone = server.connect_participant(voter(round));
    auto base = server.connect_clicker("CK-" + voter(round).substr(1));
    v1::ClickerPress press;
    press.set_device_id("CK-" + voter(round).substr(1));
    press.set_boot_id(7);
    press.set_press_seq(1);
    press.set_key(1);
    std::thread clicker([&] { (void)base->press(press); });
    (void)phone->call(cmd::cast(1));
    clicker.join();
  }
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  EXPECT_EQ(result.cast(), 10u);
  EXPECT_EQ(result.counts(0).count() + result.counts(1).count(), 10u) << "one ballot per person";
}

TEST(SecretBallot, RepeatedPressIsAcknowledgedAndCountedOnce) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12);
  auto base = server.connect_clicker("CK-04");
  v1::ClickerPress press;
  press.set_device_id("CK-04");
  press.set_boot_id(1);
  press.set_press_seq(9);
  press.set_key(2);
  for (int i = 0; i < 3; ++i) {
    auto ack = base->press(press);
    ASSERT_TRUE(ack);
    EXPECT_EQ(ack.value().state(), v1::PRESS_ACCEPTED);
  }
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  EXPECT_EQ(result.cast(), 1u);
  EXPECT_EQ(result.counts(1).count(), 1u);
}

TEST(SecretBallot, LiveTallyArrivesInABatchOfFiveAfterThreeSeconds) {
  GaveldProcess server(assembly());
  open_secret_vote(server, 12, true);
  auto chair = server.connect_as("chair");
  auto display = server.connect_as("display");
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(server.connect_participant(voter(i))->call(cmd::cast(i == 5 ? 1u : 0u)));
  std::optional<v1::LiveTally> tally;
  ASSERT_TRUE(wait_until([&] {
    while (auto message = chair->next(std::chrono::milliseconds(50)))
      if (message->has_events())
        for (const auto& e : message->events().events())
          if (e.has_live_tally()) tally = e.live_tally();
    return tally.has_value();
  }, std::chrono::seconds(10)));
  EXPECT_EQ(tally->cast(), 5u);
  EXPECT_EQ(tally->counts(0).count(), 4u);
  EXPECT_EQ(tally->counts(1).count(), 1u);
  // The projector draws the same counts from its snapshot, and none before.
  std::optional<v1::MeetingSnapshot> drawn;
  ASSERT_TRUE(wait_until([&] {
    while (auto message = display->next(std::chrono::milliseconds(50))) {
      EXPECT_FALSE(message->has_events()) << "the display is sent its snapshot alone";
      if (message->has_snapshot() && message->snapshot().current_vote().counts_size() > 0 && !drawn)
        drawn = message->snapshot();
    }
    return drawn.has_value();
  }, std::chrono::seconds(10)));
  EXPECT_EQ(drawn->current_vote().counts(0).count(), 4u) << "the first counts on the projector are the batch of five";
  EXPECT_EQ(drawn->current_vote().counts(1).count(), 1u);
}

TEST(SecretBallot, TallyAfterKillNineIsExactlyTheDurableLastChangedBallots) {
  constexpr int kVoters = 30;
  GaveldProcess server(assembly());
  open_secret_vote(server, kVoters);

  struct Voter {
    std::string receipt;
    std::uint32_t last_acked = 99, in_flight = 99;
  };
  std::vector<Voter> voters(kVoters);
  std::mutex mutex;
  std::atomic<int> acks{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kVoters; ++i)
    threads.emplace_back([&, i] {
      auto phone = server.connect_participant(voter(i + 1));
      for (std::uint32_t n = 0;; ++n) {
        std::uint32_t choice = (n + static_cast<std::uint32_t>(i)) % 3;
        std::string receipt;
        {
          std::lock_guard lock(mutex);
          voters[static_cast<std::size_t>(i)].in_flight = choice;
          receipt = voters[static_cast<std::size_t>(i)].receipt;
        }
        auto ack = phone->call(cmd::cast(choice, "p" + std::to_string(n), receipt));
        if (!ack) return;  // the server is gone
        // The same press again: acknowledged, not counted again.
        if (n % 4 == 1 && !phone->call(cmd::cast(choice, "p" + std::to_string(n), receipt))) return;
        std::lock_guard lock(mutex);
        voters[static_cast<std::size_t>(i)].receipt = ack.value().receipt();
        voters[static_cast<std::size_t>(i)].last_acked = choice;
        ++acks;
      }
    });
  // Asserted once the voters have stopped: they stop when the server is gone.
  bool enough = wait_until([&] { return acks.load() >= 300; }, std::chrono::seconds(60));
  server.kill_hard();
  for (auto& t : threads) t.join();
  ASSERT_TRUE(enough) << "only " << acks.load() << " ballots acknowledged in 60 s";

  server.start();
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::close_vote()));
  auto display = server.connect_as("display");
  const auto& result = display->welcome().snapshot().votes(0).result();
  std::map<std::string, std::string> published;
  for (const auto& line : result.receipts_published()) published[line.substr(0, line.find('='))] = line.substr(line.find('=') + 1);
  std::size_t counted = 0;
  for (const auto& c : result.counts()) counted += c.count();
  EXPECT_EQ(counted, result.cast()) << "every ballot counts once";
  EXPECT_EQ(published.size(), result.cast());
  int acknowledged_voters = 0;
  for (const Voter& v : voters) {
    if (v.receipt.empty()) continue;
    ++acknowledged_voters;
    ASSERT_TRUE(published.count(v.receipt)) << "an acknowledged ballot was lost";
    const std::string& choice = published.at(v.receipt);
    EXPECT_TRUE(choice == kOptions[v.last_acked] || choice == kOptions[v.in_flight])
        << "the ballot is neither the last acknowledged change nor the one in flight";
  }
  EXPECT_GE(result.cast(), static_cast<unsigned>(acknowledged_voters));
  EXPECT_LE(result.cast(), static_cast<unsigned>(kVoters));
}

}  // namespace
}  // namespace gavel::test
