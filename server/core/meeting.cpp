#include "meeting.hpp"

#include "decider.hpp"
#include "live_tally.hpp"
#include "permissions.hpp"
#include "tally.hpp"

namespace gavel::core {

Meeting::Meeting(const MeetingSetup& setup) {
  state_.info = setup.info;
  for (const Participant& p : setup.roster) {
    state_.roster_index[p.id] = state_.roster.size();
    state_.roster.push_back(Member{p, false});
  }
  for (const AgendaItem& a : setup.agenda) {
    state_.agenda_index[a.id] = state_.agenda.size();
    state_.agenda.push_back(Item{a, ItemState::pending, {}, {}});
  }
  for (const auto& [item_id, opinion] : setup.opinions)
    if (Item* item = state_.item(item_id)) item->opinions.push_back(opinion);
}

namespace {
std::string actor_label(const Actor& actor) {
  switch (actor.role) {
    case Role::chair: return "chair";
    case Role::secretary: return "secretary";
    case Role::display: return "display";
    default: return actor.participant_id;
  }
}
}  // namespace

Result<Decision> Meeting::handle(const Command& command, const Actor& actor, Millis now) {
  if (!allowed(actor.role, command))
    return make_error(ErrorCode::not_allowed, "当前身份无权执行此操作",
                      std::string("this role may not ") + command_name(command));
  if ((actor.role == Role::participant || actor.role == Role::clicker) &&
      !state_.member(actor.participant_id))
    return make_error(ErrorCode::unauthenticated, "不在名单中", "not on the roster");

  Decided decided = std::visit(Decider{state_, actor, now}, command);
  if (!decided) return decided.error();

  Decision decision;
  decision.created_id = decided.value().created_id;
  decision.receipt = std::move(decided.value().receipt);
  decision.secret_ballots = std::move(decided.value().secret_ballots);
  decision.notices = std::move(decided.value().notices);
  for (EventBody& body : decided.value().events) {
    Event event{state_.seq + 1, now, actor_label(actor), std::move(body)};
    apply(event);
    decision.events.push_back(std::move(event));
  }
  for (const SecretBallot& ballot : decision.secret_ballots) fold(ballot);
  if (const auto& voice = decided.value().veto_voice) {
    for (Vote& vote : state_.votes) {
      if (vote.id != voice->vote_id) continue;
      if (voice->no) vote.veto_no.insert(voice->receipt);
      else vote.veto_no.erase(voice->receipt);
      decision.veto = VetoStanding{vote.id, vote.veto_restored || !vote.veto_no.empty()};
    }
  }
  return decision;
}

}  // namespace gavel::core

namespace gavel::core {

Result<Decision> Meeting::publish_live_tally(Millis now) {
  auto due = live_tally_due(state_);
  if (!due || now < *due) return make_error(ErrorCode::invalid_state, "暂无实时计票", "no live tally is due");
  const Vote& vote = *state_.open_vote();
  ev::LiveTally tally{vote.id, count_ballots(state_, vote), static_cast<std::uint32_t>(vote.voters.size())};
  Decision decision;
  decision.events.push_back(Event{state_.seq + 1, now, "", std::move(tally)});
  apply(decision.events.back());
  return decision;
}

}  // namespace gavel::core
