#include "snapshot_votes.hpp"

#include "core/tally.hpp"
#include "enums.hpp"
#include "parts.hpp"

namespace gavel::codec {

namespace {

void add_vote_record(const core::MeetingState& state, const core::Vote& vote, v1::Vote* out) {
  out->set_id(vote.id);
  out->set_item_id(vote.item_id);
  to_wire(vote.spec, out->mutable_spec());
  out->set_open(vote.open);
  out->set_opened_ms(vote.opened);
  out->set_closed_ms(vote.closed);
  // A closed vote keeps only its result (core/state.hpp).
  out->set_eligible(vote.result ? vote.result->eligible : static_cast<std::uint32_t>(vote.eligible.size()));
  out->set_cast(vote.result ? vote.result->cast : static_cast<std::uint32_t>(vote.voters.size()));
  out->set_recused(vote.recused);
  const core::DecisionRule rule = core::decision_rule(vote.spec);
  out->set_rule(to_wire(rule));
  to_wire(core::rule_words(rule), out->mutable_rule_words());
  const std::string group = core::veto_group(state, vote);
  out->set_veto_group(group);
  if (!group.empty()) to_wire(core::veto_words(group), out->mutable_veto_words());
  out->set_quorate_at_open(vote.quorate_at_open);
}

// While a vote is open a named vote shows its running count. A secret one
// shows turnout only, or the last batched live tally: counting its ballot box
// now would let anyone watching the count change learn each voter's choice.
void add_open_vote(const core::MeetingState& state, const core::Vote& vote, v1::Vote* out) {
  add_vote_record(state, vote, out);
  if (!vote.spec.secret)
    to_wire(core::count_ballots(state, vote), out->mutable_counts());
  else if (vote.spec.live_tally && state.info.live_tally_allowed)
    to_wire(vote.live_counts, out->mutable_counts());
}

void add_closed_vote(const core::MeetingState& state, const core::Vote& vote, v1::Vote* out) {
  add_vote_record(state, vote, out);
  if (!vote.result) return;
  to_wire(vote.result->counts, out->mutable_counts());
  to_wire(*vote.result, out->mutable_result());
}

void add_motion(const core::Motion& motion, v1::Motion* out) {
  out->set_id(motion.id);
  out->set_item_id(motion.item_id);
  out->set_amends(motion.amends);
  out->set_mover_id(motion.mover_id);
  out->set_seconder_id(motion.seconder_id);
  out->set_text(motion.text);
  out->set_state(to_wire(motion.state));
  out->set_moved_ms(motion.moved);
}

void add_resolution(const core::Resolution& resolution, v1::Resolution* out) {
  out->set_id(resolution.id);
  out->set_item_id(resolution.item_id);
  out->set_motion_id(resolution.motion_id);
  out->set_vote_id(resolution.vote_id);
  out->set_text(resolution.text);
  out->set_responsible(resolution.responsible);
  out->set_deadline(resolution.deadline);
  out->set_recorded_ms(resolution.recorded);
  out->set_status(to_wire(resolution.status));
  out->set_status_note(resolution.status_note);
  out->set_status_ms(resolution.status_changed);
}

}  // namespace

void add_decisions(const core::MeetingState& state, v1::MeetingSnapshot* out) {
  for (const core::Motion& motion : state.motions) add_motion(motion, out->add_motions());
  for (const core::Vote& vote : state.votes)
    if (!vote.open) add_closed_vote(state, vote, out->add_votes());
  if (const core::Vote* vote = state.open_vote()) add_open_vote(state, *vote, out->mutable_current_vote());
  for (const core::Resolution& r : state.resolutions) add_resolution(r, out->add_resolutions());
}

}  // namespace gavel::codec
