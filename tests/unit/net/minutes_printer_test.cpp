// The minutes printer: files are made on its own thread while the strand
// goes on, results come back through the strand's post, in order, and a
// failure or a full queue is an answer, never an exception or a hang.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "net/minutes_printer.hpp"

namespace gavel::net {
namespace {

using namespace std::chrono_literals;

// A stand-in for the hall's strand: what is posted waits here until the
// test thread runs it.
class Strand {
 public:
  MinutesPrinter::Post post() {
    return [this](std::function<void()> work) {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(work));
      posted_.notify_all();
    };
  }
  // Runs posted work until `done`; false if it did not come within 10 s.
  bool run_until(const std::function<bool()>& done) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (!done()) {
      std::function<void()> work;
      {
        std::unique_lock lock(mutex_);
        if (!posted_.wait_until(lock, until, [this] { return !queue_.empty(); })) return done();
        work = std::move(queue_.front());
        queue_.pop_front();
      }
      work();
    }
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable posted_;
  std::deque<std::function<void()>> queue_;
};

// A job that holds the printer until the test opens the gate.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  bool open = false, entered = false;
  void wait_open() {
    std::unique_lock lock(mutex);
    entered = true;
    changed.notify_all();
    changed.wait(lock, [this] { return open; });
  }
  bool wait_entered() {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 10s, [this] { return entered; });
  }
  void release() {
    std::lock_guard lock(mutex);
    open = true;
    changed.notify_all();
  }
};

minutes::MinutesFile file_named(std::string name) {
  minutes::MinutesFile file;
  file.file_name = std::move(name);
  return file;
}

TEST(MinutesPrinter, TheStrandGoesOnWhileAFileIsMadeAndGetsItBackThroughItsPost) {
  Strand strand;
  MinutesPrinter printer(strand.post());
  Gate gate;
  std::thread::id made_on, answered_on;
  std::optional<std::string> answer;
  printer.print(
      [&]() -> core::Result<minutes::MinutesFile> {
        made_on = std::this_thread::get_id();
        gate.wait_open();
        return file_named("minutes.pdf");
      },
      [&](core::Result<minutes::MinutesFile> file) {
        answered_on = std::this_thread::get_id();
        answer = file ? file.value().file_name : "error";
      });
  // print() returned while the job is still held: the strand was never blocked.
  ASSERT_TRUE(gate.wait_entered()) << "the job never started";
  EXPECT_FALSE(answer) << "the answer must come through the strand's post, not directly";
  EXPECT_NE(made_on, std::this_thread::get_id()) << "the file must be made on the printer's thread";
  gate.release();
  ASSERT_TRUE(strand.run_until([&] { return answer.has_value(); })) << "no answer was posted";
  EXPECT_EQ(*answer, "minutes.pdf");
  EXPECT_EQ(answered_on, std::this_thread::get_id()) << "the answer runs where the strand runs";
}

TEST(MinutesPrinter, AnswersComeInTheOrderTheFilesWereAskedFor) {
  Strand strand;
  MinutesPrinter printer(strand.post());
  std::vector<std::string> answers;
  for (const char* name : {"a.md", "b.html", "c.pdf"})
    printer.print([name]() -> core::Result<minutes::MinutesFile> { return file_named(name); },
                  [&](core::Result<minutes::MinutesFile> file) { answers.push_back(file.value().file_name); });
  ASSERT_TRUE(strand.run_until([&] { return answers.size() == 3; }));
  EXPECT_EQ(answers, (std::vector<std::string>{"a.md", "b.html", "c.pdf"}));
}

TEST(MinutesPrinter, AJobThatThrowsIsAnsweredWithAnInternalErrorInBothLanguages) {
  Strand strand;
  MinutesPrinter printer(strand.post());
  std::optional<core::Error> error;
  printer.print([]() -> core::Result<minutes::MinutesFile> { throw std::runtime_error("cairo ran out of memory"); },
                [&](core::Result<minutes::MinutesFile> file) { error = file.error(); });
  ASSERT_TRUE(strand.run_until([&] { return error.has_value(); }));
  EXPECT_EQ(error->code, core::ErrorCode::internal);
  EXPECT_NE(error->message_zh.find("cairo ran out of memory"), std::string::npos);
  EXPECT_NE(error->message_en.find("cairo ran out of memory"), std::string::npos);
}

TEST(MinutesPrinter, AFullQueueIsRefusedAtOnceAndTheRestStillComeOut) {
  Strand strand;
  MinutesPrinter printer(strand.post());
  Gate gate;
  std::size_t made = 0;
  std::vector<core::ErrorCode> refused;
  auto done = [&](core::Result<minutes::MinutesFile> file) {
    if (file) ++made;
    else refused.push_back(file.error().code);
  };
  printer.print(
      [&]() -> core::Result<minutes::MinutesFile> {
        gate.wait_open();
        return file_named("held");
      },
      done);
  ASSERT_TRUE(gate.wait_entered());
  for (std::size_t i = 0; i < MinutesPrinter::kMaxWaiting; ++i)
    printer.print([]() -> core::Result<minutes::MinutesFile> { return file_named("queued"); }, done);
  printer.print([]() -> core::Result<minutes::MinutesFile> { return file_named("one too many"); }, done);
  EXPECT_EQ(refused, std::vector<core::ErrorCode>{core::ErrorCode::rate_limited});
  gate.release();
  ASSERT_TRUE(strand.run_until([&] { return made == MinutesPrinter::kMaxWaiting + 1; }));
}

TEST(MinutesPrinter, StoppingWhileAFileIsMadeWaitsForItAndStillAnswers) {
  Strand strand;
  std::optional<std::string> answer;
  Gate gate;
  std::thread opener;
  {
    MinutesPrinter printer(strand.post());
    printer.print(
        [&]() -> core::Result<minutes::MinutesFile> {
          gate.wait_open();
          return file_named("held");
        },
        [&](core::Result<minutes::MinutesFile> file) { answer = file.value().file_name; });
    ASSERT_TRUE(gate.wait_entered());
    opener = std::thread([&] { gate.release(); });
  }  // the destructor joins the worker once the held job is done
  opener.join();
  ASSERT_TRUE(strand.run_until([&] { return answer.has_value(); }));
  EXPECT_EQ(*answer, "held");
}

}  // namespace
}  // namespace gavel::net
