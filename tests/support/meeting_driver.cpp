#include "support/meeting_driver.hpp"

#include <gtest/gtest.h>

#include "support/describe.hpp"

namespace gavel::test {

using namespace core;

Actor chair() { return Actor{Role::chair, {}}; }
Actor secretary() { return Actor{Role::secretary, {}}; }
Actor display() { return Actor{Role::display, {}}; }
Actor participant(std::string id) { return Actor{Role::participant, std::move(id)}; }
Actor clicker(std::string id) { return Actor{Role::clicker, std::move(id)}; }

std::string what(const Command& command, const Actor& actor) {
  std::string s = std::string(command_name(command)) + " by " + name_of(actor.role);
  if (!actor.participant_id.empty()) s += " " + actor.participant_id;
  return s;
}

MeetingDriver::MeetingDriver(MeetingSetup setup) : setup_(std::move(setup)), meeting_(setup_) {}

Result<Decision> MeetingDriver::send(const Command& command, const Actor& actor) {
  Result<Decision> r = meeting_.handle(command, actor, clock.now());
  if (r) record_.push_back(Step{r.value().events, r.value().secret_ballots, r.value().veto});
  return r;
}

Decision MeetingDriver::ok(const Command& command, const Actor& actor, test::Where where) {
  Result<Decision> r = send(command, actor);
  if (!r) {
    ADD_FAILURE_AT(where.file_name(), where.line())
        << what(command, actor) << " was refused: " << name_of(r.error().code) << " — "
        << r.error().message_en;
    return {};
  }
  return std::move(r).value();
}

void MeetingDriver::rejects(const Command& command, const Actor& actor, ErrorCode code,
                            test::Where where) {
  const std::string before = describe(meeting_.state());
  const std::size_t steps = record_.size();
  Result<Decision> r = send(command, actor);
  const char* file = where.file_name();
  const int line = where.line();
  if (r) {
    ADD_FAILURE_AT(file, line) << what(command, actor) << " was accepted with "
                               << r.value().events.size() << " event(s); expected "
                               << name_of(code);
    return;
  }
  if (r.error().code != code)
    ADD_FAILURE_AT(file, line) << what(command, actor) << " was refused with "
                               << name_of(r.error().code) << " (" << r.error().message_en
                               << "); expected " << name_of(code);
  if (r.error().message_en.empty() || r.error().message_zh.empty())
    ADD_FAILURE_AT(file, line) << what(command, actor) << ": the error has no message";
  const std::string after = describe(meeting_.state());
  if (after != before)
    ADD_FAILURE_AT(file, line) << what(command, actor)
                               << " was refused but changed the state.\nbefore:\n"
                               << before << "after:\n"
                               << after;
  if (record_.size() != steps)
    ADD_FAILURE_AT(file, line) << what(command, actor) << " was refused but recorded a step";
}

void MeetingDriver::start(test::Where where) { ok(cmd::StartMeeting{}, chair(), where); }

void MeetingDriver::check_in(const std::vector<std::string>& ids, test::Where where) {
  for (const std::string& id : ids) ok(cmd::CheckIn{id}, chair(), where);
}

void MeetingDriver::check_in_fixed_members(test::Where where) {
  for (const Participant& p : setup_.roster)
    if (!p.invited) ok(cmd::CheckIn{p.id}, chair(), where);
}

void MeetingDriver::open(const std::string& item_id, test::Where where) {
  ok(cmd::OpenItem{item_id}, chair(), where);
}

std::vector<Event> MeetingDriver::events() const {
  std::vector<Event> all;
  for (const Step& step : record_) all.insert(all.end(), step.events.begin(), step.events.end());
  return all;
}

Meeting MeetingDriver::replay() const {
  Meeting fresh(setup_);
  for (const Step& step : record_) {
    for (const Event& e : step.events) fresh.apply(e);
    for (const SecretBallot& b : step.ballots) fresh.apply(b);
    if (step.veto) fresh.apply(*step.veto);
  }
  return fresh;
}

core::cmd::SignMinutes signing(const core::MeetingState& state, std::string signed_by) {
  return core::cmd::SignMinutes{std::move(signed_by), std::string(64, '5'), state.seq};
}

}  // namespace gavel::test
