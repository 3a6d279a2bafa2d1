// The fleet: enrolment, credentials, pairing, revocation, the pool, and its
// durable JSON form.
#include <gtest/gtest.h>

#include "clicker/fleet.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;
using clicker::Fleet;

MeetingSetup with_clickers() {
  MeetingSetup setup = SetupBuilder().members("r", 3).item("x").build();
  setup.roster[0].clicker_id = "CK-1";
  setup.roster[1].clicker_id = "CK-2";
  return setup;
}

Fleet::MakeToken counter() {
  auto n = std::make_shared<int>(0);
  return [n] { return "token-" + std::to_string(++*n); };
}

TEST(Fleet, TheRosterSeedsPairedWifiClickersEachWithItsOwnToken) {
  MeetingDriver m(with_clickers());
  Fleet fleet;
  EXPECT_TRUE(fleet.seed(m.state().roster, counter()));
  ASSERT_TRUE(fleet.device("CK-1"));
  EXPECT_EQ(fleet.holder("CK-1"), "r1");
  EXPECT_EQ(fleet.holder("CK-2"), "r2");
  EXPECT_NE(fleet.device("CK-1")->token, fleet.device("CK-2")->token);
  EXPECT_FALSE(fleet.seed(m.state().roster, counter())) << "seeding twice changes nothing";
}

TEST(Fleet, ABaseStationRelaysOnlyTheDevicesItWasGiven) {
  Fleet fleet;
  ASSERT_TRUE(fleet.enroll({"R-1", "R-2"}, "BS-1", false, counter()));
  ASSERT_TRUE(fleet.enroll({"R-3"}, "BS-2", false, counter()));
  EXPECT_EQ(fleet.relayed_by("BS-1"), (std::vector<std::string>{"R-1", "R-2"}));
  EXPECT_TRUE(fleet.device("R-1")->token.empty()) << "a radio clicker needs no credential";
  ASSERT_TRUE(fleet.caller("BS-1"));
  EXPECT_TRUE(fleet.caller("BS-1")->base_station);
  EXPECT_FALSE(fleet.caller("R-1")) << "a radio clicker cannot connect by itself";
}

TEST(Fleet, PairingMovesAPersonToTheirNewDevice) {
  MeetingDriver m(with_clickers());
  Fleet fleet;
  fleet.seed(m.state().roster, counter());
  ASSERT_TRUE(fleet.enroll({"CK-9"}, "", false, counter()));
  EXPECT_EQ(fleet.holder("CK-9"), "");
  ASSERT_TRUE(fleet.pair("CK-9", "r1", m.state()));
  EXPECT_EQ(fleet.holder("CK-9"), "r1");
  EXPECT_EQ(fleet.holder("CK-1"), "") << "one device per person";
  EXPECT_EQ(fleet.pair("CK-9", "nobody", m.state()).error().code, ErrorCode::not_found);
  EXPECT_EQ(fleet.pair("CK-404", "r1", m.state()).error().code, ErrorCode::not_found);
}

TEST(Fleet, ARevokedCredentialAdmitsNobodyAndItsTokenIsReturned) {
  MeetingDriver m(with_clickers());
  Fleet fleet;
  fleet.seed(m.state().roster, counter());
  std::string token = fleet.device("CK-1")->token;
  auto revoked = fleet.revoke("CK-1");
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked.value(), std::vector<std::string>{token});
  EXPECT_FALSE(fleet.caller("CK-1"));
  EXPECT_EQ(fleet.holder("CK-1"), "");
  EXPECT_EQ(fleet.revoke("CK-404").error().code, ErrorCode::not_found);
}

TEST(Fleet, APoolDeviceIsLentOnlyForAnOpenSecretVoteToAnEligibleVoter) {
  MeetingDriver m(with_clickers());
  Fleet fleet;
  ASSERT_TRUE(fleet.enroll({"P-1", "P-2"}, "", true, counter()));
  EXPECT_EQ(fleet.lend("P-1", "r3", m.state()).error().code, ErrorCode::invalid_state);
  m.start();
  m.check_in({"r1", "r2"});
  m.open("x");
  Id motion = m.ok(cmd::ProposeMotion{"动议", 0, "r1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "r2"}, chair());
  m.ok(cmd::OpenVote{vote_on(motion).secret()}, chair());
  EXPECT_EQ(fleet.lend("P-1", "r3", m.state()).error().code, ErrorCode::not_eligible) << "r3 was absent";
  ASSERT_TRUE(fleet.lend("P-1", "r2", m.state()));
  EXPECT_EQ(fleet.holder("P-1"), "r2");
  EXPECT_EQ(fleet.lend("P-2", "r2", m.state()).error().code, ErrorCode::duplicate) << "one pool clicker each";
  EXPECT_EQ(fleet.pair("P-1", "r1", m.state()).error().code, ErrorCode::invalid_state);
  fleet.return_lent();
  EXPECT_EQ(fleet.holder("P-1"), "");
}

TEST(Fleet, ItsJsonFormKeepsEverythingButWhatIsInMemoryOnly) {
  MeetingDriver m(with_clickers());
  Fleet fleet;
  fleet.seed(m.state().roster, counter());
  ASSERT_TRUE(fleet.enroll({"R-1"}, "BS-1", false, counter()));
  ASSERT_TRUE(fleet.revoke("CK-2"));
  auto back = Fleet::from_json(fleet.to_json());
  ASSERT_TRUE(back);
  EXPECT_EQ(back.value().to_json(), fleet.to_json());
  EXPECT_EQ(back.value().holder("CK-1"), "r1");
  EXPECT_TRUE(back.value().device("CK-2")->revoked);
  EXPECT_EQ(back.value().relayed_by("BS-1"), std::vector<std::string>{"R-1"});
  EXPECT_FALSE(Fleet::from_json("{not json"));
}

}  // namespace
}  // namespace gavel::test
