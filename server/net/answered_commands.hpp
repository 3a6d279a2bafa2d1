// Commands already answered, by their idempotency key (ClientMessage.
// command_key): a page that lost its connection before the answer sends the
// same command again with the same key, and must get the first answer back
// instead of having the command run twice. The hall runs a new command with
// the stand-in peer this gives it; the stand-in keeps the answer it is sent
// and passes it on. A repeat that arrives while the first is still being
// made durable is answered when the first is. Keys are per sender (role and
// participant), the newest kPerSender of each are kept, in memory only: a
// restart forgets them. On the hall's strand, like the hall.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "net/peer.hpp"

namespace gavel::net {

class AnsweredCommands {
 public:
  static constexpr std::size_t kPerSender = 64;
  static constexpr std::size_t kMaxKey = 64;

  // The peer to run the command with: `peer` itself when there is no key
  // (or an unusable one), a stand-in that remembers the answer for a new
  // key, or nullptr for a repeat, which is answered here (now, or once the
  // first answer comes) under its own request id.
  std::shared_ptr<Peer> admit(const std::shared_ptr<Peer>& peer, const std::string& sender,
                              std::uint64_t request_id, const std::string& key);

  std::size_t remembered() const { return entries_.size(); }

 private:
  class StandIn;
  struct Waiter {
    std::weak_ptr<Peer> peer;
    std::uint64_t request_id = 0;
  };
  struct Entry {
    std::shared_ptr<StandIn> stand_in;  // until the first answer
    Frame answer;                       // then the answer as first sent
    std::vector<Waiter> waiters;        // repeats waiting for it
  };
  void answered(const std::string& entry_key, const Frame& frame);
  static void deliver_as(const Waiter& waiter, const Frame& answer);

  std::unordered_map<std::string, Entry> entries_;                // sender '\n' key → entry
  std::unordered_map<std::string, std::deque<std::string>> order_;  // sender → its keys, oldest first
};

}  // namespace gavel::net
