// Internal to the engine: turns one permitted command into the events it
// causes, reading the state but never changing it. One overload per command,
// grouped by subject in decide_*.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "events.hpp"
#include "result.hpp"
#include "state.hpp"

namespace gavel::core {

// A secret ballot's bearing on the veto: its receipt and whether it is a
// "no" from the veto group. Folded into memory only, never stored.
struct VetoVoice {
  Id vote_id = 0;
  std::string receipt;
  bool no = false;
};

struct Draft {
  std::vector<EventBody> events;
  std::vector<SecretBallot> secret_ballots;
  std::optional<VetoVoice> veto_voice;
  Id created_id = 0;
  std::string receipt;
  std::vector<Notice> notices;
};

using Decided = Result<Draft>;

// A draft of one event, and what it created, if anything.
Draft one(EventBody event, Id created = 0);

struct Decider {
  const MeetingState& s;
  const Actor& actor;
  Millis now;

  // The participant a command acts for: the sender, or the one named by a
  // chair or secretary. Fails when nobody is named or the name is unknown.
  Result<const Member*> subject(const std::string& named) const;
  bool is_officer() const { return actor.role == Role::chair || actor.role == Role::secretary; }

  Decided operator()(const cmd::StartMeeting&) const;
  Decided operator()(const cmd::EndMeeting&) const;
  Decided operator()(const cmd::OpenItem&) const;
  Decided operator()(const cmd::CloseItem&) const;
  Decided operator()(const cmd::NextItem&) const;
  Decided operator()(const cmd::AttachOpinion&) const;
  Decided operator()(const cmd::CheckIn&) const;
  Decided operator()(const cmd::CheckOut&) const;
  Decided operator()(const cmd::DeclareInterest&) const;

  Decided operator()(const cmd::RequestFloor&) const;
  Decided operator()(const cmd::WithdrawRequest&) const;
  Decided operator()(const cmd::GrantFloor&) const;
  Decided operator()(const cmd::NextSpeaker&) const;
  Decided operator()(const cmd::MoveRequest&) const;
  Decided operator()(const cmd::RemoveRequest&) const;
  Decided operator()(const cmd::CloseList&) const;
  Decided operator()(const cmd::ReopenList&) const;
  Decided operator()(const cmd::PauseTimer&) const;
  Decided operator()(const cmd::ResumeTimer&) const;
  Decided operator()(const cmd::ExtendTimer&) const;
  Decided operator()(const cmd::EndSpeech&) const;

  Decided operator()(const cmd::RecordDissent&) const;
  Decided operator()(const cmd::ReplyDissent&) const;
  Decided operator()(const cmd::ProposeMotion&) const;
  Decided operator()(const cmd::SecondMotion&) const;
  Decided operator()(const cmd::WithdrawMotion&) const;
  Decided operator()(const cmd::RecordResolution&) const;
  Decided operator()(const cmd::UpdateResolution&) const;
  Decided operator()(const cmd::SignMinutes&) const;
  Decided operator()(const cmd::DeferItem&) const;
  Decided operator()(const cmd::ReopenItem&) const;
  Decided operator()(const cmd::EditMinutes&) const;

  Decided operator()(const cmd::OpenVote&) const;
  Decided operator()(const cmd::CloseVote&) const;
  Decided operator()(const cmd::CastBallot&) const;

  // Shared steps: the events that end the current speech or close the item.
  void end_speech_into(std::vector<EventBody>& out) const;
  Result<Ok> close_item_into(std::vector<EventBody>& out) const;
  Result<Ok> need_session() const;
  // Opening `item` without quorum goes ahead, with a notice for the chair.
  void opening_notices(const Item& item, std::vector<Notice>& out) const;
  Result<const Item*> need_open_item() const;
  // The record (dissent, opinions, resolutions) stays open until the
  // secretary signs the minutes; after that it would no longer match them.
  Result<Ok> need_unsigned_minutes() const;
};

// Short constructors for the engine's typed errors.
namespace fail {
Error not_found(const char* zh_what, const char* en_what, const std::string& id);
Error state(const char* zh, const char* en);
Error argument(const char* zh, const char* en);
Error not_present(const std::string& participant_id);
Error not_allowed(const char* zh, const char* en);
// An invited member (1+N) acting on an item they were not invited for.
Error not_invited();
}  // namespace fail

}  // namespace gavel::core
