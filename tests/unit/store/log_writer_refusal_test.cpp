// The writer when the disk refuses writes: nothing after a failed transaction
// is written (it would leave a gap) until a mend succeeds.
#include <gtest/gtest.h>

#include <future>

#include "store/log_writer.hpp"
#include "support/faulty_disk.hpp"
#include "temp_db.hpp"

namespace gavel::store {
namespace {

Commit event(core::Seq seq) {
  Commit c;
  c.events.push_back({seq, 1, "checked_in", "P", "b" + std::to_string(seq)});
  return c;
}

core::Status submitted(LogWriter& writer, Commit commit, bool mend = false) {
  std::promise<core::Status> outcome;
  auto done = [&](const core::Status& s) { outcome.set_value(s); };
  if (mend) writer.mend(std::move(commit), done);
  else writer.submit(std::move(commit), done);
  return outcome.get_future().get();
}

void refuses_until_mended(test::FaultyDisk::Refusal refusal) {
  test::TempDb db;
  test::FaultyDisk disk(1);
  auto store = MeetingStore::open(db.file());
  ASSERT_TRUE(store.ok()) << store.error().message_en;
  auto id = store.value().create_meeting("m", "s", {}, 1).value();
  ASSERT_TRUE(store.value().checkpoint().ok());  // an empty WAL: every next write grows it
  {
    LogWriter writer(std::move(store.value()), id);
    EXPECT_TRUE(submitted(writer, event(1)).ok());
    disk.refuse_writes(refusal);
    EXPECT_FALSE(submitted(writer, event(2)).ok());
    disk.refuse_writes(test::FaultyDisk::Refusal::none);
    // The disk works again, but seq 2 was never written: 3 must not be either.
    EXPECT_FALSE(submitted(writer, event(3)).ok());
    EXPECT_TRUE(submitted(writer, Commit{}).ok()) << "a barrier holds nothing to lose";
    Commit probe;
    probe.audit.push_back({1, "server", "", "", "storage_restored", "ok", 1});
    EXPECT_TRUE(submitted(writer, std::move(probe), true).ok());
    EXPECT_TRUE(submitted(writer, event(2)).ok());
    EXPECT_EQ(writer.head().seq, 2u);
  }
  auto reopened = MeetingStore::open(db.file());
  auto events = reopened.value().events_after(id, 0, 100).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].body, "b2");
}

TEST(LogWriterRefusal, AFullDiskStopsTheWriterUntilAMendSucceeds) {
  refuses_until_mended(test::FaultyDisk::Refusal::full);
}

TEST(LogWriterRefusal, AReadOnlyDiskStopsTheWriterUntilAMendSucceeds) {
  refuses_until_mended(test::FaultyDisk::Refusal::read_only);
}

TEST(LogWriterRefusal, AMendOnADiskStillFullFailsAndKeepsRefusing) {
  test::TempDb db;
  test::FaultyDisk disk(2);
  auto store = MeetingStore::open(db.file());
  auto id = store.value().create_meeting("m", "s", {}, 1).value();
  ASSERT_TRUE(store.value().checkpoint().ok());
  LogWriter writer(std::move(store.value()), id);
  disk.refuse_writes(test::FaultyDisk::Refusal::full);
  EXPECT_FALSE(submitted(writer, event(1)).ok());
  Commit probe;
  probe.audit.push_back({1, "server", "", "", "storage_restored", "ok", 0});
  EXPECT_FALSE(submitted(writer, probe, true).ok());
  disk.refuse_writes(test::FaultyDisk::Refusal::none);
  EXPECT_FALSE(submitted(writer, event(1)).ok()) << "still stopped: the last mend failed";
  EXPECT_TRUE(submitted(writer, probe, true).ok());
  EXPECT_TRUE(submitted(writer, event(1)).ok());
}

}  // namespace
}  // namespace gavel::store
