// Carries out a parsed invocation against gaveld: connect, send or show,
// print. Runs on the main thread; `watch` returns once `stop` is set (by the
// SIGINT handler) or the connection ends.
#pragma once

#include <atomic>
#include <ostream>

#include "invocation.hpp"

namespace gavel::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // the server refused, or the connection failed
inline constexpr int kExitUsage = 2;

int run(const Invocation& invocation, std::ostream& out, std::ostream& err, const std::atomic<bool>& stop);

}  // namespace gavel::cli
