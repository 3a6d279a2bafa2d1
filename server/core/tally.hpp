// Counting a vote: per-choice counts (plain and weighted), the threshold,
// the veto group, quorum and the outcome. Pure functions of the vote record.
#pragma once

#include <vector>

#include "state.hpp"

namespace gavel::core {

// The options a ballot form offers when the chair gives none.
std::vector<std::string> default_options(BallotForm form);
// Indexes into the yes/no/abstain and consensus option lists.
constexpr std::uint32_t kYes = 0, kNo = 1, kAbstain = 2;
constexpr std::uint32_t kAgree = 0, kLiveWith = 1, kBlock = 2;

std::vector<ChoiceCount> count_ballots(const MeetingState& state, const Vote& vote);
VoteResult tally(const MeetingState& state, const Vote& vote, bool quorate_at_close);
// The rule the spec's threshold means for its ballot form.
DecisionRule decision_rule(const VoteSpec& spec);
// The group whose "no" vetoes this vote: the spec's, else the item's; empty
// when none applies (a veto applies to yes/no/abstain votes only).
std::string veto_group(const MeetingState& state, const Vote& vote);
std::string veto_group(const VoteSpec& spec, const Item* item);

}  // namespace gavel::core
