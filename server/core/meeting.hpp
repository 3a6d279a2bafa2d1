// The meeting engine: commands in, events out, state = fold(events).
// Pure and single-threaded: no I/O, no clock, no randomness. The caller
// passes the time and, for secret ballots, a fresh random receipt; the same
// events folded over the same setup always give the same state.
#pragma once

#include "commands.hpp"
#include "events.hpp"
#include "result.hpp"
#include "state.hpp"

namespace gavel::core {

class Meeting {
 public:
  explicit Meeting(const MeetingSetup& setup);
  // Goes on from a state folded earlier (a checkpoint): the same as folding
  // the events that gave it over the setup.
  explicit Meeting(MeetingState folded) : state_(std::move(folded)) {}

  // Checks the actor's permission and the meeting's rules; on success the
  // events are already folded into the state. On error nothing changed.
  Result<Decision> handle(const Command& command, const Actor& actor, Millis now);

  // Publishes the open secret vote's batched live tally when one is due
  // (see live_tally.hpp); invalid_state when none is.
  Result<Decision> publish_live_tally(Millis now);

  // Folds one recorded event: replay after a restart, and inside handle().
  void apply(const Event& event);
  // Restores a secret ballot from the ballot box after a restart.
  void apply(const SecretBallot& ballot);
  // Restores whether a veto stood in an open secret vote.
  void apply(const VetoStanding& veto);

  const MeetingState& state() const { return state_; }

 private:
  void fold(const SecretBallot& ballot);

  MeetingState state_;
};

}  // namespace gavel::core
