#include "net/snapshot_shelf.hpp"

#include <gtest/gtest.h>

#include "recording_peer.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

class Shelf : public ::testing::Test {
 protected:
  Shelf() : m(SetupBuilder().members("r", 10).item("x").build()) {
    m.start();
    m.check_in_fixed_members();
    m.open("x");
    m.ok(core::cmd::RequestFloor{core::RequestKind::contribution, ""}, participant("r4"));
  }
  MeetingDriver m;
  net::SnapshotShelf shelf;
};

TEST_F(Shelf, EveryWelcomeAtOneSeqSharesOneSerializedSnapshot) {
  auto first = shelf.welcome_part(net::View::partial, m.state(), 1000);
  auto second = shelf.welcome_part(net::View::partial, m.state(), 1500);
  EXPECT_EQ(first.get(), second.get()) << "the same bytes, not a copy per welcome";
  EXPECT_EQ(shelf.built(), 1u);
  m.ok(core::cmd::CheckOut{"r1"}, chair());
  auto third = shelf.welcome_part(net::View::partial, m.state(), 1600);
  EXPECT_NE(first.get(), third.get()) << "a new seq, a new snapshot";
  (void)shelf.welcome_part(net::View::partial, m.state(), 1600 + net::SnapshotShelf::kMaxAge);
  EXPECT_EQ(shelf.built(), 3u) << "rebuilt after a second: its timers count from when it was built";
}

TEST_F(Shelf, APhonesWelcomeIsTheSharedSnapshotWithItsOwnEntryAfterIt) {
  const std::unordered_set<std::string>* named = nullptr;
  net::Bytes shared = shelf.welcome_part(net::View::partial, m.state(), 1000, &named);
  ASSERT_NE(named, nullptr);
  EXPECT_EQ(*named, std::unordered_set<std::string>{"r4"}) << "the queue names r4 only";

  v1::ServerMessage own;
  own.set_request_id(7);
  own.mutable_welcome()->set_participant_id("r9");
  v1::Participant* me = own.mutable_welcome()->mutable_snapshot()->add_roster();
  me->set_id("r9");
  me->set_present(true);
  auto message = parse_frame({shared, std::make_shared<const std::string>(own.SerializeAsString())});

  EXPECT_EQ(message.request_id(), 7u);
  const v1::MeetingSnapshot& s = message.welcome().snapshot();
  EXPECT_EQ(s.seq(), m.state().seq);
  EXPECT_TRUE(s.roster_partial());
  ASSERT_EQ(s.roster_size(), 2);
  EXPECT_EQ(s.roster(0).id(), "r4");
  EXPECT_EQ(s.roster(1).id(), "r9");
  EXPECT_EQ(s.attendance().present(), 10u) << "the server counts attendance for a partial roster";
  ASSERT_EQ(s.queue().requests_size(), 1);
}

TEST_F(Shelf, OfficersGetTheWholeRoster) {
  auto message = parse_frame(shelf.message(net::View::whole, m.state(), 1000));
  EXPECT_FALSE(message.snapshot().roster_partial());
  EXPECT_EQ(message.snapshot().roster_size(), 10);
  EXPECT_EQ(message.server_time_ms(), 1000);
}

}  // namespace
}  // namespace gavel::test
