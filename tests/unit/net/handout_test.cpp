#include "net/handout.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "recording_peer.hpp"

namespace gavel::test {
namespace {

net::Frame batch_at(std::uint64_t seq) {
  v1::ServerMessage message;
  message.mutable_events()->set_seq(seq);
  return net::frame_of(message.SerializeAsString());
}

// The I/O threads' queue, run by hand: posted work runs in the order posted
// (the pause each was posted with is kept, not waited).
struct Queue {
  std::deque<std::function<void()>> work;
  std::vector<net::Handout::Pause> pauses;
  net::Handout::Post post() {
    return [this](net::Handout::Pause pause, std::function<void()> w) {
      pauses.push_back(pause);
      work.push_back(std::move(w));
    };
  }
  void run_one() {
    auto w = std::move(work.front());
    work.pop_front();
    w();
  }
  void run_all() {
    while (!work.empty()) run_one();
  }
};

std::vector<std::shared_ptr<RecordingPeer>> phones(std::size_t n) {
  std::vector<std::shared_ptr<RecordingPeer>> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(std::make_shared<RecordingPeer>());
  return out;
}

std::vector<net::Handout::Delivery> tick(const std::vector<std::shared_ptr<RecordingPeer>>& to, std::uint64_t seq) {
  std::vector<net::Handout::Delivery> out;
  for (const auto& peer : to) out.push_back({peer, batch_at(seq)});
  return out;
}

TEST(Handout, ATicksBatchesGoOutASliceAtATimeWithOtherWorkBetweenTheSlices) {
  Queue queue;
  auto handout = std::make_shared<net::Handout>(queue.post(), 128);
  auto hall = phones(300);
  handout->add(tick(hall, 7));
  bool answered = false;
  queue.post()({}, [&] { answered = true; });  // a voter's answer, posted while the tick is handed out

  queue.run_one();
  EXPECT_EQ(hall[127]->frames.size(), 1u);
  EXPECT_TRUE(hall[128]->frames.empty()) << "one slice per run";
  queue.run_one();
  EXPECT_TRUE(answered) << "the answer ran after the first slice, not after the whole hall";
  queue.run_all();
  for (const auto& phone : hall) {
    ASSERT_EQ(phone->frames.size(), 1u);
    EXPECT_EQ(phone->frames[0].events().seq(), 7u);
    EXPECT_TRUE(phone->droppables[0]);
  }
}

TEST(Handout, APhoneNeverGetsATicksBatchBeforeTheBatchOfTheTickBefore) {
  Queue queue;
  auto handout = std::make_shared<net::Handout>(queue.post(), 128);
  auto hall = phones(300);
  handout->add(tick(hall, 7));
  queue.run_one();               // the first slice of seq 7
  handout->add(tick(hall, 9));   // the next tick, while seq 7 is still going out
  EXPECT_EQ(queue.work.size(), 1u) << "one slice in flight at a time";
  queue.run_all();
  for (const auto& phone : hall) {
    ASSERT_EQ(phone->frames.size(), 2u);
    EXPECT_EQ(phone->frames[0].events().seq(), 7u);
    EXPECT_EQ(phone->frames[1].events().seq(), 9u);
  }
}

TEST(Handout, ABigHallsSlicesAreSpreadOverTheSpreadAndASmallHallsGoNearlyAtOnce) {
  using std::chrono::milliseconds;
  Queue queue;
  auto handout = std::make_shared<net::Handout>(queue.post(), 100);
  handout->add(tick(phones(1000), 7), {milliseconds(20), milliseconds(5)});  // ten slices
  queue.run_all();
  ASSERT_EQ(queue.pauses.size(), 10u);
  EXPECT_EQ(queue.pauses[0], net::Handout::Pause::zero()) << "the first slice goes at once";
  for (std::size_t i = 1; i < 10; ++i) EXPECT_EQ(queue.pauses[i], milliseconds(2)) << "slice " << i;

  queue.pauses.clear();
  auto small = std::make_shared<net::Handout>(queue.post(), 100);
  small->add(tick(phones(300), 8), {milliseconds(125)});
  queue.run_all();
  ASSERT_EQ(queue.pauses.size(), 3u);
  EXPECT_EQ(queue.pauses[1], net::Handout::kLongestPause) << "a small hall pauses briefly";
  EXPECT_EQ(queue.pauses[2], net::Handout::kLongestPause);
}

TEST(Handout, ATurnoutTickTricklesOutWithLongerPausesUntilNewsHurriesTheRest) {
  using std::chrono::milliseconds;
  Queue queue;
  auto handout = std::make_shared<net::Handout>(queue.post(), 100);
  auto hall = phones(300);
  handout->add(tick(hall, 7), {milliseconds(800), milliseconds(25)});  // three slices
  queue.run_one();
  ASSERT_EQ(queue.pauses.size(), 2u);
  EXPECT_EQ(queue.pauses[1], milliseconds(25)) << "800 ms over three slices, at most 25 ms apart";

  handout->add(tick(hall, 9), {milliseconds(200)});  // news: five slices queued, at most the default 4 ms apart
  queue.run_all();
  ASSERT_EQ(queue.pauses.size(), 6u);
  for (std::size_t i = 2; i < 6; ++i) EXPECT_EQ(queue.pauses[i], net::Handout::kLongestPause) << "slice " << i;
  for (const auto& phone : hall) {
    ASSERT_EQ(phone->frames.size(), 2u);
    EXPECT_EQ(phone->frames[0].events().seq(), 7u) << "the turnout tick still goes first";
  }
}

TEST(Handout, ALaggingPhonesCatchUpSnapshotFollowsItsBatchAndWithoutAPostAllGoesAtOnce) {
  auto handout = std::make_shared<net::Handout>(net::Handout::Post{});
  auto phone = std::make_shared<RecordingPeer>();
  v1::ServerMessage snapshot;
  snapshot.mutable_snapshot()->set_seq(9);
  handout->add({{phone, batch_at(9)}, {phone, net::frame_of(snapshot.SerializeAsString()), true}});
  ASSERT_EQ(phone->frames.size(), 1u);
  EXPECT_EQ(phone->snapshots, 1);
  ASSERT_TRUE(phone->snapshot);
  EXPECT_EQ(phone->snapshot->snapshot().seq(), 9u);
}

}  // namespace
}  // namespace gavel::test
