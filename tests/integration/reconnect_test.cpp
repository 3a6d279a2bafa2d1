// A client that loses its connection resumes from the last event it saw.
#include <gtest/gtest.h>

#include "commands.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {
namespace {

TEST(Reconnect, ResumingClientGetsExactlyTheEventsItMissed) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  auto phone = server.connect_participant("P02");
  std::uint64_t seen = phone->welcome().snapshot().seq();
  phone->close();

  ASSERT_TRUE(chair->call(cmd::check_in("P01")));
  ASSERT_TRUE(chair->call(cmd::check_in("P03")));
  auto last = chair->call(cmd::open_item("parking"));
  ASSERT_TRUE(last);

  auto again = server.connect(server.participant_token("P02"), seen);
  const auto& welcome = again->welcome();
  EXPECT_TRUE(welcome.resumed());
  ASSERT_EQ(welcome.missed_size(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(welcome.missed(i).seq(), seen + 1 + static_cast<unsigned>(i));
  EXPECT_EQ(welcome.snapshot().seq(), last.value().seq());
  EXPECT_EQ(welcome.snapshot().current_item_id(), "parking");
}

TEST(Reconnect, FreshClientGetsTheWholeStateInTheWelcome) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::check_in("P04")));
  auto display = server.connect_as("display");
  EXPECT_FALSE(display->welcome().resumed());
  EXPECT_EQ(display->welcome().snapshot().attendance().present(), 1u);
  EXPECT_EQ(display->welcome().role(), v1::ROLE_DISPLAY);
}

}  // namespace
}  // namespace gavel::test
