#include "report.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace gavel::sim {

namespace {
std::string percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return "-";
  auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", sorted[std::min(i, sorted.size() - 1)]);
  return text;
}
}  // namespace

void print_report(std::ostream& out, const Knobs& knobs, const Stats& s, const Ledger::Check& check,
                  std::uint32_t desk, double seconds, double cpu) {
  std::vector<double> latency = s.latency_ms;
  std::sort(latency.begin(), latency.end());
  char line[256];
  out << "== report: " << knobs.scenario << " (" << knobs.clickers << " clickers, "
      << (knobs.mode == Mode::wifi ? "wifi" : "base stations") << ", reconnect "
      << (knobs.reconnect == Reconnect::backoff ? "backoff+jitter" : "naive 500 ms") << ")\n";
  out << "presses sent          " << s.presses << " (" << s.vote_presses << " votes, " << s.changes << " changes, "
      << s.late_presses << " after the close)\n";
  out << "copies sent           " << s.copies << " (" << s.retransmissions << " retransmissions, " << s.radio_lost
      << " lost on the radio)\n";
  out << "acknowledged          " << s.acknowledged << "\n";
  out << "rejected, shown       " << s.rejected << "\n";
  out << "failed on the device  " << s.failed << " (" << s.low_battery_refusals << " refused by a critical battery)\n";
  out << "acks lost             " << s.acks_lost << " (counted by the server, the device showed none)\n";
  out << "duplicates suppressed " << s.duplicates << " (answered as repeats by the server)\n";
  out << "ack latency ms        p50 " << percentile(latency, 0.5) << "  p95 " << percentile(latency, 0.95) << "  p99 "
      << percentile(latency, 0.99) << "  max " << percentile(latency, 1.0) << "  (" << latency.size() << " presses)\n";
  out << "reconnects            " << s.reconnects << " (" << s.reconnect_attempts << " attempts)";
  if (s.storm_recovery_ms >= 0) {
    std::snprintf(line, sizeof line, "; after the outage every link was back in %.0f ms", s.storm_recovery_ms);
    out << line;
  }
  out << "\n";
  out << "brown-outs            " << s.brownouts << "; heartbeats " << s.heartbeats << "; checked in at the desk "
      << desk << "\n";
  std::snprintf(line, sizeof line, "simulator             %.1f s, %.2f s of CPU\n", seconds, cpu);
  out << line;
  out << "server result         cast " << check.server_cast << ":";
  for (std::size_t o = 0; o < check.server.size(); ++o) out << " " << check.server[o];
  out << "\nledger                " << check.certain << " certain:";
  for (std::size_t o = 0; o < check.expected.size(); ++o) out << " " << check.expected[o];
  out << "; " << check.uncertain << " uncertain (last press unanswered)\n";
  out << "ledger check          " << (check.passed ? "PASS" : "FAIL: " + check.why) << "\n";
}

}  // namespace gavel::sim
