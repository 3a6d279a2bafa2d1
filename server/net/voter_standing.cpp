#include "voter_standing.hpp"

#include <algorithm>

namespace gavel::net {

v1::VoterStanding standing_of(const core::MeetingState& state, const std::string& participant,
                              const std::string& receipt) {
  v1::VoterStanding standing;
  const core::Vote* vote = state.open_vote();
  if (!vote || participant.empty()) return standing;
  standing.set_vote_id(vote->id);
  standing.set_eligible(std::find(vote->eligible.begin(), vote->eligible.end(), participant) != vote->eligible.end());
  bool voted = vote->voters.count(participant) > 0;
  standing.set_voted(voted);
  if (!voted) return standing;
  if (!vote->spec.secret) {
    standing.set_may_change(true);
    return standing;
  }
  // A secret ballot changes only with its receipt, and not once read back after a restart.
  bool known = !receipt.empty() && vote->secret.count(receipt) && !vote->restored.count(receipt);
  standing.set_may_change(known);
  if (known) standing.set_receipt(receipt);
  return standing;
}

void mark_voted_clickers(const core::MeetingState& state, v1::ClickerFleet* fleet) {
  const core::Vote* vote = state.open_vote();
  for (v1::ClickerDevice& device : *fleet->mutable_devices())
    device.set_voted(vote && !device.pool() && !device.participant_id().empty() &&
                     vote->voters.count(device.participant_id()) > 0);
}

}  // namespace gavel::net
