// Power cuts under gaveld's durable path (tests/support/faulty_disk.hpp): the
// real Hall, LogWriter and MeetingStore take a burst of votes, vote changes,
// speaker requests and dissent records while the power goes at a random
// write or sync, losing, tearing or reordering whatever was not synced. Then
// the files are opened as a restart would: the database must pass
// PRAGMA integrity_check, every event any client was sent (so every
// acknowledged command) must be there byte for byte, and gaveld's own
// open_meeting() must rebuild the meeting. GAVEL_POWER_CUTS sets the number
// of rounds (200 by default; scripts/chaos.sh runs more).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <random>

#include "../integration/support/commands.hpp"
#include "support/faulty_disk.hpp"
#include "support/hall_on_disk.hpp"

namespace gavel::test {
namespace {

struct Figures {
  std::size_t rounds = 0, idle = 0, acknowledged = 0, lost = 0, changed = 0, corrupt = 0;
  std::size_t unsynced = 0, kept = 0, dropped = 0, torn = 0;
};

std::string integrity_of(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  std::string verdict = "cannot open";
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      verdict = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    else
      verdict = sqlite3_errmsg(db);
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return verdict;
}

class Round {
 public:
  Round(std::uint64_t seed, const std::filesystem::path& data) : random_(seed), data_(data) {}

  // Runs the meeting until the power goes; returns what the clients were told.
  void run(FaultyDisk& disk) {
    HallOnDisk rig(data_);
    auto stop = [&] { return disk.power_is_cut(); };
    auto chair = join(rig, "chair");
    std::vector<std::shared_ptr<KeepingPeer>> people;
    for (const char* id : {"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"}) people.push_back(join(rig, id));
    // Once everyone is in (a refused write would make the hall read the dead disk back).
    disk.cut_power_after(1 + random_() % 200);
    if (!step(rig, chair, cmd::start_meeting(), stop)) return finish(rig, disk);
    for (const char* id : {"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"})
      rig.send(chair, cmd::check_in(id));
    if (!step(rig, chair, cmd::open_item("parking"), stop)) return finish(rig, disk);
    auto motion = ask(rig, people[6], cmd::propose("方案A"), stop);
    if (!motion || !motion->has_ack()) return finish(rig, disk);
    if (!step(rig, people[7], cmd::second(motion->ack().created_id()), stop)) return finish(rig, disk);
    if (!step(rig, chair, cmd::open_vote(motion->ack().created_id(), random_() % 2 == 0), stop))
      return finish(rig, disk);
    v1::Command grant;
    grant.mutable_grant_floor()->set_participant_id("P08");
    rig.send(chair, grant);
    // The burst: groups of commands in flight together, so that they share transactions.
    for (int group = 0; group < 8 && !stop(); ++group) {
      std::vector<std::pair<std::shared_ptr<KeepingPeer>, std::uint64_t>> sent;
      for (int n = 0; n < 10; ++n) {
        auto& who = people[random_() % people.size()];
        v1::Command command;
        switch (random_() % 4) {
          case 0: command = cmd::cast(static_cast<std::uint32_t>(random_() % 3)); break;
          case 1: command = cmd::request_floor(); break;
          case 2: command = cmd::withdraw_request(); break;
          default: command = cmd::record_dissent("r" + std::to_string(group) + "-" + std::to_string(n)); break;
        }
        sent.emplace_back(who, rig.send(who, command));
      }
      if (group == 6 && random_() % 3 == 0) sent.emplace_back(chair, rig.send(chair, cmd::close_vote()));
      rig.settle([&] {
        for (auto& [peer, id] : sent)
          if (!peer->answer(id)) return false;
        return true;
      }, std::chrono::seconds(10), stop);
    }
    finish(rig, disk);
  }

  // What every client was sent: seq -> the event's bytes, and the acks' seqs.
  std::map<std::uint64_t, std::string> seen;
  std::uint64_t highest_ack = 0;
  std::size_t acknowledged = 0;
  bool idle = false;  // the power went after the burst, not during it

 private:
  std::shared_ptr<KeepingPeer> join(HallOnDisk& rig, const char* who) {
    auto peer = rig.join(who);
    peers_.push_back(peer);
    return peer;
  }

  const v1::ServerMessage* ask(HallOnDisk& rig, const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command,
                               const std::function<bool()>& stop) {
    auto id = rig.send(peer, command);
    rig.settle([&] { return peer->answer(id) != nullptr; }, std::chrono::seconds(10), stop);
    return peer->answer(id);
  }
  bool step(HallOnDisk& rig, const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command,
            const std::function<bool()>& stop) {
    auto answer = ask(rig, peer, command, stop);
    return answer && answer->has_ack();
  }

  void finish(HallOnDisk& rig, FaultyDisk& disk) {
    idle = !disk.power_is_cut();
    disk.cut_power();  // if it has not gone yet: a cut while idle
    rig.close();
    for (const auto& peer : peers_)
      for (const v1::ServerMessage& m : peer->received) {
        if (m.has_ack()) {
          ++acknowledged;
          highest_ack = std::max<std::uint64_t>(highest_ack, m.ack().seq());
        }
        if (m.has_events())
          for (const v1::Event& e : m.events().events()) seen[e.seq()] = e.SerializeAsString();
      }
  }

  std::mt19937_64 random_;
  std::filesystem::path data_;
  std::vector<std::shared_ptr<KeepingPeer>> peers_;
};

TEST(PowerCut, EveryAcknowledgedCommandSurvivesAndTheDatabaseIsSound) {
  const char* asked = std::getenv("GAVEL_POWER_CUTS");
  const std::size_t rounds = asked ? std::strtoul(asked, nullptr, 10) : 200;
  Figures figures;
  std::random_device entropy;
  const std::uint64_t base = std::getenv("GAVEL_POWER_CUT_SEED") ? std::strtoull(std::getenv("GAVEL_POWER_CUT_SEED"), nullptr, 10)
                                                                  : entropy();
  auto root = std::filesystem::temp_directory_path() / ("gavel-power-" + std::to_string(base));
  for (std::size_t r = 0; r < rounds; ++r) {
    const std::uint64_t seed = base + r;
    auto data = root / std::to_string(r);
    std::filesystem::create_directories(data);
    Round round(seed, data);
    {
      FaultyDisk disk(seed);
      round.run(disk);
      auto cut = disk.last_cut();
      figures.unsynced += cut.unsynced;
      figures.kept += cut.kept;
      figures.dropped += cut.dropped;
      figures.torn += cut.torn;
    }
    // The restart, with SQLite's ordinary VFS.
    auto verdict = integrity_of(data / "gavel.db");
    EXPECT_EQ(verdict, "ok") << "seed " << seed;
    if (verdict != "ok") ++figures.corrupt;
    std::map<std::uint64_t, std::string> kept;
    {
      auto store = store::MeetingStore::open(data / "gavel.db");
      ASSERT_TRUE(store) << "seed " << seed << ": " << store.error().message_en;
      auto meeting = store.value().active_meeting();
      ASSERT_TRUE(meeting && meeting.value()) << "seed " << seed;
      auto stored = store.value().events_after(meeting.value()->id, 0, 100000);
      ASSERT_TRUE(stored) << "seed " << seed;
      for (const auto& e : stored.value()) kept[e.seq] = e.body;
    }
    for (const auto& [seq, bytes] : round.seen) {
      auto found = kept.find(seq);
      if (found == kept.end()) {
        ++figures.lost;
        ADD_FAILURE() << "seed " << seed << ": event " << seq << " was sent to clients but is lost";
      } else if (found->second != bytes) {
        ++figures.changed;
        ADD_FAILURE() << "seed " << seed << ": event " << seq << " differs from what clients were sent";
      }
    }
    EXPECT_LE(round.highest_ack, kept.empty() ? 0 : kept.rbegin()->first) << "seed " << seed;
    // gaveld's own restart path rebuilds the meeting on what survived.
    {
      HallOnDisk restarted(data);
      EXPECT_EQ(restarted.hall().state().seq, kept.empty() ? 0 : kept.rbegin()->first) << "seed " << seed;
    }
    figures.acknowledged += round.acknowledged;
    figures.idle += round.idle ? 1 : 0;
    ++figures.rounds;
    std::filesystem::remove_all(data);
  }
  std::filesystem::remove_all(root);
  std::cout << "power cuts: " << figures.rounds << " rounds (" << figures.idle << " cut while idle), " << figures.acknowledged << " commands acknowledged, "
            << figures.lost << " lost, " << figures.changed << " changed, " << figures.corrupt
            << " failed integrity_check; unsynced writes at the cuts: " << figures.unsynced << " (" << figures.kept
            << " kept, " << figures.dropped << " dropped, " << figures.torn << " torn), first seed " << base << "\n";
}

}  // namespace
}  // namespace gavel::test
