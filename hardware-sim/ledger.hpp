// The simulator's own ledger of the vote: every vote press each device sent,
// and what the server said it stored. At the end it is checked against the
// server's result: every ballot the server acknowledged is counted exactly
// once and the tally equals the ledger. A device whose last press got no
// answer at all (it gave up, or reset) leaves its ballot uncertain between
// what was last acknowledged and what it sent after; the check allows
// exactly those and says how many there were. Pure, single-threaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gavel/v1/meeting.pb.h"

namespace gavel::sim {

class Ledger {
 public:
  explicit Ledger(std::size_t devices, std::uint32_t options) : devices_(devices), options_(options) {}

  // A vote press left device `d`.
  void sent(std::size_t d, std::uint64_t boot, std::uint64_t seq, std::uint32_t option);
  // The server's answer to (boot, seq) of device `d`; `stored`: the choice it
  // says it holds now, if it said.
  void answered(std::size_t d, std::uint64_t boot, std::uint64_t seq, std::optional<std::uint32_t> stored);

  struct Check {
    bool passed = false;
    std::uint32_t certain = 0;    // devices whose ballot the ledger knows
    std::uint32_t uncertain = 0;  // devices whose last press had no answer
    std::vector<std::uint32_t> expected;  // per option, from the certain devices
    std::vector<std::uint32_t> server;    // per option, from the result
    std::uint32_t server_cast = 0;
    std::string why;              // what did not match
  };
  Check check(const v1::VoteResult& result) const;

 private:
  struct Press {
    std::uint64_t boot = 0, seq = 0;
    std::uint32_t option = 0;
    bool answered = false;
  };
  struct Device {
    std::vector<Press> presses;  // in the order sent
    std::optional<std::uint32_t> known;
    std::size_t known_at = 0;    // index + 1 of the press whose answer said `known`
  };
  std::vector<Device> devices_;
  std::uint32_t options_;
};

}  // namespace gavel::sim
