// A phone that stops reading must not hold up anyone else: its backlog is
// bounded (a few coalesced batches, or the latest snapshot once batches were
// dropped), and the projector keeps up.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <thread>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "observer.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

TEST(Backpressure, StalledPhoneGetsCoalescedStateWhileTheProjectorKeepsUp) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::open_item("parking")));

  // The stalled phone: welcomed, then never reads again.
  RawSocket stalled(server.endpoint().host, server.endpoint().port, 4096);
  stalled.send(RawSocket::hello(server.participant_token("P09")));
  ASSERT_TRUE(stalled.receive());

  auto display = server.connect_as("display");
  Observer room(*display);
  // Within each connection's burst allowance, with texts long enough that the
  // kernel's buffers cannot hide the backlog.
  constexpr int kWriters = 10, kEach = 55;
  const std::string padding(1500, 'x');
  std::vector<std::thread> writers;
  std::atomic<int> acknowledged{0};
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      auto secretary = server.connect_as("secretary");
      for (int n = 0; n < kEach; ++n) {
        if (secretary->call(cmd::record_dissent(std::to_string(w) + "-" + std::to_string(n) + padding))) ++acknowledged;
      }
    });
  // The projector follows while the writers run, not after.
  // Asserted after the join: a failed wait must not leave the writers running.
  bool followed = room.wait_for([&](const auto& s) { return s.dissent_size() >= kWriters * kEach / 2; },
                                std::chrono::seconds(60));
  for (auto& t : writers) t.join();
  ASSERT_TRUE(followed) << "the projector did not follow while the writers ran";
  ASSERT_TRUE(room.wait_for([&](const auto& s) { return s.dissent_size() == acknowledged.load(); }));

  // The stalled phone now reads: far fewer frames than events, and then it
  // has every dissent, from coalesced batches or from a snapshot if it fell
  // so far behind that batches were dropped.
  int frames = 0, dissent = 0;
  std::uint64_t seq = 0;
  bool got_snapshot = false;
  while (dissent < acknowledged.load()) {
    auto message = stalled.receive();
    if (!message) break;
    ++frames;
    if (message->has_snapshot()) {
      got_snapshot = true;
      dissent = message->snapshot().dissent_size();
      seq = message->snapshot().seq();
    }
    for (const auto& event : message->events().events())
      if (event.seq() > seq) {
        dissent += event.has_dissent_recorded() ? 1 : 0;
        seq = event.seq();
      }
  }
  EXPECT_EQ(dissent, acknowledged.load()) << "the stalled phone did not catch up in " << frames << " frames"
                                          << (got_snapshot ? " (one a snapshot)" : "") << "; close code "
                                          << stalled.close_code();
  EXPECT_LT(frames, acknowledged.load() / 2) << "the backlog was not bounded";
  std::cout << acknowledged.load() << " events; the stalled phone read " << frames << " frames"
            << (got_snapshot ? ", a snapshot among them\n" : ", all batches\n");
}

}  // namespace
}  // namespace gavel::test
