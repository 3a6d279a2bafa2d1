// What the benchmarks print: latency spreads, readable numbers, and the
// summary lines scripts/bench.sh gathers into its final table.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gavel::bench {

struct Spread {
  std::size_t count = 0;
  double p50 = 0, p99 = 0, max = 0;  // milliseconds
};

// Nearest-rank percentiles of `values` (milliseconds).
Spread spread(std::vector<double> values);
std::string describe(const Spread& spread);  // "p50 0.81 ms, p99 2.10 ms, max 3.02 ms (n=5000)"

std::string grouped(double value);               // 12,345
std::string fixed(double value, int decimals);   // 1.23

// One row of the final table: "summary|what|measured|target|verdict".
void summary(std::string_view what, std::string_view measured, std::string_view target, std::string_view verdict);
inline const char* verdict(bool met) { return met ? "met" : "NOT met"; }

// One figure as the JSON line scripts/bench.sh gathers into its table.
void figure(const char* name, double value, const char* unit, double goal);
// The machine's 1, 5 and 15 minute load averages, as /proc/loadavg says them.
std::string load_average();

}  // namespace gavel::bench
