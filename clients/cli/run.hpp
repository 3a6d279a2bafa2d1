// Carries out a parsed invocation against gaveld: connect, send or show,
// print. Runs on the main thread; `watch` returns once `stop` is set (by the
// SIGINT handler) or the connection ends.
#pragma once

#include <atomic>
#include <istream>
#include <ostream>

#include "invocation.hpp"

namespace gavel::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // the server refused, or the connection failed
inline constexpr int kExitUsage = 2;

// `in` answers the confirmation of an irreversible step, asked only when
// `interactive` (stdin is a terminal) and --yes was not given.
int run(const Invocation& invocation, std::ostream& out, std::ostream& err, std::istream& in,
        const std::atomic<bool>& stop);
int run(const Invocation& invocation, std::ostream& out, std::ostream& err, std::istream& in, bool interactive,
        const std::atomic<bool>& stop);

}  // namespace gavel::cli
