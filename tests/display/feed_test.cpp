// The network thread against the real gaveld: it publishes immutable states,
// keeps the last one through an outage, and comes back by itself.
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "model/feed.hpp"

namespace gavel::display {
namespace {

using namespace std::chrono_literals;
using test::wait_until;
namespace cmd = test::cmd;

test::GaveldProcess::Options fixture() {
  test::GaveldProcess::Options options;
  options.meeting = GAVEL_DISPLAY_FIXTURES "/meeting.toml";
  return options;
}

class FeedTest : public ::testing::Test {
 protected:
  std::unique_ptr<Feed> follow(const test::GaveldProcess& server, client::TlsOptions tls = {}) {
    Options options;
    options.access_path = (server.data() / "access.json").string();
    auto feed = std::make_unique<Feed>([options] { return resolve_target(options); }, tls,
                                       [this](const FeedState& now, const FeedState&) {
                                         std::lock_guard lock(mutex_);
                                         links_.push_back(now.link);
                                       });
    feed->start();
    return feed;
  }
  std::vector<Link> links() {
    std::lock_guard lock(mutex_);
    return links_;
  }

  std::mutex mutex_;
  std::vector<Link> links_;
};

bool live(const Feed& feed) {
  auto state = feed.latest();
  return state->link == Link::live && state->snapshot;
}

TEST_F(FeedTest, PublishesTheWelcomeThenEachChangeAsANewImmutableState) {
  test::GaveldProcess server(fixture());
  auto feed = follow(server);
  ASSERT_TRUE(wait_until([&] { return live(*feed); })) << "never live: " << feed->latest()->problem;
  const auto first = feed->latest();
  EXPECT_EQ(first->snapshot->info().title(), "显示测试议事会");
  EXPECT_EQ(first->phone_url, "http://127.0.0.1:" + server.endpoint().port + "/");

  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::check_in("P01")));
  ASSERT_TRUE(wait_until([&] { return feed->latest()->snapshot->attendance().present() == 1; }))
      << "the display never saw the check-in";
  EXPECT_EQ(first->snapshot->phase(), v1::MEETING_SCHEDULED) << "a published state must never change";
  EXPECT_EQ(feed->latest()->snapshot->phase(), v1::MEETING_IN_SESSION);
}

TEST_F(FeedTest, TheServerClockEstimateAgreesWithin100Ms) {
  test::GaveldProcess server(fixture());
  auto feed = follow(server);
  ASSERT_TRUE(wait_until([&] { return live(*feed); })) << feed->latest()->problem;
  // gaveld runs on this machine: its clock is this system clock.
  const auto system_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
  const std::int64_t estimate = client::steady_now_ms() + feed->latest()->clock_offset_ms;
  EXPECT_LT(std::abs(estimate - system_ms), 100) << "estimate " << estimate << " vs system clock " << system_ms;
}

TEST_F(FeedTest, KeepsTheLastStateThroughAnOutageAndResumesByItself) {
  test::GaveldProcess server(fixture());
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::open_item("budget")));
  auto feed = follow(server);
  ASSERT_TRUE(wait_until([&] { return live(*feed) && feed->latest()->snapshot->current_item_id() == "budget"; }));
  const std::uint64_t seq = feed->latest()->snapshot->seq();

  chair.reset();
  server.kill_hard();
  ASSERT_TRUE(wait_until([&] { return feed->latest()->link == Link::reconnecting; }, 5s))
      << "the display did not notice gaveld died";
  EXPECT_EQ(feed->latest()->snapshot->seq(), seq) << "the last state must stay";
  EXPECT_FALSE(feed->latest()->problem.empty());

  server.start();  // a new port: the display finds it in the rewritten access.json
  chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::check_in("P02")));
  ASSERT_TRUE(wait_until([&] { return live(*feed) && feed->latest()->snapshot->attendance().present() == 1; }, 10s))
      << "did not come back: " << feed->latest()->problem;
  EXPECT_EQ(feed->latest()->attempts, 0);
  const auto seen = links();
  EXPECT_NE(std::find(seen.begin(), seen.end(), Link::reconnecting), seen.end());
  EXPECT_EQ(seen.back(), Link::live);
}

TEST_F(FeedTest, ConnectsOverTlsTrustingTheGivenCertificate) {
  test::GaveldProcess::Options options = fixture();
  options.tls = true;
  test::GaveldProcess server(options);
  auto feed = follow(server, client::TlsOptions{.ca_file = (server.data() / "tls.crt").string(), .insecure = false});
  ASSERT_TRUE(wait_until([&] { return live(*feed); })) << "never live over TLS: " << feed->latest()->problem;
  EXPECT_EQ(feed->latest()->phone_url, "https://127.0.0.1:" + server.endpoint().port + "/");
}

TEST(Feed, StopsPromptlyWhileNothingAnswers) {
  Options options;
  options.server = "ws://127.0.0.1:9/ws";  // discard: nothing listens
  options.token = "t";
  auto feed = std::make_unique<Feed>([options] { return resolve_target(options); }, client::TlsOptions{}, nullptr);
  feed->start();
  ASSERT_TRUE(wait_until([&] { return feed->latest()->attempts >= 2; }, 5s));
  EXPECT_EQ(feed->latest()->link, Link::connecting);
  const auto started = std::chrono::steady_clock::now();
  feed.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

}  // namespace
}  // namespace gavel::display
