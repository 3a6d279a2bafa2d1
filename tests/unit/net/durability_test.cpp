#include "net/durability.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "../store/temp_db.hpp"
#include "store/meeting_store.hpp"

namespace gavel::test {
namespace {

// The hall's strand, played by the test thread: work posted from the
// writer's thread waits here until run_until() takes it.
class Strand {
 public:
  void post(std::function<void()> work) {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(work));
    wake_.notify_one();
  }
  // Runs posted work until `done` holds; false after 10 s.
  bool run_until(const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
      std::unique_lock lock(mutex_);
      if (!wake_.wait_until(lock, deadline, [&] { return !queue_.empty(); })) return false;
      auto work = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      work();
    }
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
};

store::Commit one_event(core::Seq seq) {
  store::Commit commit;
  commit.events.push_back({seq, 1000, "checked_in", "chair", "event " + std::to_string(seq)});
  return commit;
}

class Durable : public ::testing::Test {
 protected:
  Durable() {
    auto store = store::MeetingStore::open(db.file()).value();
    auto id = store.create_meeting("m", "setup", {}, 1).value();
    durability = std::make_unique<net::Durability>(
        std::make_unique<store::LogWriter>(std::move(store), id), [this](auto work) { strand.post(std::move(work)); },
        [this](const core::Error& error) { failures.push_back(error.message_en); });
  }
  ~Durable() override { durability->close(); }

  TempDb db;
  Strand strand;
  std::vector<std::string> ran, failures;
  std::unique_ptr<net::Durability> durability;
};

TEST_F(Durable, WhatWaitsRunsInOrderAfterTheCommitsBeforeIt) {
  durability->submit(one_event(1), [this] { ran.push_back("answer 1"); });
  durability->when_durable([this] { ran.push_back("welcome after 1"); });
  durability->submit(one_event(2), [this] { ran.push_back("answer 2"); });
  durability->when_durable([this] { ran.push_back("welcome after 2"); });
  EXPECT_EQ(durability->in_flight(), 2u) << "a welcome adds no commit of its own";
  ASSERT_TRUE(strand.run_until([&] { return ran.size() == 4; })) << "ran only " << ran.size();
  EXPECT_EQ(ran, (std::vector<std::string>{"answer 1", "welcome after 1", "answer 2", "welcome after 2"}));
  EXPECT_TRUE(failures.empty());
  EXPECT_EQ(durability->in_flight(), 0u);
}

TEST_F(Durable, NothingInFlightMeansAWaiterRunsOnTheNextTurnOfTheStrand) {
  durability->when_durable([this] { ran.push_back("welcome"); });
  EXPECT_TRUE(ran.empty()) << "posted, not run inside the caller";
  ASSERT_TRUE(strand.run_until([&] { return !ran.empty(); }));
}

}  // namespace
}  // namespace gavel::test
