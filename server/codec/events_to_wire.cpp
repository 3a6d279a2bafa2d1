// Engine events onto the wire, one overload per event, so an event added to
// the engine without a wire form does not compile.
#include "codec/codec.hpp"
#include "core/notice.hpp"
#include "core/tally.hpp"
#include "enums.hpp"
#include "parts.hpp"

namespace gavel::codec {

namespace {

namespace ev = core::ev;

struct Encoder {
  v1::Event* out;

  void operator()(const ev::MeetingStarted&) const { out->mutable_meeting_started(); }
  void operator()(const ev::MeetingEnded& e) const {
    v1::MeetingEnded* w = out->mutable_meeting_ended();
    w->mutable_not_reached()->Add(e.not_reached.begin(), e.not_reached.end());
    w->set_forced(e.forced);
  }
  void operator()(const ev::ItemOpened& e) const { out->mutable_item_opened()->set_item_id(e.item_id); }
  void operator()(const ev::ItemClosed& e) const { out->mutable_item_closed()->set_item_id(e.item_id); }
  void operator()(const ev::OpinionAttached& e) const {
    auto* w = out->mutable_opinion_attached();
    w->set_item_id(e.item_id);
    w->set_author(e.author);
    w->set_text(e.text);
  }
  void operator()(const ev::CheckedIn& e) const {
    out->mutable_checked_in()->set_participant_id(e.participant_id);
  }
  void operator()(const ev::CheckedOut& e) const {
    out->mutable_checked_out()->set_participant_id(e.participant_id);
  }
  void operator()(const ev::InterestDeclared& e) const {
    auto* w = out->mutable_interest_declared();
    w->set_item_id(e.item_id);
    w->set_participant_id(e.participant_id);
  }
  void operator()(const ev::FloorRequested& e) const {
    auto* w = out->mutable_floor_requested();
    w->set_request_id(e.request_id);
    w->set_participant_id(e.participant_id);
    w->set_kind(to_wire(e.kind));
    w->set_press_id(e.press_id);
  }
  void operator()(const ev::RequestWithdrawn& e) const {
    out->mutable_request_withdrawn()->set_request_id(e.request_id);
    out->mutable_request_withdrawn()->set_press_id(e.press_id);
  }
  void operator()(const ev::RequestRemoved& e) const {
    out->mutable_request_removed()->set_request_id(e.request_id);
  }
  void operator()(const ev::RequestMoved& e) const {
    auto* w = out->mutable_request_moved();
    w->set_request_id(e.request_id);
    w->set_position(e.position);
  }
  void operator()(const ev::ListClosed&) const { out->mutable_list_closed(); }
  void operator()(const ev::ListReopened&) const { out->mutable_list_reopened(); }
  void operator()(const ev::SpeechStarted& e) const {
    auto* w = out->mutable_speech_started();
    w->set_speech_id(e.speech_id);
    w->set_request_id(e.request_id);
    w->set_participant_id(e.participant_id);
    w->set_kind(to_wire(e.kind));
    w->set_limit_s(e.limit_s);
  }
  void operator()(const ev::SpeechPaused&) const { out->mutable_speech_paused(); }
  void operator()(const ev::SpeechResumed&) const { out->mutable_speech_resumed(); }
  void operator()(const ev::SpeechExtended& e) const {
    out->mutable_speech_extended()->set_seconds(e.seconds);
  }
  void operator()(const ev::SpeechEnded& e) const {
    out->mutable_speech_ended()->set_speech_id(e.speech_id);
  }
  void operator()(const ev::DissentRecorded& e) const {
    auto* w = out->mutable_dissent_recorded();
    w->set_dissent_id(e.dissent_id);
    w->set_item_id(e.item_id);
    w->set_kind(to_wire(e.kind));
    w->set_participant_id(e.participant_id);
    w->set_text(e.text);
    w->set_motion_id(e.motion_id);
  }
  void operator()(const ev::DissentReplied& e) const {
    auto* w = out->mutable_dissent_replied();
    w->set_dissent_id(e.dissent_id);
    w->set_reply(e.reply);
  }
  void operator()(const ev::MotionProposed& e) const {
    auto* w = out->mutable_motion_proposed();
    w->set_motion_id(e.motion_id);
    w->set_item_id(e.item_id);
    w->set_amends(e.amends);
    w->set_mover_id(e.mover_id);
    w->set_text(e.text);
  }
  void operator()(const ev::MotionSeconded& e) const {
    auto* w = out->mutable_motion_seconded();
    w->set_motion_id(e.motion_id);
    w->set_seconder_id(e.seconder_id);
  }
  void operator()(const ev::MotionWithdrawn& e) const {
    out->mutable_motion_withdrawn()->set_motion_id(e.motion_id);
  }
  void operator()(const ev::VoteOpened& e) const {
    auto* w = out->mutable_vote_opened();
    w->set_vote_id(e.vote_id);
    to_wire(e.spec, w->mutable_spec());
    w->mutable_eligible()->Add(e.eligible.begin(), e.eligible.end());
    w->set_quorate(e.quorate);
    const core::DecisionRule rule = core::decision_rule(e.spec);
    w->set_rule(to_wire(rule));
    to_wire(core::rule_words(rule), w->mutable_rule_words());
  }
  void operator()(const ev::BallotRecorded& e) const {
    auto* w = out->mutable_ballot_recorded();
    w->set_vote_id(e.vote_id);
    w->set_participant_id(e.participant_id);
    w->mutable_choices()->Add(e.choices.begin(), e.choices.end());
    w->set_changed(e.changed);
    w->set_press_id(e.press_id);
  }
  void operator()(const ev::VoteClosed& e) const {
    auto* w = out->mutable_vote_closed();
    w->set_vote_id(e.vote_id);
    to_wire(e.result, w->mutable_result());
  }
  void operator()(const ev::LiveTally& e) const {
    auto* w = out->mutable_live_tally();
    w->set_vote_id(e.vote_id);
    to_wire(e.counts, w->mutable_counts());
    w->set_cast(e.cast);
  }
  void operator()(const ev::ResolutionRecorded& e) const {
    auto* w = out->mutable_resolution_recorded();
    w->set_resolution_id(e.resolution_id);
    w->set_item_id(e.item_id);
    w->set_motion_id(e.motion_id);
    w->set_vote_id(e.vote_id);
    w->set_text(e.text);
    w->set_responsible(e.responsible);
    w->set_deadline(e.deadline);
  }
  void operator()(const ev::ResolutionUpdated& e) const {
    auto* w = out->mutable_resolution_updated();
    w->set_resolution_id(e.resolution_id);
    w->set_status(to_wire(e.status));
    w->set_note(e.note);
  }
  void operator()(const ev::MinutesSigned& e) const {
    auto* w = out->mutable_minutes_signed();
    w->set_signed_by(e.signed_by);
    w->set_version(e.version);
    w->set_content_sha256(e.content_sha256);
    w->set_head_seq(e.head_seq);
    w->set_head_sha256(e.head_sha256);
    w->set_signature(e.signature);
    w->set_key_fingerprint(e.key_fingerprint);
  }
  void operator()(const ev::MinutesEdited& e) const {
    auto* w = out->mutable_minutes_edited();
    w->set_kind(to_wire(e.kind));
    w->set_target(e.target);
    w->set_text(e.text);
  }
  void operator()(const ev::ItemDeferred& e) const { out->mutable_item_deferred()->set_item_id(e.item_id); }
  void operator()(const ev::ItemReopened& e) const { out->mutable_item_reopened()->set_item_id(e.item_id); }
};

}  // namespace

void to_wire(const core::Event& event, v1::Event* out) {
  out->Clear();
  out->set_seq(event.seq);
  out->set_at_ms(event.at);
  out->set_actor_id(event.actor);
  std::visit(Encoder{out}, event.body);
}

}  // namespace gavel::codec
