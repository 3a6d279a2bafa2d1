// The hash chain as the store writes it: from the setup's root, over the
// bytes exactly as stored, across reopening and failed batches, for files
// written before the chain, and with checkpoints sealed in the same
// transaction.
#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "store/chain.hpp"
#include "store/log_writer.hpp"
#include "store/meeting_store.hpp"
#include "store/schema.hpp"
#include "temp_db.hpp"

namespace gavel::store {
namespace {

using test::TempDb;

Commit commit_of(core::Seq first, std::size_t n) {
  Commit c;
  for (std::size_t i = 0; i < n; ++i)
    c.events.push_back({first + i, 1000, "checked_in", "chair", "body-" + std::to_string(first + i)});
  return c;
}

std::vector<StoredEvent> all_events(MeetingStore& store, MeetingId id) {
  return store.events_after(id, 0, 1000).value();
}

// Recomputes the chain from the stored bodies alone and compares.
void expect_chain(const std::vector<StoredEvent>& events, const std::string& setup) {
  ChainHash previous = chain_root(setup);
  for (const StoredEvent& e : events) {
    EXPECT_EQ(e.prev_hash, to_bytes(previous)) << "event " << e.seq << " does not carry the previous hash";
    previous = chain_link(previous, e.body);
    EXPECT_EQ(e.hash, to_bytes(previous)) << "event " << e.seq << "'s own hash is not of its stored bytes";
  }
}

TEST(Chain, EveryEventCarriesThePreviousHashAndItsOwnFromTheSetupOn) {
  TempDb db;
  auto store = MeetingStore::open(db.file()).value();
  auto id = store.create_meeting("m", "setup-bytes", {}, 1).value();
  Commit a = commit_of(1, 3), b = commit_of(4, 2);
  const Commit* both[] = {&a, &b};
  ASSERT_TRUE(store.append(id, both).ok());
  auto events = all_events(store, id);
  ASSERT_EQ(events.size(), 5u);
  expect_chain(events, "setup-bytes");
  EXPECT_EQ(store.chain_head(id).value().seq, 5u);
  EXPECT_EQ(to_bytes(store.chain_head(id).value().hash), events.back().hash);
}

TEST(Chain, DifferentSetupsGiveDifferentChains) {
  EXPECT_NE(chain_root("a"), chain_root("b"));
  EXPECT_NE(chain_link(chain_root("a"), "x"), chain_link(chain_root("b"), "x"));
  // The prefixes keep a root and a link apart even over the same bytes.
  EXPECT_NE(chain_root(""), chain_link(ChainHash{}, ""));
}

TEST(Chain, ContinuesAcrossReopeningAndMeetings) {
  TempDb db;
  MeetingId first = 0, second = 0;
  {
    auto store = MeetingStore::open(db.file()).value();
    first = store.create_meeting("one", "s1", {}, 1).value();
    second = store.create_meeting("two", "s2", {}, 2).value();
    Commit a = commit_of(1, 2);
    const Commit* one[] = {&a};
    ASSERT_TRUE(store.append(first, one).ok());
    ASSERT_TRUE(store.append(second, one).ok());
  }
  auto store = MeetingStore::open(db.file()).value();
  Commit b = commit_of(3, 2);
  const Commit* more[] = {&b};
  ASSERT_TRUE(store.append(first, more).ok());
  expect_chain(all_events(store, first), "s1");
  expect_chain(all_events(store, second), "s2");
}

TEST(Chain, AFailedBatchLeavesTheHeadWhereItWas) {
  TempDb db;
  auto store = MeetingStore::open(db.file()).value();
  auto id = store.create_meeting("m", "s", {}, 1).value();
  Commit a = commit_of(1, 2), gap = commit_of(5, 1);
  const Commit* bad[] = {&a, &gap};
  EXPECT_FALSE(store.append(id, bad).ok()) << "a gap in the numbering must be refused";
  EXPECT_EQ(store.chain_head(id).value().seq, 0u);
  const Commit* good[] = {&a};
  ASSERT_TRUE(store.append(id, good).ok());
  expect_chain(all_events(store, id), "s");
}

TEST(Chain, MigrationChainsEventsWrittenBeforeTheChain) {
  TempDb db;
  {
    // A file as Gavel's schema 1 left it.
    auto raw = Database::open(db.file().string()).value();
    ASSERT_TRUE(raw.exec(R"sql(
      CREATE TABLE meetings (id INTEGER PRIMARY KEY, title TEXT NOT NULL, setup BLOB NOT NULL,
                             created_ms INTEGER NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE events (meeting_id INTEGER NOT NULL REFERENCES meetings(id), seq INTEGER NOT NULL,
                           at_ms INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, body BLOB NOT NULL,
                           PRIMARY KEY (meeting_id, seq)) WITHOUT ROWID;
      CREATE TABLE ballots (receipt TEXT PRIMARY KEY, meeting_id INTEGER NOT NULL, vote_id INTEGER NOT NULL,
                            choices TEXT NOT NULL, weight REAL NOT NULL, vetoes INTEGER NOT NULL,
                            reason TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE tokens (token TEXT PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
                           role TEXT NOT NULL, participant_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE audit (meeting_id INTEGER NOT NULL, at_ms INTEGER NOT NULL, role TEXT NOT NULL,
                          actor TEXT NOT NULL, client TEXT NOT NULL, action TEXT NOT NULL,
                          outcome TEXT NOT NULL, seq INTEGER NOT NULL);
      INSERT INTO meetings(id, title, setup, created_ms) VALUES (1, 'old', 'old-setup', 1);
      INSERT INTO events VALUES (1, 1, 10, 'meeting_started', 'chair', 'e1');
      INSERT INTO events VALUES (1, 2, 11, 'checked_in', 'chair', 'e2');
      PRAGMA user_version = 1;
    )sql").ok());
  }
  auto store = MeetingStore::open(db.file()).value();
  auto events = all_events(store, 1);
  ASSERT_EQ(events.size(), 2u);
  expect_chain(events, "old-setup");
  Commit next = commit_of(3, 1);
  const Commit* one[] = {&next};
  ASSERT_TRUE(store.append(1, one).ok());
  expect_chain(all_events(store, 1), "old-setup");
}

TEST(Chain, ASealIsStoredWithTheHeadItsCommitReached) {
  TempDb db;
  auto store = MeetingStore::open(db.file()).value();
  auto id = store.create_meeting("m", "s", {}, 1).value();
  Commit a = commit_of(1, 2), signing = commit_of(3, 1), later = commit_of(4, 1);
  ChainHead sealed_at;
  signing.seal = [&](const ChainHead& head) -> std::optional<StoredCheckpoint> {
    sealed_at = head;
    return StoredCheckpoint{head.seq, "note", "key"};
  };
  const Commit* batch[] = {&a, &signing, &later};
  ASSERT_TRUE(store.append(id, batch).ok());
  EXPECT_EQ(sealed_at.seq, 3u) << "the seal sees the head right after its own commit, not the batch's";
  EXPECT_EQ(to_bytes(sealed_at.hash), all_events(store, id)[2].hash);
  auto checkpoints = store.checkpoints(id).value();
  ASSERT_EQ(checkpoints.size(), 1u);
  EXPECT_EQ(checkpoints[0].size, 3u);
  EXPECT_EQ(checkpoints[0].note, "note");
}

TEST(Chain, TheWriterReportsItsHeadAndLastCheckpoint) {
  TempDb db;
  auto store = MeetingStore::open(db.file()).value();
  auto id = store.create_meeting("m", "s", {}, 1).value();
  LogWriter::Sealer sealer = [](const Commit& c, const ChainHead& head) -> std::optional<StoredCheckpoint> {
    if (c.events.empty() || c.events.back().kind != "minutes_signed") return std::nullopt;
    return StoredCheckpoint{head.seq, "signed at " + std::to_string(head.seq), "key"};
  };
  // Declared before the writer: it outlives them even when an assertion returns early.
  std::promise<void> done;
  bool signed_ok = false;
  LogWriter writer(std::move(store), id, sealer);
  Commit first = commit_of(1, 2), signing;
  signing.events.push_back({3, 1, "minutes_signed", "secretary", "signed"});
  writer.submit(std::move(first), [](const core::Status&) {});
  writer.submit(std::move(signing), [&](const core::Status& status) {
    signed_ok = status.ok();
    done.set_value();
  });
  ASSERT_EQ(done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "the signing commit was never acknowledged";
  EXPECT_TRUE(signed_ok);
  EXPECT_EQ(writer.head().seq, 3u);
  ASSERT_TRUE(writer.last_checkpoint().has_value());
  EXPECT_EQ(writer.last_checkpoint()->note, "signed at 3");
}

TEST(Chain, AReadOnlyOpenChangesNothingAndRefusesAnOldSchema) {
  TempDb db;
  {
    auto store = MeetingStore::open(db.file()).value();
    store.create_meeting("m", "s", {}, 1).value();
  }
  auto reader = MeetingStore::open_read_only(db.file());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader.value().meetings().value().size(), 1u);
  Commit a = commit_of(1, 1);
  const Commit* one[] = {&a};
  EXPECT_FALSE(reader.value().append(1, one).ok()) << "a reader must not write";
  {
    auto raw = Database::open(db.file().string()).value();
    ASSERT_TRUE(raw.exec("PRAGMA user_version = 1").ok());
  }
  auto old = MeetingStore::open_read_only(db.file());
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.error().message_en.find("schema 1"), std::string::npos) << old.error().message_en;
  EXPECT_FALSE(MeetingStore::open_read_only(db.file().parent_path() / "missing.db").ok());
}

}  // namespace
}  // namespace gavel::store
