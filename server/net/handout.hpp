// The phones' batches, tick after tick, handed to their sessions a slice at
// a time. Handing a batch to a session queues its write with everything
// else the I/O threads do; handing all of a hall's thousands at once put
// every voter's answer behind thousands of writes (tens of milliseconds).
// A slice's writes are queued before the next slice is handed out, so an
// answer waits behind one slice; and the slices are spread over part of the
// phones' period, a short pause between them, so the writes do not take
// both cores for a stretch that the votes' own work then waits out (a
// 5,000-phone tick back to back put a vote's ack p99 at 16-40 ms, spread
// at 4-8). Slices are small: an answer queued behind one waits out 16
// writes, not 128 (alternated by hand, 5,000 phones: ack p99 median 3.4 ms
// against 7.5; 10,000 in 0.5 s: 100-138 against 158-236; the log
// writer, which shares the two cores, commits faster between small slices).
// Strictly in order: a phone never gets a tick's batch before
// the batch of the tick before (it would drop the older one as already
// seen).
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "net/peer.hpp"

namespace gavel::net {

class Handout : public std::enable_shared_from_this<Handout> {
 public:
  using Pause = std::chrono::microseconds;
  // Runs one slice after another, in order, each `pause` after it is
  // posted; every slice on the same strand. Without one, everything is
  // handed out at once, in add().
  using Post = std::function<void(Pause pause, std::function<void()>)>;
  struct Delivery {
    std::shared_ptr<Peer> peer;
    Frame frame;
    bool snapshot = false;  // a lagging phone's catch-up, after its batch
  };
  static constexpr std::size_t kSlice = 16;
  // A small hall's few slices go out nearly at once (300 phones in 10 ms).
  static constexpr Pause kLongestPause = std::chrono::microseconds(500);
  // How what is queued goes out: over `over`, the pause before each next
  // slice `over` divided by the slices queued, and at most `longest`.
  struct Spread {
    Pause over{};
    Pause longest = kLongestPause;
  };

  explicit Handout(Post post, std::size_t slice = kSlice) : post_(std::move(post)), slice_(slice) {}

  // One tick's deliveries, after those of every earlier tick. From the
  // hall's strand. Everything queued then goes out at `spread`.
  void add(std::vector<Delivery> deliveries, Spread spread);
  void add(std::vector<Delivery> deliveries) { add(std::move(deliveries), Spread{}); }

 private:
  void hand_next_slice();
  static void hand(Delivery& delivery);
  Pause pause_for(std::size_t queued, Spread spread) const;

  Post post_;
  std::size_t slice_;
  std::mutex mutex_;  // add() and the slices run on different strands
  std::deque<Delivery> queue_;
  bool handing_ = false;  // a slice is posted or running
  Pause pause_{};
};

}  // namespace gavel::net
