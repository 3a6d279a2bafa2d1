#include "net/ballot_log.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace gavel::test {
namespace {

// The hall's timers, run by hand.
struct Timers {
  core::Millis now = 0;
  std::vector<std::pair<core::Millis, std::function<void()>>> due;
  net::BallotLog::PostAfter post_after() {
    return [this](core::Millis delay, std::function<void()> work) { due.emplace_back(now + delay, std::move(work)); };
  }
  void run_until(core::Millis at) {
    now = at;
    auto pending = std::move(due);
    due.clear();
    for (auto& [when, work] : pending) {
      if (when <= now) work();
      else due.emplace_back(when, std::move(work));
    }
  }
};

TEST(BallotLog, ASecondsBallotsAreOneLineWithTheirCountAndSeqs) {
  Timers timers;
  std::vector<std::string> lines;
  net::BallotLog log([&](const std::string& line) { lines.push_back(line); }, timers.post_after());
  for (core::Seq seq : {41u, 42u, 45u}) log.recorded(seq);
  EXPECT_TRUE(lines.empty()) << "not a line per ballot";
  ASSERT_EQ(timers.due.size(), 1u) << "one timer however many ballots";
  EXPECT_EQ(timers.due[0].first, 1000);
  timers.run_until(1000);
  EXPECT_EQ(lines, (std::vector<std::string>{"#41-#45 cast_ballot: 3 ballots"}));

  timers.run_until(1500);
  log.recorded(50);
  timers.run_until(2500);
  EXPECT_EQ(lines.back(), "#50 cast_ballot: 1 ballot");
  EXPECT_EQ(lines.size(), 2u);
  timers.run_until(5000);
  EXPECT_EQ(lines.size(), 2u) << "a quiet second says nothing";
}

TEST(BallotLog, AnotherCommandsLineComesAfterTheBallotsBeforeItAndShutdownTellsTheRest) {
  Timers timers;
  std::vector<std::string> lines;
  {
    net::BallotLog log([&](const std::string& line) { lines.push_back(line); }, timers.post_after());
    log.recorded(7);
    log.recorded(8);
    log.flush();  // the hall, before logging the vote's close at #9
    lines.push_back("#9 close_vote by chair");
    timers.run_until(1000);
    EXPECT_EQ(lines, (std::vector<std::string>{"#7-#8 cast_ballot: 2 ballots", "#9 close_vote by chair"}));
    log.recorded(12);
  }
  EXPECT_EQ(lines.back(), "#12 cast_ballot: 1 ballot") << "told when the hall closes";
}

}  // namespace
}  // namespace gavel::test
