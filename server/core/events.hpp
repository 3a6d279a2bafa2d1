// What happened. State is the fold of these events; they are what the store
// appends and what clients receive. A secret ballot's choice is never an
// event: see SecretBallot, which goes to the ballot box instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "notice.hpp"
#include "types.hpp"

namespace gavel::core::ev {

struct MeetingStarted {};
// `not_reached`: the items still pending at the end, in agenda order; they
// stay on record as not reached. `forced`: ended over an open item, speech
// or vote, which the same command closed first.
struct MeetingEnded { std::vector<std::string> not_reached; bool forced = false; };
struct ItemOpened { std::string item_id; };
struct ItemClosed { std::string item_id; };
struct OpinionAttached { std::string item_id; std::string author; std::string text; };
struct CheckedIn { std::string participant_id; };
struct CheckedOut { std::string participant_id; };
struct InterestDeclared { std::string item_id; std::string participant_id; };
struct FloorRequested { Id request_id = 0; std::string participant_id; RequestKind kind = RequestKind::contribution; };
struct RequestWithdrawn { Id request_id = 0; };
struct RequestRemoved { Id request_id = 0; };
struct RequestMoved { Id request_id = 0; std::uint32_t position = 0; };
struct ListClosed {};
struct ListReopened {};
struct SpeechStarted {
  Id speech_id = 0;
  Id request_id = 0;
  std::string participant_id;
  RequestKind kind = RequestKind::contribution;
  std::uint32_t limit_s = 0;
};
struct SpeechPaused {};
struct SpeechResumed {};
struct SpeechExtended { std::uint32_t seconds = 0; };
struct SpeechEnded { Id speech_id = 0; };
struct DissentRecorded {
  Id dissent_id = 0;
  std::string item_id;
  DissentKind kind = DissentKind::disagreement;
  std::string participant_id;
  std::string text;
  Id motion_id = 0;  // 0 also in logs written before dissent named motions
};
struct DissentReplied { Id dissent_id = 0; std::string reply; };
struct MotionProposed { Id motion_id = 0; std::string item_id; Id amends = 0; std::string mover_id; std::string text; };
struct MotionSeconded { Id motion_id = 0; std::string seconder_id; };
struct MotionWithdrawn { Id motion_id = 0; };
struct VoteOpened { Id vote_id = 0; VoteSpec spec; std::vector<std::string> eligible; bool quorate = false; };
// Named vote: who and what. Secret vote: only who took part (choices empty).
struct BallotRecorded {
  Id vote_id = 0;
  std::string participant_id;
  std::vector<std::uint32_t> choices;
  bool changed = false;
  std::string press_id;
};
struct VoteClosed { Id vote_id = 0; VoteResult result; };
struct LiveTally { Id vote_id = 0; std::vector<ChoiceCount> counts; std::uint32_t cast = 0; };
struct ResolutionRecorded {
  Id resolution_id = 0;
  std::string item_id;
  Id motion_id = 0;
  Id vote_id = 0;
  std::string text;
  std::string responsible;
  std::string deadline;
};
struct MinutesSigned {
  std::string signed_by;
  std::uint32_t version = 0;
  std::string content_sha256 = {};
  Seq head_seq = 0;
  std::string head_sha256 = {};
  std::string signature = {};
  std::string key_fingerprint = {};
};
struct MinutesEdited { MinutesEditKind kind = MinutesEditKind::note; std::string target; std::string text; };
// The chair moved a pending item to a later meeting.
struct ItemDeferred { std::string item_id; };
// The chair opened a closed (or deferred) item again.
struct ItemReopened { std::string item_id; };
struct ResolutionUpdated { Id resolution_id = 0; ResolutionStatus status = ResolutionStatus::open; std::string note; };

}  // namespace gavel::core::ev

namespace gavel::core {

using EventBody = std::variant<
    ev::MeetingStarted, ev::MeetingEnded, ev::ItemOpened, ev::ItemClosed, ev::OpinionAttached,
    ev::CheckedIn, ev::CheckedOut, ev::InterestDeclared, ev::FloorRequested,
    ev::RequestWithdrawn, ev::RequestRemoved, ev::RequestMoved, ev::ListClosed,
    ev::ListReopened, ev::SpeechStarted, ev::SpeechPaused, ev::SpeechResumed,
    ev::SpeechExtended, ev::SpeechEnded, ev::DissentRecorded, ev::DissentReplied,
    ev::MotionProposed, ev::MotionSeconded, ev::MotionWithdrawn, ev::VoteOpened,
    ev::BallotRecorded, ev::VoteClosed, ev::LiveTally, ev::ResolutionRecorded,
    ev::MinutesSigned, ev::ItemDeferred, ev::ItemReopened, ev::ResolutionUpdated, ev::MinutesEdited>;

struct Event {
  Seq seq = 0;
  Millis at = 0;
  std::string actor;  // who sent the command: participant id, "chair" or "secretary"
  EventBody body;
};

// A secret ballot as the ballot box keeps it: keyed by a random receipt, with
// no participant, no time, no order and no mark of the voter's group.
// `weight` is kept for weighted votes.
struct SecretBallot {
  Id vote_id = 0;
  std::string receipt;
  std::vector<std::uint32_t> choices;
  double weight = 1.0;
  std::string reason;  // a consensus block's reason, recorded as dissent at the close
};

// Whether a "no" from the veto group stands in an open secret vote: one bit
// per vote, all that the published result will say. Which ballots are such
// a "no" is known in memory only, while the engine runs.
struct VetoStanding {
  Id vote_id = 0;
  bool standing = false;
};

// What one accepted command produced: events for the log, and at most one
// secret ballot for the ballot box, to be made durable together.
struct Decision {
  std::vector<Event> events;
  std::vector<SecretBallot> secret_ballots;
  std::optional<VetoStanding> veto;  // with a secret ballot in a vote with a veto group
  Id created_id = 0;
  std::string receipt;  // for the voter's eyes only
  std::vector<Notice> notices;  // for the sender, with the acknowledgement
};

const char* event_name(const EventBody& body);

}  // namespace gavel::core
