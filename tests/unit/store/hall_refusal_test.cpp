// The hall when the disk fills up or turns read-only (net/storage_health.hpp):
// every command is refused with ERROR_STORAGE_UNAVAILABLE in Chinese and
// English, nothing refused is in the record, nothing acknowledged is lost,
// snapshots and the speech timer go on, and it recovers by itself.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>

#include "../../integration/support/commands.hpp"
#include "support/faulty_disk.hpp"
#include "support/hall_on_disk.hpp"
#include "temp_db.hpp"

namespace gavel::test {
namespace {

bool acked(const v1::ServerMessage& answer) { return answer.has_ack(); }
bool refused_for_storage(const v1::ServerMessage& answer) {
  return answer.has_error() && answer.error().code() == v1::ERROR_STORAGE_UNAVAILABLE &&
         !answer.error().message_zh().empty() && !answer.error().message_en().empty();
}

std::set<std::string> dissents(const v1::MeetingSnapshot& snapshot) {
  std::set<std::string> texts;
  for (const auto& d : snapshot.dissent()) texts.insert(d.text());
  return texts;
}

const v1::MeetingSnapshot& welcome_of(const KeepingPeer& peer) {
  for (const v1::ServerMessage& m : peer.received)
    if (m.has_welcome()) return m.welcome().snapshot();
  static const v1::MeetingSnapshot none;
  return none;
}

// The audit trail's actions by the server itself, in order.
std::vector<std::string> server_actions(const std::filesystem::path& database) {
  std::vector<std::string> actions;
  sqlite3* db = nullptr;
  sqlite3_stmt* q = nullptr;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT action FROM audit WHERE role = 'server' ORDER BY rowid", -1, &q, nullptr) == SQLITE_OK)
    while (sqlite3_step(q) == SQLITE_ROW) actions.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return actions;
}

// A meeting with a vote open and a speech running.
void open_a_vote_and_a_speech(HallOnDisk& rig, const std::shared_ptr<KeepingPeer>& chair) {
  ASSERT_TRUE(acked(rig.call(chair, cmd::start_meeting())));
  for (const char* id : {"P01", "P02", "P03", "P04", "P05"}) ASSERT_TRUE(acked(rig.call(chair, cmd::check_in(id))));
  ASSERT_TRUE(acked(rig.call(chair, cmd::open_item("parking"))));
  auto motion = rig.call(rig.join("P04"), cmd::propose("方案A"));
  ASSERT_TRUE(acked(motion));
  ASSERT_TRUE(acked(rig.call(rig.join("P05"), cmd::second(motion.ack().created_id()))));
  ASSERT_TRUE(acked(rig.call(chair, cmd::open_vote(motion.ack().created_id()))));
  v1::Command grant;
  grant.mutable_grant_floor()->set_participant_id("P05");
  ASSERT_TRUE(acked(rig.call(chair, grant)));
}

void refuses_then_recovers(FaultyDisk::Refusal refusal) {
  TempDb folder;
  auto data = folder.file().parent_path();
  {
    FaultyDisk disk(7);
    HallOnDisk rig(data);
    auto chair = rig.join("chair");
    open_a_vote_and_a_speech(rig, chair);
    auto voter = rig.join("P01");
    ASSERT_TRUE(acked(rig.call(voter, cmd::cast(0))));
    ASSERT_TRUE(acked(rig.call(chair, cmd::record_dissent("before"))));
    auto watcher = rig.join("P03");
    auto deadline = welcome_of(*rig.join("display")).current_speech().deadline_ms();
    ASSERT_GT(deadline, 0);

    disk.refuse_writes(refusal);
    EXPECT_TRUE(refused_for_storage(rig.call(chair, cmd::record_dissent("during"))));
    EXPECT_FALSE(rig.hall().storage_writable());
    EXPECT_TRUE(refused_for_storage(rig.call(rig.join("P02"), cmd::cast(1))));
    EXPECT_TRUE(refused_for_storage(rig.call(voter, cmd::cast(2)))) << "a change of vote too";
    // Every client is told, not only the one whose command hit the disk.
    bool told = false;
    for (const auto& m : watcher->received) told = told || (m.request_id() == 0 && refused_for_storage(m));
    EXPECT_TRUE(told);
    // Snapshots go on, from the record: the refused dissent is not in them.
    auto display = rig.join("display");
    ASSERT_TRUE(display->welcomed());
    const v1::MeetingSnapshot& during = welcome_of(*display);
    EXPECT_EQ(dissents(during), std::set<std::string>{"before"});
    EXPECT_TRUE(during.current_vote().open());
    EXPECT_EQ(during.current_vote().cast(), 1u);
    EXPECT_EQ(during.current_speech().deadline_ms(), deadline) << "the speech timer runs on";

    disk.refuse_writes(FaultyDisk::Refusal::none);
    ASSERT_TRUE(rig.settle([&] { return rig.hall().storage_writable(); }, std::chrono::seconds(5)))
        << "recovers by itself once the disk takes writes";
    EXPECT_TRUE(acked(rig.call(chair, cmd::record_dissent("after"))));
    EXPECT_TRUE(acked(rig.call(voter, cmd::cast(2))));
  }
  // A restart on what the disk holds: the acknowledged, not the refused.
  HallOnDisk restarted(data);
  auto display = restarted.join("display");
  const v1::MeetingSnapshot& state = welcome_of(*display);
  EXPECT_EQ(dissents(state), (std::set<std::string>{"after", "before"}));
  EXPECT_TRUE(state.current_vote().open());
  EXPECT_EQ(state.current_vote().cast(), 1u);
  EXPECT_EQ(server_actions(restarted.database()), (std::vector<std::string>{"storage_refused", "storage_restored"}))
      << "the outage is in the audit trail";
}

TEST(HallRefusal, AFullDiskRefusesCommandsKeepsServingAndRecovers) {
  refuses_then_recovers(FaultyDisk::Refusal::full);
}

TEST(HallRefusal, AReadOnlyDiskRefusesCommandsKeepsServingAndRecovers) {
  refuses_then_recovers(FaultyDisk::Refusal::read_only);
}

// Commands in flight when the disk fills: each is acknowledged or refused,
// and the record holds exactly the acknowledged ones.
TEST(HallRefusal, EveryCommandInFlightIsEitherRecordedAndAcknowledgedOrRefusedAndAbsent) {
  TempDb folder;
  auto data = folder.file().parent_path();
  std::set<std::string> acknowledged, refused;
  {
    FaultyDisk disk(11);
    HallOnDisk rig(data);
    auto chair = rig.join("chair");
    ASSERT_TRUE(acked(rig.call(chair, cmd::start_meeting())));
    ASSERT_TRUE(acked(rig.call(chair, cmd::open_item("parking"))));
    std::vector<std::pair<std::uint64_t, std::string>> sent;
    for (int n = 0; n < 60; ++n) {
      std::string marker = "m" + std::to_string(n);
      sent.emplace_back(rig.send(chair, cmd::record_dissent(marker)), marker);
      if (n == 30) disk.refuse_writes(FaultyDisk::Refusal::full);
      if (n % 10 == 0) rig.settle([] { return false; }, std::chrono::milliseconds(2));
    }
    ASSERT_TRUE(rig.settle([&] {
      for (auto& [id, marker] : sent)
        if (!chair->answer(id)) return false;
      return true;
    }));
    for (auto& [id, marker] : sent) {
      const v1::ServerMessage* answer = chair->answer(id);
      if (answer->has_ack()) acknowledged.insert(marker);
      else if (refused_for_storage(*answer)) refused.insert(marker);
      else ADD_FAILURE() << marker << ": " << answer->DebugString();
    }
    EXPECT_FALSE(refused.empty());
  }
  HallOnDisk restarted(data);
  EXPECT_EQ(dissents(welcome_of(*restarted.join("display"))), acknowledged);
}

}  // namespace
}  // namespace gavel::test
