// The real gaveld when its files may not grow any more: a file size limit
// (RLIMIT_FSIZE, set on the running process with prlimit, no root needed)
// makes every write past the end fail, as a full disk does. gaveld must
// refuse commands with ERROR_STORAGE_UNAVAILABLE in Chinese and English,
// keep serving snapshots and the speech timer, record nothing it refused,
// lose nothing it acknowledged, and take commands again by itself once the
// limit is lifted.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstring>
#include <set>

#include "commands.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {
namespace {

void limit_file_size(pid_t pid, rlim_t bytes) {
  rlimit current{};
  ASSERT_EQ(::prlimit(pid, RLIMIT_FSIZE, nullptr, &current), 0);
  rlimit wanted{bytes, current.rlim_max};
  ASSERT_EQ(::prlimit(pid, RLIMIT_FSIZE, &wanted, nullptr), 0) << "prlimit: " << std::strerror(errno);
}

bool refused_for_storage(const client::Result<v1::Ack>& result) {
  return !result && result.error().kind == client::ErrorKind::server &&
         result.error().server.code() == v1::ERROR_STORAGE_UNAVAILABLE &&
         !result.error().server.message_zh().empty() && !result.error().server.message_en().empty();
}

std::set<std::string> dissents(const v1::MeetingSnapshot& snapshot) {
  std::set<std::string> texts;
  for (const auto& d : snapshot.dissent()) texts.insert(d.text());
  return texts;
}

TEST(FullDisk, GaveldRefusesCommandsKeepsServingAndRecoversWhenSpaceReturns) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  for (const char* id : {"P01", "P02", "P03", "P04"}) ASSERT_TRUE(chair->call(cmd::check_in(id)));
  ASSERT_TRUE(chair->call(cmd::open_item("parking")));
  auto motion = server.connect_participant("P03")->call(cmd::propose("方案A"));
  ASSERT_TRUE(motion);
  ASSERT_TRUE(server.connect_participant("P04")->call(cmd::second(motion.value().created_id())));
  ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id())));
  v1::Command grant;
  grant.mutable_grant_floor()->set_participant_id("P04");
  ASSERT_TRUE(chair->call(grant));
  auto voter = server.connect_participant("P01");
  ASSERT_TRUE(voter->call(cmd::cast(0)));
  ASSERT_TRUE(chair->call(cmd::record_dissent("before")));
  auto deadline = server.connect_as("display")->welcome().snapshot().current_speech().deadline_ms();
  auto watcher = server.connect_participant("P02");

  // No file may grow past the write-ahead log's present size.
  limit_file_size(server.pid(), std::filesystem::file_size(server.data() / "gavel.db-wal"));
  EXPECT_TRUE(refused_for_storage(chair->call(cmd::record_dissent("during")))) << server.log();
  EXPECT_TRUE(refused_for_storage(voter->call(cmd::cast(1))));
  bool told = false;
  while (auto message = watcher->next(std::chrono::milliseconds(200)))
    told = told || (message->has_error() && message->error().code() == v1::ERROR_STORAGE_UNAVAILABLE);
  EXPECT_TRUE(told) << "every client hears that commands are refused";
  {
    auto display = server.connect_as("display");
    const auto& state = display->welcome().snapshot();
    EXPECT_EQ(dissents(state), std::set<std::string>{"before"});
    EXPECT_TRUE(state.current_vote().open());
    EXPECT_EQ(state.current_speech().deadline_ms(), deadline) << "the speech timer is still served";
  }

  limit_file_size(server.pid(), RLIM_INFINITY);
  ASSERT_TRUE(wait_until([&] { return chair->call(cmd::record_dissent("after")).ok(); }, std::chrono::seconds(10)))
      << server.log();
  ASSERT_TRUE(voter->call(cmd::cast(1)));

  server.kill_hard();
  server.start();
  auto display = server.connect_as("display");
  const auto& state = display->welcome().snapshot();
  EXPECT_EQ(dissents(state), (std::set<std::string>{"after", "before"}));
  EXPECT_TRUE(state.current_vote().open());
  EXPECT_EQ(state.current_vote().cast(), 1u);
  EXPECT_EQ(state.current_speech().deadline_ms(), deadline);
  EXPECT_NE(server.log().find("the disk takes writes again"), std::string::npos);
}

}  // namespace
}  // namespace gavel::test
