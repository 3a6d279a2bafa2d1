// The server's one reading of the wall clock, in Unix ms. The engine never
// reads a clock: the adapters pass it this time.
#pragma once

#include <chrono>

#include "core/types.hpp"

namespace gavel::net {

inline core::Millis wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace gavel::net
