#include "store/meeting_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "temp_db.hpp"

namespace gavel::store {
namespace {

using test::TempDb;

MeetingStore open_store(const TempDb& db) {
  auto store = MeetingStore::open(db.file());
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message_en);
  return std::move(store.value());
}

Commit commit_of(core::Seq first, std::size_t n) {
  Commit c;
  for (std::size_t i = 0; i < n; ++i)
    c.events.push_back({first + i, 1000 + static_cast<core::Millis>(i), "checked_in", "chair", "body" + std::to_string(first + i)});
  return c;
}

TEST(MeetingStore, CreatesAMeetingWithItsTokensAndFindsItActive) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("议事会", "setup-bytes", {{"t1", "chair", ""}, {"t2", "participant", "P01"}}, 42);
  ASSERT_TRUE(id.ok());
  auto active = store.active_meeting();
  ASSERT_TRUE(active.ok() && active.value().has_value());
  EXPECT_EQ(active.value()->title, "议事会");
  EXPECT_EQ(active.value()->setup, "setup-bytes");
  auto tokens = store.tokens(id.value());
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens.value().size(), 2u);
}

TEST(MeetingStore, ArchivedMeetingIsNoLongerActiveButKept) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("first", "s", {}, 1).value();
  ASSERT_TRUE(store.archive(id).ok());
  EXPECT_FALSE(store.active_meeting().value().has_value());
  ASSERT_EQ(store.archived_meetings().value().size(), 1u);
}

TEST(MeetingStore, EventsComeBackInSequenceAfterReopening) {
  TempDb db;
  MeetingId id = 0;
  {
    auto store = open_store(db);
    id = store.create_meeting("m", "s", {}, 1).value();
    Commit a = commit_of(1, 3), b = commit_of(4, 2);
    const Commit* both[] = {&a, &b};
    ASSERT_TRUE(store.append(id, both).ok());
  }
  auto store = open_store(db);
  auto events = store.events_after(id, 2, 100);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events.value().size(), 3u);
  EXPECT_EQ(events.value()[0].seq, 3u);
  EXPECT_EQ(events.value()[2].body, "body5");
}

TEST(MeetingStore, AFailedBatchWritesNothing) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  Commit a = commit_of(1, 2), duplicate = commit_of(2, 1);
  const Commit* batch[] = {&a, &duplicate};
  EXPECT_FALSE(store.append(id, batch).ok());
  EXPECT_TRUE(store.events_after(id, 0, 10).value().empty());
}

TEST(MeetingStore, SecretBallotIsReplacedByItsReceipt) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  Commit first, second;
  first.ballots.push_back({1, "r-abc", {0}, 1.0, ""});
  second.ballots.push_back({1, "r-abc", {1}, 1.0, "changed"});
  const Commit* one[] = {&first};
  const Commit* two[] = {&second};
  ASSERT_TRUE(store.append(id, one).ok());
  ASSERT_TRUE(store.append(id, two).ok());
  auto ballots = store.ballots(id).value();
  ASSERT_EQ(ballots.size(), 1u);
  EXPECT_EQ(ballots[0].choices, std::vector<std::uint32_t>{1});
  EXPECT_EQ(ballots[0].reason, "changed");
}

TEST(MeetingStore, KeepsOneVetoBitPerVoteAndNoMarkOnAnyBallot) {
  TempDb db;
  auto store = open_store(db);
  auto id = store.create_meeting("m", "s", {}, 1).value();
  Commit first, second;
  first.ballots.push_back({1, "r-1", {1}, 1.0, ""});
  first.veto= core::VetoStanding{1, true};
  second.ballots.push_back({1, "r-2", {1}, 1.0, ""});
  second.veto= core::VetoStanding{1, false};
  const Commit* both[] = {&first, &second};
  ASSERT_TRUE(store.append(id, both).ok());
  auto standings = store.veto_standings(id).value();
  ASSERT_EQ(standings.size(), 1u);
  EXPECT_EQ(standings[0].vote_id, 1u);
  EXPECT_FALSE(standings[0].standing) << "the later commit's standing wins";
}

// A database written before the veto became one bit per vote: its ballots
// lose their per-ballot flag, and the bit is kept per vote.
TEST(MeetingStore, MigratesPerBallotVetoFlagsToOneBitPerVote) {
  TempDb db;
  {
    auto raw = Database::open(db.file());
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE(raw.value().exec(R"sql(
      CREATE TABLE meetings (id INTEGER PRIMARY KEY, title TEXT NOT NULL, setup BLOB NOT NULL,
                             created_ms INTEGER NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE events (meeting_id INTEGER NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL,
                           kind TEXT NOT NULL, actor TEXT NOT NULL, body BLOB NOT NULL,
                           PRIMARY KEY (meeting_id, seq)) WITHOUT ROWID;
      CREATE TABLE ballots (receipt TEXT PRIMARY KEY, meeting_id INTEGER NOT NULL, vote_id INTEGER NOT NULL,
                            choices TEXT NOT NULL, weight REAL NOT NULL, vetoes INTEGER NOT NULL,
                            reason TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE tokens (token TEXT PRIMARY KEY, meeting_id INTEGER NOT NULL, role TEXT NOT NULL,
                           participant_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE audit (meeting_id INTEGER NOT NULL, at_ms INTEGER NOT NULL, role TEXT NOT NULL,
                          actor TEXT NOT NULL, client TEXT NOT NULL, action TEXT NOT NULL,
                          outcome TEXT NOT NULL, seq INTEGER NOT NULL);
      INSERT INTO meetings VALUES (1, 'm', 's', 1, 0);
      INSERT INTO ballots VALUES ('r-a', 1, 3, '1', 1.0, 1, ''), ('r-b', 1, 3, '0', 1.0, 0, ''),
                                 ('r-c', 1, 4, '0', 1.0, 0, '');
      PRAGMA user_version = 1;
    )sql").ok());
  }
  auto store = open_store(db);
  auto ballots = store.ballots(1).value();
  EXPECT_EQ(ballots.size(), 3u);
  auto standings = store.veto_standings(1).value();
  ASSERT_EQ(standings.size(), 2u);
  EXPECT_EQ(standings[0].vote_id, 3u);
  EXPECT_TRUE(standings[0].standing);
  EXPECT_FALSE(standings[1].standing);
}

TEST(MeetingStore, DatabaseFileIsReadableByTheOwnerOnly) {
  TempDb db;
  auto store = open_store(db);
  struct stat info {};
  ASSERT_EQ(::stat(db.file().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(MeetingStore, RefusesADatabaseFromANewerSchema) {
  TempDb db;
  {
    auto raw = Database::open(db.file().string());
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE(raw.value().exec("PRAGMA user_version = 99").ok());
  }
  auto store = MeetingStore::open(db.file());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message_en.find("newer"), std::string::npos);
}

TEST(MeetingStore, MigratesAFreshFileToTheCurrentSchema) {
  TempDb db;
  { auto store = open_store(db); }
  auto raw = Database::open(db.file().string());
  auto version = raw.value().prepare("PRAGMA user_version");
  ASSERT_TRUE(version.value().step().value());
  EXPECT_EQ(version.value().int64(0), kSchemaVersion);
}

}  // namespace
}  // namespace gavel::store
