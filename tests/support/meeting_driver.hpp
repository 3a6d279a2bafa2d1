// MeetingDriver: a Meeting, a FakeClock and a record of everything the
// engine accepted, with GoogleTest-aware helpers:
//
//   MeetingDriver m(sample_setup());
//   m.ok(cmd::StartMeeting{}, chair());                     // fails the test if refused
//   m.rejects(cmd::StartMeeting{}, chair(), ErrorCode::invalid_state);
//                                                          // fails if accepted or if the
//                                                          // state or the log changed
//   m.clock.advance_s(30);
//   Meeting replayed = m.replay();                          // fresh fold of the record
//
// Failures point at the caller's line (test::Where).
#pragma once

#include <string>
#include <vector>

#include "core/meeting.hpp"
#include "support/fake_clock.hpp"
#include "support/meeting_builder.hpp"
#include "support/where.hpp"

namespace gavel::test {

core::Actor chair();
core::Actor secretary();
core::Actor display();
core::Actor participant(std::string id);
core::Actor clicker(std::string id);

// One accepted command's output, in the order handle() folded it.
struct Step {
  std::vector<core::Event> events;
  std::vector<core::SecretBallot> ballots;
  std::optional<core::VetoStanding> veto;
};

class MeetingDriver {
 public:
  explicit MeetingDriver(core::MeetingSetup setup = sample_setup());

  // Sends at clock.now(); records what was accepted.
  core::Result<core::Decision> send(const core::Command& command, const core::Actor& actor);

  // Sends and expects acceptance; on refusal the test fails with the error.
  core::Decision ok(const core::Command& command, const core::Actor& actor,
                    test::Where where = test::Where::here());
  // Sends and expects refusal with `code`, and that nothing changed.
  void rejects(const core::Command& command, const core::Actor& actor, core::ErrorCode code,
               test::Where where = test::Where::here());

  // Common openings.
  void start(test::Where where = test::Where::here());
  void check_in(const std::vector<std::string>& ids,
                test::Where where = test::Where::here());
  void check_in_fixed_members(test::Where where = test::Where::here());
  void open(const std::string& item_id,
            test::Where where = test::Where::here());

  const core::MeetingState& state() const { return meeting_.state(); }
  core::Meeting& meeting() { return meeting_; }
  const core::MeetingSetup& setup() const { return setup_; }
  const std::vector<Step>& record() const { return record_; }
  std::vector<core::Event> events() const;

  // A fresh Meeting from the same setup with every recorded step folded in.
  core::Meeting replay() const;

  FakeClock clock;

 private:
  core::MeetingSetup setup_;
  core::Meeting meeting_;
  std::vector<Step> record_;
};

// The secretary's signature of the minutes as the server sends it to the
// engine: with a content hash (any 64 characters: the engine does not draft)
// and the record's current seq.
core::cmd::SignMinutes signing(const core::MeetingState& state, std::string signed_by);

// "check_in by participant elderly1" for failure messages.
std::string what(const core::Command& command, const core::Actor& actor);

}  // namespace gavel::test
