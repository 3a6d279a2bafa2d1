// How long to wait before the next reconnect attempt: quick at first, since
// a restarted gaveld is back within a second, then capped so a projector
// left waiting still finds the server soon after it returns. Jittered so
// several displays do not knock in step. Used on the network thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace gavel::display {

class Backoff {
 public:
  static constexpr std::chrono::milliseconds kFirst{200};
  static constexpr std::chrono::milliseconds kMax{2000};

  explicit Backoff(std::uint32_t seed) : random_(seed) {}

  // The wait after one more failure: kFirst, doubling up to kMax, each ±20%.
  std::chrono::milliseconds next();
  void reset() { failures_ = 0; }

 private:
  int failures_ = 0;
  std::minstd_rand random_;
};

}  // namespace gavel::display
