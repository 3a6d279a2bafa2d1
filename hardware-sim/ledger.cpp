#include "ledger.hpp"

#include <set>

namespace gavel::sim {

void Ledger::sent(std::size_t d, std::uint64_t boot, std::uint64_t seq, std::uint32_t option) {
  devices_[d].presses.push_back({boot, seq, option, false});
}

void Ledger::answered(std::size_t d, std::uint64_t boot, std::uint64_t seq, std::optional<std::uint32_t> stored) {
  Device& device = devices_[d];
  for (std::size_t i = device.presses.size(); i-- > 0;) {
    Press& p = device.presses[i];
    if (p.boot != boot || p.seq != seq) continue;
    p.answered = true;
    // The newest answer tells what the server holds; an older one arriving late does not.
    if (stored && i + 1 >= device.known_at) {
      device.known = stored;
      device.known_at = i + 1;
    }
    return;
  }
}

Ledger::Check Ledger::check(const v1::VoteResult& result) const {
  Check c;
  c.expected.assign(options_, 0);
  c.server.assign(options_, 0);
  std::vector<std::uint32_t> slack(options_, 0);  // what uncertain devices may add per option
  std::uint32_t may_be_absent = 0;                 // uncertain devices with nothing known
  for (const Device& d : devices_) {
    std::set<std::uint32_t> possible;
    for (std::size_t i = d.known_at; i < d.presses.size(); ++i)
      if (!d.presses[i].answered) possible.insert(d.presses[i].option);
    if (possible.empty()) {
      if (d.known) {
        ++c.certain;
        ++c.expected[*d.known];
      }
      continue;
    }
    ++c.uncertain;
    if (d.known) possible.insert(*d.known);
    else ++may_be_absent;
    for (std::uint32_t o : possible) ++slack[o];
  }
  // Counts come in the order of the vote's options.
  for (int i = 0; i < result.counts_size() && static_cast<std::uint32_t>(i) < options_; ++i)
    c.server[static_cast<std::size_t>(i)] = result.counts(i).count();
  c.server_cast = result.cast();
  std::uint32_t expected_cast = c.certain;
  c.passed = true;
  for (std::uint32_t o = 0; o < options_; ++o) {
    if (c.server[o] < c.expected[o] || c.server[o] > c.expected[o] + slack[o]) {
      c.passed = false;
      c.why += "option " + std::to_string(o + 1) + ": server " + std::to_string(c.server[o]) + ", ledger " +
               std::to_string(c.expected[o]) + (slack[o] ? " (+" + std::to_string(slack[o]) + " uncertain)" : "") +
               "; ";
    }
  }
  if (c.server_cast < expected_cast + (c.uncertain - may_be_absent) || c.server_cast > expected_cast + c.uncertain) {
    c.passed = false;
    c.why += "cast: server " + std::to_string(c.server_cast) + ", ledger " + std::to_string(expected_cast) +
             " certain + " + std::to_string(c.uncertain) + " uncertain; ";
  }
  return c;
}

}  // namespace gavel::sim
