// kill -9 in the middle of a stream of commands from many clients: after a
// restart every acknowledged command is there, none twice; the running
// speech keeps its deadline and the open vote is still open.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <thread>

#include "commands.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {
namespace {

struct Acknowledged {
  std::mutex mutex;
  std::vector<std::string> markers;
  std::vector<std::string> voters;
  std::size_t count() {
    std::lock_guard lock(mutex);
    return markers.size();
  }
};

TEST(Crash, KillNineLosesNothingAcknowledgedAndDuplicatesNothing) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  for (const char* id : {"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"})
    ASSERT_TRUE(chair->call(cmd::check_in(id)));
  ASSERT_TRUE(chair->call(cmd::open_item("parking")));
  auto mover = server.connect_participant("P07");
  auto motion = mover->call(cmd::propose("采用方案A"));
  ASSERT_TRUE(motion);
  ASSERT_TRUE(server.connect_participant("P08")->call(cmd::second(motion.value().created_id())));
  ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id(), true)));
  v1::Command grant;
  grant.mutable_grant_floor()->set_participant_id("P08");
  ASSERT_TRUE(chair->call(grant));
  std::int64_t deadline_before = server.connect_as("display")->welcome().snapshot().current_speech().deadline_ms();
  chair.reset();
  mover.reset();

  // Eight clients stream commands; each remembers what was acknowledged.
  Acknowledged acknowledged;
  std::vector<std::thread> clients;
  std::vector<std::string> who = {"chair", "secretary", "P01", "P02", "P03", "P04", "P05", "P06"};
  for (const std::string& name : who)
    clients.emplace_back([&, name] {
      bool participant = name.starts_with("P");
      auto connection = participant ? server.connect_participant(name) : server.connect_as(name);
      if (participant) {
        if (connection->call(cmd::cast(0))) {
          std::lock_guard lock(acknowledged.mutex);
          acknowledged.voters.push_back(name);
        }
      }
      for (int n = 0;; ++n) {
        std::string marker = name + "-" + std::to_string(n);
        if (!connection->call(cmd::record_dissent(marker))) return;  // the server is gone
        std::lock_guard lock(acknowledged.mutex);
        acknowledged.markers.push_back(marker);
      }
    });
  // Asserted once the clients have stopped: they stop when the server is gone.
  bool enough = wait_until([&] { return acknowledged.count() >= 400; }, std::chrono::seconds(60));
  server.kill_hard();
  for (auto& t : clients) t.join();
  ASSERT_TRUE(enough) << server.log();

  server.start();
  auto display = server.connect_as("display");
  const auto& state = display->welcome().snapshot();
  std::map<std::string, int> recorded;
  for (const auto& d : state.dissent()) ++recorded[d.text()];
  for (const auto& [text, times] : recorded) EXPECT_EQ(times, 1) << text << " recorded twice";
  for (const auto& marker : acknowledged.markers) EXPECT_EQ(recorded.count(marker), 1u) << marker << " was acknowledged but lost";
  EXPECT_GE(recorded.size(), acknowledged.markers.size());

  EXPECT_TRUE(state.current_vote().open()) << "the open vote must survive";
  EXPECT_GE(state.current_vote().cast(), acknowledged.voters.size());
  EXPECT_EQ(state.current_speech().participant_id(), "P08");
  EXPECT_EQ(state.current_speech().deadline_ms(), deadline_before) << "the speech keeps its real remaining time";

  // Acknowledged ballots are still in the box: closing counts them.
  auto chair_again = server.connect_as("chair");
  ASSERT_TRUE(chair_again->call(cmd::close_vote()));
  auto after = server.connect_as("display");
  const auto& result = after->welcome().snapshot().votes(0).result();
  EXPECT_GE(result.counts(0).count(), acknowledged.voters.size());
  EXPECT_EQ(result.counts(0).count(), result.cast());
  std::cout << "acknowledged " << acknowledged.markers.size() << " dissent records and "
            << acknowledged.voters.size() << " ballots before kill -9; recovered " << recorded.size() << "\n";
}

}  // namespace
}  // namespace gavel::test
