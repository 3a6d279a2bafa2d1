// An open secret vote's ballots sealed in envelopes in the log's own
// transactions, with a key in a file of its own: moved into the ballot box in
// receipt order at the close, the key wiped; and after a crash at any moment
// (mid-vote, mid-close) no acknowledged ballot is lost, no ballot stands
// without its ballot_recorded event, and no key of a closed vote is left on
// disk.
#include "store/vote_key.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "store/log_writer.hpp"
#include "store/meeting_store.hpp"
#include "temp_db.hpp"

namespace gavel::store {
namespace {

using test::TempDb;

MeetingStore open_store(const TempDb& db) {
  auto store = MeetingStore::open(db.file());
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message_en);
  return std::move(store.value());
}

// What the hall commits for one secret ballot: who took part (the event) and
// the ballot (sealed in an envelope). The store never reads event bodies.
Commit ballot_commit(core::Seq seq, core::Id vote, const std::string& voter, const std::string& receipt,
                     std::uint32_t choice) {
  Commit c;
  c.events.push_back({seq, 1000 + static_cast<core::Millis>(seq), "ballot_recorded", voter, "vote " + std::to_string(vote)});
  c.ballots.push_back({vote, receipt, {choice}, 1.0, ""});
  return c;
}

Commit close_commit(core::Seq seq, core::Id vote) {
  Commit c;
  c.events.push_back({seq, 1000 + static_cast<core::Millis>(seq), "vote_closed", "chair", "vote " + std::to_string(vote)});
  c.closed_vote = vote;
  return c;
}

core::Status append_one(MeetingStore& store, MeetingId id, const Commit& commit) {
  const Commit* one[] = {&commit};
  return store.append(id, one);
}

std::string receipt_of(std::mt19937_64& random) {
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return text;
}

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::map<std::string, std::uint32_t> choices_of(const std::vector<core::SecretBallot>& ballots) {
  std::map<std::string, std::uint32_t> out;
  for (const core::SecretBallot& b : ballots) out[b.receipt] = b.choices.at(0);
  return out;
}

// Found by fuzz.client_message: a hall on an in-memory store (the fuzz and
// hall tests) wrote ":memory:-ballots-1-1" into the working folder and then
// failed to wipe it at the close, which stopped the process. Keys likewise.
TEST(BallotBox, AnInMemoryStoreKeepsItsKeysInMemoryAndClosesAVote) {
  const auto stray = std::filesystem::current_path() / ":memory:-key-1-1";
  std::filesystem::remove(stray);
  auto opened = MeetingStore::open(":memory:");
  ASSERT_TRUE(opened.ok()) << opened.error().message_en;
  MeetingStore& store = opened.value();
  auto id = store.create_meeting("m", "s", {}, 1).value();
  ASSERT_TRUE(append_one(store, id, ballot_commit(1, 1, "P1", "r1", 0)).ok());
  ASSERT_TRUE(append_one(store, id, ballot_commit(2, 1, "P2", "r2", 1)).ok());
  EXPECT_EQ(store.ballots_of_vote(id, 1).value().size(), 2u);
  auto closed = append_one(store, id, close_commit(3, 1));
  ASSERT_TRUE(closed.ok()) << closed.error().message_en;
  EXPECT_EQ(choices_of(store.ballots_of_vote(id, 1).value()), (std::map<std::string, std::uint32_t>{{"r1", 0}, {"r2", 1}}));
  EXPECT_FALSE(std::filesystem::exists(stray)) << "a key written beside an in-memory database";
}

TEST(BallotBox, AnOpenVotesBallotsAreSealedUntilTheCloseAndTheirKeyIsWipedThen) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  std::mt19937_64 random(7);
  std::vector<std::string> receipts;
  for (core::Seq seq = 1; seq <= 40; ++seq) {
    receipts.push_back(receipt_of(random));
    ASSERT_TRUE(append_one(store, id, ballot_commit(seq, 1, "P" + std::to_string(seq), receipts.back(), static_cast<std::uint32_t>(seq % 3))).ok());
  }
  const auto key = VoteKey::file_for(db.file(), id, 1);
  ASSERT_TRUE(std::filesystem::exists(key));
  EXPECT_EQ(std::filesystem::file_size(key), VoteKey::kSize);
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write)
      << "the key is readable by the operator only";
  // Before and after the WAL is moved into the file: no receipt readable.
  for (const char* suffix : {"-wal", ""}) {
    const std::string bytes = bytes_of(db.file().string() + suffix);
    for (const std::string& r : receipts) EXPECT_EQ(bytes.find(r), std::string::npos) << "a ballot readable in gavel.db" << suffix << " before the close";
    ASSERT_TRUE(store.checkpoint().ok());
  }
  EXPECT_EQ(store.ballots_of_vote(id, 1).value().size(), 40u);

  ASSERT_TRUE(append_one(store, id, close_commit(41, 1)).ok());
  EXPECT_FALSE(std::filesystem::exists(key)) << "the vote's key survived the close";
  auto sealed = store.ballots_of_vote(id, 1).value();
  ASSERT_EQ(sealed.size(), 40u);
  const std::string after = bytes_of(db.file());
  // Each ballot once in the main file, and in receipt order there (one
  // page: SQLite fills a page from its end, so the order runs backwards).
  std::vector<std::pair<std::size_t, std::string>> places;
  for (const std::string& r : receipts) {
    auto at = after.find(r);
    ASSERT_NE(at, std::string::npos) << r << " is not in the main file after the close";
    EXPECT_EQ(after.find(r, at + 1), std::string::npos) << r << " is in the main file twice";
    places.emplace_back(at, r);
  }
  std::sort(places.begin(), places.end());
  std::vector<std::string> in_file;
  for (const auto& [at, r] : places) in_file.push_back(r);
  std::vector<std::string> by_receipt = receipts;
  std::sort(by_receipt.rbegin(), by_receipt.rend());
  EXPECT_EQ(in_file, by_receipt) << "the sealed ballots are not in receipt order in the file";
  EXPECT_EQ(std::filesystem::file_size(db.file().string() + "-wal"), 0u) << "the WAL was not emptied at the close";
  auto left = MeetingStore::open_read_only(db.file());
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left.value().ballots(id).value().size(), 40u) << "the envelopes outlived the close, or the ballots were lost";
}

// Keyed by the receipt alone, a vote's ballots were spread over the pages of
// every earlier vote, and sealing 10,000 of them among a million rewrote
// nearly every page (150 ms during which no ack went out).
TEST(BallotBox, ASealedVotesBallotsLieTogetherNotAmongAnEarlierVotes) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  std::mt19937_64 random(11);
  std::map<core::Id, std::vector<std::string>> receipts;
  core::Seq seq = 0;
  for (core::Id vote : {core::Id{1}, core::Id{2}}) {
    for (int i = 0; i < 300; ++i) {
      receipts[vote].push_back(receipt_of(random));
      ASSERT_TRUE(append_one(store, id, ballot_commit(++seq, vote, "P" + std::to_string(i), receipts[vote].back(), 0)).ok());
    }
    ASSERT_TRUE(append_one(store, id, close_commit(++seq, vote)).ok());
  }
  // Only the page where one vote ends and the next begins holds both, and
  // the tree's inner page that divides them.
  const std::string file = bytes_of(db.file());
  std::map<std::size_t, std::set<core::Id>> votes_on_page;
  for (const auto& [vote, list] : receipts)
    for (const std::string& r : list) {
      auto at = file.find(r);
      ASSERT_NE(at, std::string::npos) << r << " is not in the file";
      votes_on_page[at / 4096].insert(vote);
    }
  int shared = 0;
  for (const auto& [page, votes] : votes_on_page) shared += votes.size() > 1;
  EXPECT_LE(shared, 2) << "of " << votes_on_page.size() << " pages, " << shared << " hold ballots of both votes";
  EXPECT_EQ(store.ballots_of_vote(id, 2).value().size(), 300u);
}

// The envelope is in the log's transaction: a commit that fails leaves no ballot.
TEST(BallotBox, ALogCommitThatFailsLeavesNoBallotOfItsBatch) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  ASSERT_TRUE(append_one(store, id, ballot_commit(1, 1, "P1", "r-kept", 0)).ok());
  Commit gap = ballot_commit(5, 1, "P2", "r-lost", 1);  // seq 5 does not follow 1
  Commit change = ballot_commit(6, 1, "P1", "r-kept", 2);
  const Commit* both[] = {&gap, &change};
  EXPECT_FALSE(store.append(id, both).ok());
  auto ballots = choices_of(store.ballots_of_vote(id, 1).value());
  EXPECT_EQ(ballots, (std::map<std::string, std::uint32_t>{{"r-kept", 0}})) << "the failed batch left a ballot";
  ASSERT_TRUE(append_one(store, id, ballot_commit(2, 1, "P2", "r-next", 1)).ok()) << "the store takes the next batch";
}

// A change replaces its receipt's choice, in a later batch or in the same
// one, and so it stays after a restart; the weight is the first ballot's.
TEST(BallotBox, AChangedBallotReplacesItsReceiptsChoiceAcrossBatchesAndRestarts) {
  TempDb db;
  MeetingId id = 0;
  {
    auto store = open_store(db);
    id = store.create_meeting("m", "s", {}, 1).value();
    ASSERT_TRUE(append_one(store, id, ballot_commit(1, 2, "P1", "r-one", 0)).ok());
    ASSERT_TRUE(append_one(store, id, ballot_commit(2, 2, "P2", "r-two", 1)).ok());
    Commit changed = ballot_commit(3, 2, "P1", "r-one", 2);
    Commit again = ballot_commit(4, 2, "P1", "r-one", 1);
    again.ballots.back().weight = 5.0;
    Commit three = ballot_commit(5, 2, "P3", "r-three", 0);
    const Commit* batch[] = {&changed, &again, &three};
    ASSERT_TRUE(store.append(id, batch).ok());
    EXPECT_EQ(choices_of(store.ballots_of_vote(id, 2).value()),
              (std::map<std::string, std::uint32_t>{{"r-one", 1}, {"r-two", 1}, {"r-three", 0}}));
  }
  auto store = open_store(db);
  ASSERT_TRUE(store.recover_ballot_boxes(id).ok());
  auto ballots = store.ballots_of_vote(id, 2).value();
  EXPECT_EQ(choices_of(ballots), (std::map<std::string, std::uint32_t>{{"r-one", 1}, {"r-two", 1}, {"r-three", 0}}));
  for (const core::SecretBallot& b : ballots) EXPECT_EQ(b.weight, 1.0) << b.receipt;
  ASSERT_TRUE(append_one(store, id, close_commit(6, 2)).ok());
  EXPECT_EQ(choices_of(store.ballots_of_vote(id, 2).value()),
            (std::map<std::string, std::uint32_t>{{"r-one", 1}, {"r-two", 1}, {"r-three", 0}}));
}

// Without its key an open vote's ballots cannot be read: said, not guessed.
TEST(BallotBox, AnOpenVoteWhoseKeyIsGoneIsRefusedWithATypedError) {
  TempDb db;
  MeetingId id = 0;
  {
    auto store = open_store(db);
    id = store.create_meeting("m", "s", {}, 1).value();
    ASSERT_TRUE(append_one(store, id, ballot_commit(1, 1, "P1", "r-one", 0)).ok());
  }
  std::filesystem::remove(VoteKey::file_for(db.file(), id, 1));
  auto store = open_store(db);
  auto ballots = store.ballots_of_vote(id, 1);
  ASSERT_FALSE(ballots.ok());
  EXPECT_EQ(ballots.error().code, core::ErrorCode::not_found);
  EXPECT_NE(ballots.error().message_zh.find("密钥"), std::string::npos) << ballots.error().message_zh;
  EXPECT_FALSE(store.ballots(id).ok());
}

// A gaveld before the envelopes kept an open vote's ballots in a SQLite file
// of its own: a closed vote's is wiped at the start, an open one's refused.
TEST(BallotBox, AnOlderGaveldsBoxIsWipedIfItsVoteClosedAndRefusedIfItIsOpen) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  ASSERT_TRUE(append_one(store, id, ballot_commit(1, 1, "P1", "r-one", 0)).ok());
  ASSERT_TRUE(append_one(store, id, close_commit(2, 1)).ok());
  const auto closed_box = VoteKey::older_box_for(db.file(), id, 1);
  for (const char* suffix : {"", "-wal", "-shm"}) std::ofstream(closed_box.string() + suffix) << "SQLite format 3";
  ASSERT_TRUE(store.recover_ballot_boxes(id).ok());
  for (const char* suffix : {"", "-wal", "-shm"})
    EXPECT_FALSE(std::filesystem::exists(closed_box.string() + suffix)) << "the closed vote's old box" << suffix;

  std::ofstream(VoteKey::older_box_for(db.file(), id, 2)) << "SQLite format 3";
  auto refused = store.recover_ballot_boxes(id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_state);
  EXPECT_NE(refused.error().message_zh.find("旧版"), std::string::npos) << refused.error().message_zh;
  EXPECT_NE(refused.error().message_en.find("older gaveld"), std::string::npos) << refused.error().message_en;
  EXPECT_TRUE(std::filesystem::exists(VoteKey::older_box_for(db.file(), id, 2))) << "the open vote's old box was touched";
}

// A kill -9 after the close committed and before the key was wiped.
TEST(BallotBox, AKeyLeftBehindByACrashMidCloseIsWipedAtRestart) {
  TempDb db;
  MeetingId id = 0;
  const auto key = VoteKey::file_for(db.file(), 1, 1);
  std::string left_behind;
  {
    auto store = open_store(db);
    id = store.create_meeting("m", "s", {}, 1).value();
    for (core::Seq seq = 1; seq <= 5; ++seq)
      ASSERT_TRUE(append_one(store, id, ballot_commit(seq, 1, "P" + std::to_string(seq), "r-" + std::to_string(seq), 1)).ok());
    left_behind = bytes_of(key);
    ASSERT_TRUE(append_one(store, id, close_commit(6, 1)).ok());
  }
  std::ofstream(key, std::ios::binary) << left_behind;
  ASSERT_TRUE(std::filesystem::exists(key));
  auto store = open_store(db);
  ASSERT_TRUE(store.recover_ballot_boxes(id).ok());
  EXPECT_FALSE(std::filesystem::exists(key)) << "the key of a closed vote survived the restart";
  EXPECT_EQ(store.ballots_of_vote(id, 1).value().size(), 5u) << "each ballot once, from the ballot box";
}

// The real thing: a writer killed with SIGKILL at a random moment, again and
// again, while votes open, fill and close as fast as the disk allows.
class Child {
 public:
  // Runs `body` in a child process that reports on a pipe.
  template <class Body> explicit Child(Body body) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(fds[0]);
      body(fds[1]);
      ::_exit(0);
    }
    ::close(fds[1]);
    in_ = ::fdopen(fds[0], "r");
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (in_) std::fclose(in_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  // One line from the child, or false when it is gone.
  bool line(std::string& out) {
    char buffer[256];
    if (!std::fgets(buffer, sizeof buffer, in_)) return false;
    out = buffer;
    return true;
  }
  void kill_hard() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

 private:
  pid_t pid_ = 0;
  FILE* in_ = nullptr;
};

constexpr int kBallotsPerVote = 150;

// Secret votes of kBallotsPerVote ballots each, closed one after another;
// every acknowledged ballot is reported as "vote receipt choice".
void vote_until_killed(const std::filesystem::path& file, std::uint64_t seed, int report) {
  auto store = MeetingStore::open(file);
  if (!store) ::_exit(2);
  auto id = store.value().create_meeting("m", "s", {}, 1);
  if (!id) ::_exit(2);
  LogWriter writer(std::move(store.value()), id.value());
  std::mt19937_64 random(seed);
  std::mutex mutex;
  core::Seq seq = 0;
  for (core::Id vote = 1;; ++vote) {
    for (int i = 0; i < kBallotsPerVote; ++i) {
      const std::string receipt = receipt_of(random);
      const auto choice = static_cast<std::uint32_t>(random() % 3);
      writer.submit(ballot_commit(++seq, vote, "P" + std::to_string(i), receipt, choice),
                    [report, vote, receipt, choice](const core::Status& ok) {
                      if (!ok) ::_exit(3);
                      std::string line = std::to_string(vote) + " " + receipt + " " + std::to_string(choice) + "\n";
                      if (::write(report, line.data(), line.size()) < 0) ::_exit(4);
                    });
      // Every few ballots, wait for the writer: batches of all sizes.
      if (random() % 16 == 0) {
        std::condition_variable done;
        bool written = false;
        writer.submit(Commit{}, [&](const core::Status&) {
          std::lock_guard lock(mutex);
          written = true;
          done.notify_one();
        });
        std::unique_lock lock(mutex);
        done.wait(lock, [&] { return written; });
      }
    }
    writer.submit(close_commit(++seq, vote), [](const core::Status& ok) {
      if (!ok) ::_exit(3);
    });
  }
}

TEST(BallotBox, KillNineAtAnyMomentLosesNoAcknowledgedBallotAndLeavesNoKeyOfAClosedVote) {
  std::mt19937_64 random(20261201);
  for (int round = 0; round < 6; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    TempDb db;
    std::map<std::string, std::pair<core::Id, std::uint32_t>> acknowledged;
    {
      const std::uint64_t seed = random();
      Child child([&](int report) { vote_until_killed(db.file(), seed, report); });
      // Killed after a random number of acknowledgements: mid-vote or mid-close.
      const auto wanted = static_cast<std::size_t>(50 + random() % (4 * kBallotsPerVote));
      std::string line;
      while (acknowledged.size() < wanted && child.line(line)) {
        char receipt[40];
        unsigned long long vote = 0;
        unsigned choice = 0;
        ASSERT_EQ(std::sscanf(line.c_str(), "%llu %39s %u", &vote, receipt, &choice), 3) << line;
        acknowledged[receipt] = {vote, choice};
      }
      ASSERT_EQ(acknowledged.size(), wanted) << "the writer stopped by itself";
      child.kill_hard();
    }

    auto store = open_store(db);
    auto id = store.active_meeting().value().value().id;
    ASSERT_TRUE(store.recover_ballot_boxes(id).ok());
    // Who took part in each vote, and which votes closed, by the log.
    std::map<core::Id, std::size_t> took_part;
    std::set<core::Id> closed;
    ASSERT_TRUE(store.for_each_event(id, 0, [&](StoredEvent&& e) -> core::Status {
      core::Id vote = std::stoull(e.body.substr(5));
      if (e.kind == "vote_closed") closed.insert(vote);
      else ++took_part[vote];
      return core::Ok{};
    }).ok());
    std::map<std::string, std::pair<core::Id, std::uint32_t>> stored;
    for (const auto& [vote, count] : took_part) {
      auto ballots = store.ballots_of_vote(id, vote).value();
      EXPECT_EQ(ballots.size(), count) << "vote " << vote << ": ballots without their ballot_recorded event, or missing";
      for (const core::SecretBallot& b : ballots) stored[b.receipt] = {vote, b.choices.at(0)};
      if (closed.count(vote)) {
        EXPECT_FALSE(std::filesystem::exists(VoteKey::file_for(db.file(), id, vote)))
            << "the key of closed vote " << vote << " is still on disk";
      }
    }
    for (const auto& [receipt, ballot] : acknowledged) {
      auto it = stored.find(receipt);
      ASSERT_NE(it, stored.end()) << "acknowledged ballot " << receipt << " of vote " << ballot.first << " was lost";
      EXPECT_EQ(it->second, ballot);
    }
  }
}

}  // namespace
}  // namespace gavel::store
