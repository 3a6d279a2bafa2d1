// The clicker desk on the real engine: who may press for which device, what
// each press stores, and that a press is counted once.
#include <gtest/gtest.h>

#include <map>

#include "clicker/clicker_desk.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;
using clicker::Caller;
using clicker::PressReason;

class Desk : public ::testing::Test {
 protected:
  Desk() : m(SetupBuilder().members("r", 4).item("x").build()), desk(clicker::Fleet{}) {}
  void SetUp() override {
    auto token = [n = 0]() mutable { return "t" + std::to_string(++n); };
    clicker::Fleet& fleet = desk.fleet();
    ASSERT_TRUE(fleet.enroll({"W-1"}, "", false, token));
    ASSERT_TRUE(fleet.enroll({"R-1", "R-2", "R-3"}, "BS-1", false, token));
    ASSERT_TRUE(fleet.enroll({"R-9"}, "BS-2", false, token));
    ASSERT_TRUE(fleet.pair("W-1", "r1", m.state()));
    ASSERT_TRUE(fleet.pair("R-1", "r2", m.state()));
    ASSERT_TRUE(fleet.pair("R-2", "r3", m.state()));
    ASSERT_TRUE(fleet.pair("R-9", "r4", m.state()));
    m.start();
    m.check_in_fixed_members();
    m.open("x");
  }
  void open_vote(bool secret = false) {
    Id id = m.ok(cmd::ProposeMotion{"动议", 0, "r1"}, chair()).created_id;
    m.ok(cmd::SecondMotion{id, "r2"}, chair());
    VoteSpec spec = vote_on(id).secret(secret);
    m.ok(cmd::OpenVote{spec}, chair());
  }
  // Presses like the hall: plan, run the command on the engine, settle.
  v1::ClickerAck press(const Caller& caller, const std::string& device, std::uint64_t seq, std::uint32_t key,
                       std::uint64_t boot = 1) {
    v1::ClickerPress p;
    p.set_device_id(device);
    p.set_boot_id(boot);
    p.set_press_seq(seq);
    p.set_key(key);
    m.clock.advance(1);
    auto receipt_of = [this](const std::string& who) { return receipts.count(who) ? receipts[who] : ""; };
    auto step = desk.take(caller, p, m.state(), m.clock.now(), receipt_of, [](const v1::ClickerAck&) {});
    if (auto* ack = std::get_if<v1::ClickerAck>(&step)) return *ack;
    auto& plan = std::get<clicker::PressPlan>(step);
    if (auto* ballot = std::get_if<cmd::CastBallot>(&plan.command))
      ballot->fresh_receipt = "receipt-" + std::to_string(++receipt_count);
    auto decided = m.send(plan.command, clicker(plan.holder));
    if (decided && !decided.value().receipt.empty()) receipts[plan.holder] = decided.value().receipt;
    return desk.settle(plan, decided, m.state(), receipt_of);
  }
  std::size_t ballots() const { return m.state().votes.empty() ? 0 : m.state().votes.back().voters.size(); }

  const Caller wifi{"W-1", false}, base{"BS-1", true}, other_base{"BS-2", true};
  MeetingDriver m;
  clicker::ClickerDesk desk;
  std::map<std::string, std::string> receipts;
  int receipt_count = 0;
};

TEST_F(Desk, APressIsStoredAndItsRetransmissionsAreNotCountedAgain) {
  open_vote();
  auto first = press(base, "R-1", 1, 2);
  EXPECT_EQ(first.state(), v1::PRESS_ACCEPTED);
  EXPECT_FALSE(first.repeat());
  ASSERT_EQ(first.stored_choices_size(), 1);
  EXPECT_EQ(first.stored_choices(0), 1u);
  for (int copy = 0; copy < 3; ++copy) {
    auto again = press(base, "R-1", 1, 2);
    EXPECT_EQ(again.state(), v1::PRESS_ACCEPTED);
    EXPECT_TRUE(again.repeat());
  }
  EXPECT_EQ(ballots(), 1u);
  EXPECT_EQ(m.state().votes.back().named.at("r2"), std::vector<std::uint32_t>{1});
}

TEST_F(Desk, AChangedAnswerReplacesTheBallotAndAnOlderPressIsStale) {
  open_vote();
  ASSERT_EQ(press(wifi, "W-1", 1, 1).state(), v1::PRESS_ACCEPTED);
  auto changed = press(wifi, "W-1", 2, 2);
  EXPECT_EQ(changed.state(), v1::PRESS_ACCEPTED);
  EXPECT_EQ(changed.stored_choices(0), 1u);
  auto late = press(wifi, "W-1", 1, 3);
  EXPECT_EQ(late.reason(), v1::PRESS_REASON_STALE);
  EXPECT_EQ(m.state().votes.back().named.at("r1"), std::vector<std::uint32_t>{1}) << "the latest press is the ballot";
}

TEST_F(Desk, ASecretBallotCanBeChangedFromTheClickerThroughTheReceiptMemory) {
  open_vote(true);
  ASSERT_EQ(press(base, "R-2", 1, 1).state(), v1::PRESS_ACCEPTED);
  auto changed = press(base, "R-2", 2, 3);
  EXPECT_EQ(changed.state(), v1::PRESS_ACCEPTED);
  EXPECT_EQ(changed.stored_choices(0), 2u);
  receipts.clear();  // as after a restart: the memory is gone
  auto refused = press(base, "R-2", 3, 1);
  EXPECT_EQ(refused.reason(), v1::PRESS_REASON_CANNOT_CHANGE);
  const Vote& vote = m.state().votes.back();
  ASSERT_EQ(vote.secret.size(), 1u);
  EXPECT_EQ(vote.secret.begin()->second.choices, std::vector<std::uint32_t>{2});
}

TEST_F(Desk, UnknownRevokedAndForeignDevicesAreRefusedAndNothingIsCounted) {
  open_vote();
  EXPECT_EQ(press(base, "R-404", 1, 1).reason(), v1::PRESS_REASON_UNKNOWN_DEVICE);
  EXPECT_EQ(press(base, "R-9", 1, 1).reason(), v1::PRESS_REASON_NOT_RELAYED_HERE) << "BS-1 was not given R-9";
  EXPECT_EQ(press(wifi, "R-1", 1, 1).reason(), v1::PRESS_REASON_NOT_RELAYED_HERE) << "a Wi-Fi clicker presses for itself";
  EXPECT_EQ(press(base, "R-3", 1, 1).reason(), v1::PRESS_REASON_UNPAIRED);
  ASSERT_TRUE(desk.fleet().revoke("R-1"));
  auto revoked = press(base, "R-1", 1, 1);
  EXPECT_EQ(revoked.state(), v1::PRESS_REJECTED_INVALID);
  EXPECT_EQ(revoked.reason(), v1::PRESS_REASON_UNKNOWN_DEVICE);
  EXPECT_FALSE(revoked.message_zh().empty());
  EXPECT_FALSE(revoked.message_en().empty());
  EXPECT_EQ(ballots(), 0u);
}

TEST_F(Desk, KeysOutOfRangeAndPressesForAClosedVoteAreRefused) {
  EXPECT_EQ(press(base, "R-1", 1, 1).state(), v1::PRESS_REJECTED_CLOSED);
  open_vote();
  EXPECT_EQ(press(base, "R-1", 2, 7).reason(), v1::PRESS_REASON_KEY_OUT_OF_RANGE);
  EXPECT_EQ(press(base, "R-1", 3, 99).reason(), v1::PRESS_REASON_KEY_OUT_OF_RANGE);
  EXPECT_EQ(ballots(), 0u);
  m.ok(cmd::CloseVote{}, chair());
  auto late = press(base, "R-1", 4, 1);
  EXPECT_EQ(late.state(), v1::PRESS_REJECTED_CLOSED);
  EXPECT_EQ(late.reason(), v1::PRESS_REASON_NO_VOTE_OPEN);
  EXPECT_EQ(m.state().votes.back().result->cast, 0u);
}

TEST_F(Desk, ARepeatedHandKeyDoesNotLowerTheHandItRaised) {
  ASSERT_EQ(press(base, "R-1", 1, clicker::kHandKey).state(), v1::PRESS_ACCEPTED);
  ASSERT_EQ(m.state().queue.size(), 1u);
  ASSERT_TRUE(press(base, "R-1", 1, clicker::kHandKey).repeat());
  EXPECT_EQ(m.state().queue.size(), 1u) << "a retransmission is not a second press";
  ASSERT_EQ(press(base, "R-1", 2, clicker::kHandKey).state(), v1::PRESS_ACCEPTED);
  EXPECT_TRUE(m.state().queue.empty()) << "a new press lowers it";
}

// gaveld restarted: the ledger is new, the engine is folded from the record.
// The hand key toggles, so a retransmission that reached the old server
// must not raise or lower the hand a second time.
TEST_F(Desk, AHandPressRetransmittedAfterARestartDoesNotFlipTheHandAgain) {
  auto restart = [this] {
    m.meeting() = m.replay();
    clicker::Fleet fleet = desk.fleet();
    desk = clicker::ClickerDesk(std::move(fleet));
  };
  ASSERT_EQ(press(base, "R-1", 1, clicker::kHandKey).state(), v1::PRESS_ACCEPTED);
  ASSERT_EQ(m.state().queue.size(), 1u);
  restart();
  const auto events = m.events().size();
  v1::ClickerAck again = press(base, "R-1", 1, clicker::kHandKey);
  EXPECT_EQ(again.state(), v1::PRESS_ACCEPTED);
  EXPECT_TRUE(again.repeat()) << "the record knows this press: a repeat";
  EXPECT_EQ(m.state().queue.size(), 1u) << "the retransmitted raise must not lower the hand";
  EXPECT_EQ(m.events().size(), events) << "nothing recorded for a repeat";

  ASSERT_EQ(press(base, "R-1", 2, clicker::kHandKey).state(), v1::PRESS_ACCEPTED);
  ASSERT_TRUE(m.state().queue.empty());
  restart();
  EXPECT_TRUE(press(base, "R-1", 2, clicker::kHandKey).repeat());
  EXPECT_TRUE(m.state().queue.empty()) << "the retransmitted lowering must not raise the hand again";
  ASSERT_EQ(press(base, "R-1", 3, clicker::kHandKey).state(), v1::PRESS_ACCEPTED);
  EXPECT_EQ(m.state().queue.size(), 1u) << "a new press still toggles";
}

TEST_F(Desk, EachDeviceIsRateLimitedInsideItsBaseStation) {
  open_vote();
  int limited = 0;
  for (std::uint64_t seq = 1; seq <= 40; ++seq) {
    v1::ClickerPress p;
    p.set_device_id("R-1");
    p.set_boot_id(1);
    p.set_press_seq(seq);
    p.set_key(1);
    auto step = desk.take(base, p, m.state(), m.clock.now(), {}, [](const v1::ClickerAck&) {});
    if (auto* ack = std::get_if<v1::ClickerAck>(&step); ack && ack->reason() == v1::PRESS_REASON_RATE_LIMITED)
      ++limited;
  }
  EXPECT_GT(limited, 20);
  EXPECT_EQ(press(base, "R-2", 1, 1).state(), v1::PRESS_ACCEPTED) << "another device is not limited";
}

TEST_F(Desk, HealthFromHeartbeatsShowsInTheList) {
  v1::ClickerHeartbeat beat;
  beat.set_device_id("R-1");
  beat.mutable_health()->set_battery_percent(12);
  beat.mutable_health()->set_signal_dbm(-80);
  EXPECT_FALSE(desk.heartbeat(base, beat, 5000));
  beat.set_device_id("R-9");
  auto refused = desk.heartbeat(base, beat, 5000);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->reason(), v1::PRESS_REASON_NOT_RELAYED_HERE);
  auto fleet = desk.list({"BS-1"});
  for (const auto& d : fleet.devices()) {
    if (d.device_id() != "R-1") continue;
    EXPECT_EQ(d.health().battery_percent(), 12u);
    EXPECT_EQ(d.last_heard_ms(), 5000);
    EXPECT_TRUE(d.connected());
  }
}

}  // namespace
}  // namespace gavel::test
