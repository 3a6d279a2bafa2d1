// How many connections each credential holds at once. A phone that comes
// back while its old connection is still timing out needs a second one; a
// client opening hundreds with one token would pin a send queue in each.
// Runs on the hall's strand.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include "net/doorkeeper.hpp"

namespace gavel::net {

class Seats {
 public:
  static constexpr std::size_t kPerParticipant = 8;  // phone, laptop, reconnects in flight
  static constexpr std::size_t kPerOfficer = 32;     // chair, secretary, display: several screens

  // Takes a seat for `who` on `connection`; false when all of its seats are taken.
  bool take(const void* connection, const Credentials& who);
  void release(const void* connection);
  std::size_t held(const Credentials& who) const;

  static std::size_t limit(const Credentials& who);

 private:
  static std::string key(const Credentials& who);
  std::unordered_map<std::string, std::size_t> held_;
  std::unordered_map<const void*, std::string> by_connection_;
};

}  // namespace gavel::net
