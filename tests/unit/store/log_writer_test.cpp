#include "store/log_writer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>

#include "temp_db.hpp"

namespace gavel::store {
namespace {

TEST(LogWriter, AcknowledgesOnlyAfterCommitAndInSubmissionOrder) {
  test::TempDb db;
  auto store = MeetingStore::open(db.file());
  ASSERT_TRUE(store.ok());
  auto id = store.value().create_meeting("m", "s", {}, 1).value();
  // The writer thread only records; the test's thread asserts, and waits
  // with a limit, so a failure fails instead of leaving the wait hanging.
  std::vector<std::pair<core::Seq, bool>> acknowledged;
  std::mutex mutex;
  std::promise<void> all_done;
  constexpr core::Seq kCommands = 2000;
  {
    LogWriter writer(std::move(store.value()), id);
    for (core::Seq seq = 1; seq <= kCommands; ++seq) {
      Commit c;
      c.events.push_back({seq, 1, "checked_in", "P", "b"});
      writer.submit(std::move(c), [&, seq](const core::Status& status) {
        std::lock_guard lock(mutex);
        acknowledged.emplace_back(seq, status.ok());
        if (acknowledged.size() == kCommands) all_done.set_value();
      });
    }
    ASSERT_EQ(all_done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready)
        << "the writer acknowledged " << [&] { std::lock_guard lock(mutex); return acknowledged.size(); }()
        << " of " << kCommands << " commands within 30 s";
    // A burst shares transactions: far fewer fsyncs than commands.
    EXPECT_LT(writer.transactions(), kCommands / 2);
  }
  ASSERT_EQ(acknowledged.size(), kCommands);
  for (core::Seq i = 0; i < kCommands; ++i) {
    ASSERT_EQ(acknowledged[i].first, i + 1);
    ASSERT_TRUE(acknowledged[i].second) << "command " << i + 1 << " failed";
  }
  auto reopened = MeetingStore::open(db.file());
  EXPECT_EQ(reopened.value().events_after(id, 0, 10000).value().size(), kCommands);
}

TEST(LogWriter, ReportsAFailedTransactionToEveryCommandInIt) {
  test::TempDb db;
  auto store = MeetingStore::open(db.file());
  auto id = store.value().create_meeting("m", "s", {}, 1).value();
  std::atomic<int> failures{0};
  std::promise<void> done;
  {
    LogWriter writer(std::move(store.value()), id);
    Commit a, b;
    a.events.push_back({1, 1, "k", "a", "x"});
    b.events.push_back({1, 1, "k", "a", "x"});  // the same seq twice
    writer.submit(std::move(a), [&](const core::Status& s) { if (!s) ++failures; });
    writer.submit(std::move(b), [&](const core::Status& s) {
      if (!s) ++failures;
      done.set_value();
    });
    ASSERT_EQ(done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready)
        << "the second commit was never acknowledged";
  }
  EXPECT_GE(failures.load(), 1);
}

}  // namespace
}  // namespace gavel::store
