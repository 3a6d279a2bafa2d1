// Whose receipt is whose in the open vote, and what each press id asked for:
// so that a receipt changes only its owner's ballot, a repeated press gets
// its receipt back, and a press id reused for another choice is refused
// instead of being silently dropped. In memory only, never stored or logged,
// and for one vote: after a restart it is empty and ballots cannot be
// changed (docs/voting.md). Runs on the hall's strand.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "core/commands.hpp"
#include "core/result.hpp"
#include "core/state.hpp"

namespace gavel::net {

class ReceiptBook {
 public:
  // Why `participant` may not cast `ballot` as sent, if they may not; forgets
  // the previous vote's entries once another vote (or none) is open.
  std::optional<core::Error> refuse(const core::MeetingState& state, const std::string& participant,
                                    const core::cmd::CastBallot& ballot);
  // After the ballot is durable. `receipt` is empty for an open vote.
  void recorded(const std::string& participant, const core::cmd::CastBallot& ballot, const std::string& receipt);
  // The participant's receipt in the open vote, or empty.
  std::string receipt_of(const std::string& participant) const;

 private:
  struct Pressed {
    std::vector<std::uint32_t> choices;
    std::string reason;
  };
  core::Id vote_ = 0;
  std::unordered_map<std::string, std::string> receipts_;  // participant → receipt
  std::unordered_map<std::string, Pressed> presses_;       // participant + press id → what it asked for
};

}  // namespace gavel::net
