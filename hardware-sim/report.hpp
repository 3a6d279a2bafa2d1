// The end-of-run report: what the devices did and saw, the ack latencies,
// the reconnects, and the ledger check against the server's result.
#pragma once

#include <ostream>

#include "fleet.hpp"
#include "knobs.hpp"
#include "ledger.hpp"

namespace gavel::sim {

void print_report(std::ostream& out, const Knobs& knobs, const Stats& stats, const Ledger::Check& check,
                  std::uint32_t checked_in_at_desk, double seconds, double cpu_seconds);

}  // namespace gavel::sim
