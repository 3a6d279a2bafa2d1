// Clickers against the real gaveld: each Wi-Fi clicker and base station with
// its own credential, a press stored once with an acknowledgement saying
// what was stored, and every wrong press a clear rejection with nothing counted.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {
namespace {

v1::ClickerPress press_of(const std::string& device, std::uint64_t seq, std::uint32_t key, std::uint64_t boot = 1) {
  v1::ClickerPress p;
  p.set_device_id(device);
  p.set_boot_id(boot);
  p.set_press_seq(seq);
  p.set_key(key);
  return p;
}

v1::ClickerAdmin enroll(const std::vector<std::string>& devices, const std::string& base = "", bool pool = false) {
  v1::ClickerAdmin admin;
  for (const auto& d : devices) admin.mutable_enroll()->add_device_ids(d);
  admin.mutable_enroll()->set_base_id(base);
  admin.mutable_enroll()->set_pool(pool);
  return admin;
}

v1::ClickerAdmin pair(const std::string& device, const std::string& who) {
  v1::ClickerAdmin admin;
  admin.mutable_pair()->set_device_id(device);
  admin.mutable_pair()->set_participant_id(who);
  return admin;
}

v1::ClickerAdmin revoke(const std::string& id) {
  v1::ClickerAdmin admin;
  admin.set_revoke(id);
  return admin;
}

// The meeting started, P01..P05 present, item "lift" open and a named vote on a seconded motion.
class Clickers : public ::testing::Test {
 protected:
  void SetUp() override {
    chair = server.connect_as("chair");
    ASSERT_TRUE(chair->call(cmd::start_meeting()));
    for (const char* who : {"P01", "P02", "P03", "P04", "P05"}) ASSERT_TRUE(chair->call(cmd::check_in(who)));
    ASSERT_TRUE(chair->call(cmd::open_item("lift")));
  }
  void open_vote(bool secret = false) {
    auto motion = server.connect_participant("P04")->call(cmd::propose("加装电梯"));
    ASSERT_TRUE(motion);
    ASSERT_TRUE(server.connect_participant("P05")->call(cmd::second(motion.value().created_id())));
    ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id(), secret)));
  }
  v1::VoteResult close_and_result() {
    EXPECT_TRUE(chair->call(cmd::close_vote()));
    auto display = server.connect_as("display");
    const auto& votes = display->welcome().snapshot().votes();
    return votes.empty() ? v1::VoteResult{} : votes.rbegin()->result();
  }
  GaveldProcess server;
  std::unique_ptr<client::Connection> chair;
};

TEST_F(Clickers, TheSharedClickerTokenIsGoneAndEachDeviceHasItsOwnInAPrivateFile) {
  std::ifstream access(server.data() / "access.json");
  EXPECT_FALSE(nlohmann::json::parse(access).contains("clicker_token"));
  struct stat info {};
  ASSERT_EQ(::stat((server.data() / "clickers.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_NE(server.clicker_token("CK-01"), server.clicker_token("CK-02"));
  EXPECT_FALSE(server.clicker_token("CK-01").empty());
}

TEST_F(Clickers, AWifiClickerPressIsAcknowledgedWithTheStoredChoiceAndCountedOnce) {
  open_vote();
  auto clicker = server.connect_clicker("CK-01");
  EXPECT_EQ(clicker->welcome().clicker().id(), "CK-01");
  EXPECT_FALSE(clicker->welcome().has_snapshot()) << "a device needs no snapshot";
  auto first = clicker->press(press_of("CK-01", 1, 2));
  ASSERT_TRUE(first);
  EXPECT_EQ(first.value().state(), v1::PRESS_ACCEPTED);
  ASSERT_EQ(first.value().stored_choices_size(), 1);
  EXPECT_EQ(first.value().stored_choices(0), 1u);
  for (int copy = 0; copy < 3; ++copy) {
    auto again = clicker->press(press_of("CK-01", 1, 2));
    ASSERT_TRUE(again);
    EXPECT_TRUE(again.value().repeat());
  }
  auto changed = clicker->press(press_of("CK-01", 2, 1));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed.value().stored_choices(0), 0u);
  auto result = close_and_result();
  EXPECT_EQ(result.cast(), 1u);
  EXPECT_EQ(result.counts(0).count(), 1u) << "the latest press before the close is the ballot";
}

TEST_F(Clickers, ADeviceCredentialCanOnlyPress) {
  auto clicker = server.connect_clicker("CK-01");
  auto command = clicker->call(cmd::check_in("P06"));
  ASSERT_FALSE(command);
  EXPECT_EQ(command.error().server.code(), v1::ERROR_NOT_ALLOWED);
  auto admin = clicker->clicker_admin(revoke("CK-02"));
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().server.code(), v1::ERROR_NOT_ALLOWED);
}

TEST_F(Clickers, ABaseStationPressesForItsDevicesAndIsRefusedForOthers) {
  ASSERT_TRUE(chair->clicker_admin(enroll({"R-1", "R-2"}, "BS-1")));
  ASSERT_TRUE(chair->clicker_admin(enroll({"R-9"}, "BS-2")));
  ASSERT_TRUE(chair->clicker_admin(pair("R-1", "P04")));
  ASSERT_TRUE(chair->clicker_admin(pair("R-9", "P05")));
  open_vote();
  auto base = server.connect_clicker("BS-1");
  EXPECT_TRUE(base->welcome().clicker().base_station());
  EXPECT_EQ(base->welcome().clicker().relays_size(), 2);
  auto ok = base->press(press_of("R-1", 1, 1));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok.value().state(), v1::PRESS_ACCEPTED);

  auto foreign = base->press(press_of("R-9", 1, 1));
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign.value().state(), v1::PRESS_REJECTED_INVALID);
  EXPECT_EQ(foreign.value().reason(), v1::PRESS_REASON_NOT_RELAYED_HERE);
  auto unknown = base->press(press_of("R-404", 1, 1));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown.value().reason(), v1::PRESS_REASON_UNKNOWN_DEVICE);
  auto unpaired = base->press(press_of("R-2", 1, 1));
  ASSERT_TRUE(unpaired);
  EXPECT_EQ(unpaired.value().reason(), v1::PRESS_REASON_UNPAIRED);
  EXPECT_FALSE(unpaired.value().message_zh().empty());
  auto out_of_range = base->press(press_of("R-1", 2, 8));
  ASSERT_TRUE(out_of_range);
  EXPECT_EQ(out_of_range.value().reason(), v1::PRESS_REASON_KEY_OUT_OF_RANGE);
  EXPECT_EQ(close_and_result().cast(), 1u) << "only R-1's press counts";
}

TEST_F(Clickers, APressForAClosedVoteIsRejectedAndNotCounted) {
  open_vote();
  auto result = close_and_result();
  auto clicker = server.connect_clicker("CK-02");
  auto late = clicker->press(press_of("CK-02", 1, 1));
  ASSERT_TRUE(late);
  EXPECT_EQ(late.value().state(), v1::PRESS_REJECTED_CLOSED);
  EXPECT_EQ(late.value().reason(), v1::PRESS_REASON_NO_VOTE_OPEN);
  auto display = server.connect_as("display");
  EXPECT_EQ(display->welcome().snapshot().votes().rbegin()->result().cast(), result.cast());
}

TEST_F(Clickers, ARevokedClickerIsDisconnectedAndCannotComeBack) {
  open_vote();
  std::string token = server.clicker_token("CK-03");
  auto clicker = server.connect(token);
  ASSERT_TRUE(chair->clicker_admin(revoke("CK-03")));
  ASSERT_TRUE(wait_until([&] {
    (void)clicker->next(std::chrono::milliseconds(50));
    return !clicker->is_open();
  }));
  auto again = client::Connection::open(server.endpoint(), token, 0, "test");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().server.code(), v1::ERROR_UNAUTHENTICATED);
  EXPECT_EQ(close_and_result().cast(), 0u);
}

TEST_F(Clickers, ARevokedRadioClickerIsRefusedThroughItsBaseStation) {
  ASSERT_TRUE(chair->clicker_admin(enroll({"R-1"}, "BS-1")));
  ASSERT_TRUE(chair->clicker_admin(pair("R-1", "P04")));
  ASSERT_TRUE(chair->clicker_admin(revoke("R-1")));
  open_vote();
  auto base = server.connect_clicker("BS-1");
  auto refused = base->press(press_of("R-1", 1, 1));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused.value().reason(), v1::PRESS_REASON_UNKNOWN_DEVICE);
  EXPECT_EQ(close_and_result().cast(), 0u);
}

TEST_F(Clickers, PairingSurvivesARestartAndTheHandKeyReachesTheQueue) {
  ASSERT_TRUE(chair->clicker_admin(enroll({"W-7"})));
  ASSERT_TRUE(chair->clicker_admin(pair("W-7", "P06")));
  server.kill_hard();
  server.start();
  auto clicker = server.connect_clicker("W-7");
  ASSERT_TRUE(server.connect_as("chair")->call(cmd::check_in("P06")));
  auto hand = clicker->press(press_of("W-7", 1, 10));
  ASSERT_TRUE(hand);
  EXPECT_EQ(hand.value().state(), v1::PRESS_ACCEPTED);
  auto display = server.connect_as("display");
  ASSERT_EQ(display->welcome().snapshot().queue().requests_size(), 1);
  EXPECT_EQ(display->welcome().snapshot().queue().requests(0).participant_id(), "P06");
}

// The hand key toggles. A press whose ack was lost is retransmitted, and if
// gaveld was killed and restarted in between, the new server must still
// know it: otherwise the raised hand would be lowered again (or the other way).
TEST_F(Clickers, AHandPressRetransmittedAcrossAKillAndRestartDoesNotFlipTheHand) {
  ASSERT_TRUE(chair->clicker_admin(enroll({"W-8"})));
  ASSERT_TRUE(chair->clicker_admin(pair("W-8", "P03")));
  auto queue = [this] {
    auto display = server.connect_as("display");
    return display->welcome().snapshot().queue().requests_size();
  };
  auto raise = server.connect_clicker("W-8")->press(press_of("W-8", 1, 10));
  ASSERT_TRUE(raise);
  ASSERT_EQ(raise.value().state(), v1::PRESS_ACCEPTED);
  ASSERT_EQ(queue(), 1);
  server.kill_hard();
  server.start();
  auto again = server.connect_clicker("W-8")->press(press_of("W-8", 1, 10));
  ASSERT_TRUE(again) << client::describe(again.error());
  EXPECT_EQ(again.value().state(), v1::PRESS_ACCEPTED);
  EXPECT_TRUE(again.value().repeat()) << "the restarted server knows this press from the record";
  EXPECT_EQ(queue(), 1) << "the retransmitted raise lowered the hand";

  auto lower = server.connect_clicker("W-8")->press(press_of("W-8", 2, 10));
  ASSERT_TRUE(lower);
  ASSERT_EQ(queue(), 0);
  server.kill_hard();
  server.start();
  auto lower_again = server.connect_clicker("W-8")->press(press_of("W-8", 2, 10));
  ASSERT_TRUE(lower_again);
  EXPECT_TRUE(lower_again.value().repeat());
  EXPECT_EQ(queue(), 0) << "the retransmitted lowering raised the hand again";
}

TEST_F(Clickers, APoolClickerVotesInASecretVoteForWhomItWasLentAndGoesBackAtTheClose) {
  ASSERT_TRUE(chair->clicker_admin(enroll({"S-1"}, "", true)));
  auto pooled = server.connect_clicker("S-1");
  v1::ClickerAdmin lend;
  lend.mutable_lend()->set_device_id("S-1");
  lend.mutable_lend()->set_participant_id("P04");
  auto early = chair->clicker_admin(lend);
  ASSERT_FALSE(early) << "no secret vote is open yet";
  EXPECT_EQ(early.error().server.code(), v1::ERROR_INVALID_STATE);
  open_vote(true);
  auto unlent = pooled->press(press_of("S-1", 1, 1));
  ASSERT_TRUE(unlent);
  EXPECT_EQ(unlent.value().reason(), v1::PRESS_REASON_UNPAIRED);
  auto lent = chair->clicker_admin(lend);
  ASSERT_TRUE(lent);
  for (const auto& d : lent.value().devices())
    if (d.device_id() == "S-1") {
      EXPECT_EQ(d.participant_id(), "") << "the list does not say who has it";
    }
  auto first = pooled->press(press_of("S-1", 2, 1));
  ASSERT_TRUE(first);
  EXPECT_EQ(first.value().state(), v1::PRESS_ACCEPTED);
  auto changed = pooled->press(press_of("S-1", 3, 2));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed.value().state(), v1::PRESS_ACCEPTED) << "a clicker can change its secret ballot";
  EXPECT_EQ(changed.value().stored_choices(0), 1u);
  std::ifstream fleet(server.data() / "clickers.json");
  std::string text((std::istreambuf_iterator<char>(fleet)), {});
  EXPECT_EQ(text.find("P04"), std::string::npos) << "the loan is not written down";
  auto result = close_and_result();
  EXPECT_EQ(result.cast(), 1u);
  EXPECT_EQ(result.counts(1).count(), 1u);
}

TEST_F(Clickers, ABaseStationsBudgetScalesWithItsDevices) {
  std::vector<std::string> radios;
  for (int i = 0; i < 250; ++i) radios.push_back("R-" + std::to_string(i));
  ASSERT_TRUE(chair->clicker_admin(enroll(radios, "BS-1")));
  auto base = server.connect_clicker("BS-1");
  // 500 presses in a fraction of a second: far beyond one phone's budget.
  for (int round = 0; round < 2; ++round)
    for (const auto& id : radios) {
      auto ack = base->press(press_of(id, 1, 11));  // the presence key of unpaired devices
      ASSERT_TRUE(ack);
      EXPECT_NE(ack.value().reason(), v1::PRESS_REASON_RATE_LIMITED);
    }
  v1::ClickerAdmin list;
  list.mutable_list();
  auto fleet = chair->clicker_admin(list);
  ASSERT_TRUE(fleet);
  int relayed = 0;
  for (const auto& b : fleet.value().bases())
    if (b.base_id() == "BS-1") {
      EXPECT_TRUE(b.connected());
      relayed = static_cast<int>(b.devices());
    }
  EXPECT_EQ(relayed, 250);
}

}  // namespace
}  // namespace gavel::test
