// Events from the wire: replay from the log, and C++ clients following the
// meeting. The log is ours, so no size limits; enum numbers are still checked
// because a log written by a newer server may hold values this one lacks.
#include "codec/codec.hpp"
#include "enums.hpp"
#include "parts.hpp"

namespace gavel::codec {

namespace {

using core::EventBody;
namespace ev = core::ev;

core::Result<EventBody> decode_floor_requested(const v1::FloorRequested& w) {
  auto kind = enum_from_wire<core::RequestKind>(w.kind());
  if (!kind) return kind.error();
  return EventBody{ev::FloorRequested{w.request_id(), w.participant_id(), kind.value()}};
}

core::Result<EventBody> decode_speech_started(const v1::SpeechStarted& w) {
  auto kind = enum_from_wire<core::RequestKind>(w.kind());
  if (!kind) return kind.error();
  return EventBody{
      ev::SpeechStarted{w.speech_id(), w.request_id(), w.participant_id(), kind.value(), w.limit_s()}};
}

core::Result<EventBody> decode_dissent_recorded(const v1::DissentRecorded& w) {
  auto kind = enum_from_wire<core::DissentKind>(w.kind());
  if (!kind) return kind.error();
  return EventBody{
      ev::DissentRecorded{w.dissent_id(), w.item_id(), kind.value(), w.participant_id(), w.text(),
                          w.motion_id()}};
}

core::Result<EventBody> decode_vote_opened(const v1::VoteOpened& w) {
  auto spec = from_wire(w.spec());
  if (!spec) return spec.error();
  return EventBody{
      ev::VoteOpened{w.vote_id(), std::move(spec).value(), from_wire(w.eligible()), w.quorate()}};
}

core::Result<EventBody> decode_vote_closed(const v1::VoteClosed& w) {
  auto result = from_wire(w.result());
  if (!result) return result.error();
  return EventBody{ev::VoteClosed{w.vote_id(), std::move(result).value()}};
}

EventBody decode_ballot_recorded(const v1::BallotRecorded& w) {
  return ev::BallotRecorded{w.vote_id(), w.participant_id(), from_wire(w.choices()), w.changed(),
                            w.press_id()};
}

EventBody decode_resolution_recorded(const v1::ResolutionRecorded& w) {
  return ev::ResolutionRecorded{w.resolution_id(), w.item_id(), w.motion_id(), w.vote_id(),
                                w.text(),          w.responsible(), w.deadline()};
}

core::Result<EventBody> decode(const v1::Event& w) {
  switch (w.body_case()) {
    case v1::Event::kMeetingStarted: return EventBody{ev::MeetingStarted{}};
    case v1::Event::kMeetingEnded: {
      const auto& x = w.meeting_ended();
      return EventBody{ev::MeetingEnded{from_wire(x.not_reached()), x.forced()}};
    }
    case v1::Event::kItemOpened: return EventBody{ev::ItemOpened{w.item_opened().item_id()}};
    case v1::Event::kItemClosed: return EventBody{ev::ItemClosed{w.item_closed().item_id()}};
    case v1::Event::kOpinionAttached: {
      const auto& x = w.opinion_attached();
      return EventBody{ev::OpinionAttached{x.item_id(), x.author(), x.text()}};
    }
    case v1::Event::kCheckedIn: return EventBody{ev::CheckedIn{w.checked_in().participant_id()}};
    case v1::Event::kCheckedOut: return EventBody{ev::CheckedOut{w.checked_out().participant_id()}};
    case v1::Event::kInterestDeclared: {
      const auto& x = w.interest_declared();
      return EventBody{ev::InterestDeclared{x.item_id(), x.participant_id()}};
    }
    case v1::Event::kFloorRequested: return decode_floor_requested(w.floor_requested());
    case v1::Event::kRequestWithdrawn:
      return EventBody{ev::RequestWithdrawn{w.request_withdrawn().request_id()}};
    case v1::Event::kRequestRemoved:
      return EventBody{ev::RequestRemoved{w.request_removed().request_id()}};
    case v1::Event::kRequestMoved: {
      const auto& x = w.request_moved();
      return EventBody{ev::RequestMoved{x.request_id(), x.position()}};
    }
    case v1::Event::kListClosed: return EventBody{ev::ListClosed{}};
    case v1::Event::kListReopened: return EventBody{ev::ListReopened{}};
    case v1::Event::kSpeechStarted: return decode_speech_started(w.speech_started());
    case v1::Event::kSpeechPaused: return EventBody{ev::SpeechPaused{}};
    case v1::Event::kSpeechResumed: return EventBody{ev::SpeechResumed{}};
    case v1::Event::kSpeechExtended:
      return EventBody{ev::SpeechExtended{w.speech_extended().seconds()}};
    case v1::Event::kSpeechEnded: return EventBody{ev::SpeechEnded{w.speech_ended().speech_id()}};
    case v1::Event::kDissentRecorded: return decode_dissent_recorded(w.dissent_recorded());
    case v1::Event::kDissentReplied: {
      const auto& x = w.dissent_replied();
      return EventBody{ev::DissentReplied{x.dissent_id(), x.reply()}};
    }
    case v1::Event::kMotionProposed: {
      const auto& x = w.motion_proposed();
      return EventBody{ev::MotionProposed{x.motion_id(), x.item_id(), x.amends(), x.mover_id(), x.text()}};
    }
    case v1::Event::kMotionSeconded: {
      const auto& x = w.motion_seconded();
      return EventBody{ev::MotionSeconded{x.motion_id(), x.seconder_id()}};
    }
    case v1::Event::kMotionWithdrawn:
      return EventBody{ev::MotionWithdrawn{w.motion_withdrawn().motion_id()}};
    case v1::Event::kVoteOpened: return decode_vote_opened(w.vote_opened());
    case v1::Event::kBallotRecorded: return decode_ballot_recorded(w.ballot_recorded());
    case v1::Event::kVoteClosed: return decode_vote_closed(w.vote_closed());
    case v1::Event::kLiveTally: {
      const auto& x = w.live_tally();
      return EventBody{ev::LiveTally{x.vote_id(), from_wire(x.counts()), x.cast()}};
    }
    case v1::Event::kResolutionRecorded:
      return decode_resolution_recorded(w.resolution_recorded());
    case v1::Event::kItemDeferred: return EventBody{ev::ItemDeferred{w.item_deferred().item_id()}};
    case v1::Event::kItemReopened: return EventBody{ev::ItemReopened{w.item_reopened().item_id()}};
    case v1::Event::kResolutionUpdated: {
      const auto& x = w.resolution_updated();
      auto status = enum_from_wire<core::ResolutionStatus>(x.status());
      if (!status) return status.error();
      return EventBody{ev::ResolutionUpdated{x.resolution_id(), status.value(), x.note()}};
    }
    case v1::Event::kMinutesSigned: {
      const auto& x = w.minutes_signed();
      return EventBody{ev::MinutesSigned{x.signed_by(), x.version(), x.content_sha256(), x.head_seq(),
                                         x.head_sha256(), x.signature(), x.key_fingerprint()}};
    }
    case v1::Event::kMinutesEdited: {
      const auto& x = w.minutes_edited();
      auto kind = enum_from_wire<core::MinutesEditKind>(x.kind());
      if (!kind) return kind.error();
      return EventBody{ev::MinutesEdited{kind.value(), x.target(), x.text()}};
    }
    case v1::Event::BODY_NOT_SET: break;
  }
  return core::make_error(core::ErrorCode::bad_message, "事件为空或无法识别",
                          "empty or unknown event");
}

}  // namespace

core::Result<core::Event> from_wire(const v1::Event& wire) {
  auto body = decode(wire);
  if (!body) return body.error();
  return core::Event{wire.seq(), wire.at_ms(), wire.actor_id(), std::move(body).value()};
}

}  // namespace gavel::codec
