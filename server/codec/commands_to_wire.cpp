// Engine commands onto the wire, one overload per command, so a command
// added to the engine without a wire form does not compile.
#include "codec/codec.hpp"
#include "enums.hpp"
#include "parts.hpp"

namespace gavel::codec {

namespace {

namespace cmd = core::cmd;

struct Encoder {
  v1::Command* out;

  void operator()(const cmd::StartMeeting&) const { out->mutable_start_meeting(); }
  void operator()(const cmd::EndMeeting& c) const { out->mutable_end_meeting()->set_force(c.force); }
  void operator()(const cmd::OpenItem& c) const { out->mutable_open_item()->set_item_id(c.item_id); }
  void operator()(const cmd::CloseItem&) const { out->mutable_close_item(); }
  void operator()(const cmd::NextItem&) const { out->mutable_next_item(); }
  void operator()(const cmd::AttachOpinion& c) const {
    auto* w = out->mutable_attach_opinion();
    w->set_item_id(c.item_id);
    w->set_author(c.author);
    w->set_text(c.text);
  }
  void operator()(const cmd::CheckIn& c) const {
    out->mutable_check_in()->set_participant_id(c.participant_id);
  }
  void operator()(const cmd::CheckOut& c) const {
    out->mutable_check_out()->set_participant_id(c.participant_id);
  }
  void operator()(const cmd::DeclareInterest& c) const {
    auto* w = out->mutable_declare_interest();
    w->set_item_id(c.item_id);
    w->set_participant_id(c.participant_id);
  }
  void operator()(const cmd::RequestFloor& c) const {
    auto* w = out->mutable_request_floor();
    w->set_kind(to_wire(c.kind));
    w->set_participant_id(c.participant_id);
  }
  void operator()(const cmd::WithdrawRequest& c) const {
    out->mutable_withdraw_request()->set_request_id(c.request_id);
  }
  void operator()(const cmd::GrantFloor& c) const {
    auto* w = out->mutable_grant_floor();
    w->set_request_id(c.request_id);
    w->set_participant_id(c.participant_id);
  }
  void operator()(const cmd::NextSpeaker&) const { out->mutable_next_speaker(); }
  void operator()(const cmd::MoveRequest& c) const {
    auto* w = out->mutable_move_request();
    w->set_request_id(c.request_id);
    w->set_position(c.position);
  }
  void operator()(const cmd::RemoveRequest& c) const {
    out->mutable_remove_request()->set_request_id(c.request_id);
  }
  void operator()(const cmd::CloseList&) const { out->mutable_close_list(); }
  void operator()(const cmd::ReopenList&) const { out->mutable_reopen_list(); }
  void operator()(const cmd::PauseTimer&) const { out->mutable_pause_timer(); }
  void operator()(const cmd::ResumeTimer&) const { out->mutable_resume_timer(); }
  void operator()(const cmd::ExtendTimer& c) const {
    out->mutable_extend_timer()->set_seconds(c.seconds);
  }
  void operator()(const cmd::EndSpeech&) const { out->mutable_end_speech(); }
  void operator()(const cmd::RecordDissent& c) const {
    auto* w = out->mutable_record_dissent();
    w->set_item_id(c.item_id);
    w->set_kind(to_wire(c.kind));
    w->set_participant_id(c.participant_id);
    w->set_text(c.text);
    w->set_anonymous(c.anonymous);
    w->set_motion_id(c.motion_id);
  }
  void operator()(const cmd::ReplyDissent& c) const {
    auto* w = out->mutable_reply_dissent();
    w->set_dissent_id(c.dissent_id);
    w->set_reply(c.reply);
  }
  void operator()(const cmd::ProposeMotion& c) const {
    auto* w = out->mutable_propose_motion();
    w->set_text(c.text);
    w->set_amends(c.amends);
    w->set_mover_id(c.mover_id);
  }
  void operator()(const cmd::SecondMotion& c) const {
    auto* w = out->mutable_second_motion();
    w->set_motion_id(c.motion_id);
    w->set_seconder_id(c.seconder_id);
  }
  void operator()(const cmd::WithdrawMotion& c) const {
    out->mutable_withdraw_motion()->set_motion_id(c.motion_id);
  }
  void operator()(const cmd::OpenVote& c) const {
    to_wire(c.spec, out->mutable_open_vote()->mutable_spec());
  }
  void operator()(const cmd::CloseVote&) const { out->mutable_close_vote(); }
  void operator()(const cmd::CastBallot& c) const {
    auto* w = out->mutable_cast_ballot();
    w->set_vote_id(c.vote_id);
    w->mutable_choices()->Add(c.choices.begin(), c.choices.end());
    w->set_reason(c.reason);
    w->set_receipt(c.receipt);
    w->set_press_id(c.press_id);
  }
  void operator()(const cmd::RecordResolution& c) const {
    auto* w = out->mutable_record_resolution();
    w->set_motion_id(c.motion_id);
    w->set_text(c.text);
    w->set_responsible(c.responsible);
    w->set_deadline(c.deadline);
  }
  void operator()(const cmd::UpdateResolution& c) const {
    auto* w = out->mutable_update_resolution();
    w->set_resolution_id(c.resolution_id);
    w->set_status(to_wire(c.status));
    w->set_note(c.note);
  }
  void operator()(const cmd::SignMinutes& c) const {
    out->mutable_sign_minutes()->set_signed_by(c.signed_by);
  }
  void operator()(const cmd::DeferItem& c) const { out->mutable_defer_item()->set_item_id(c.item_id); }
  void operator()(const cmd::ReopenItem& c) const { out->mutable_reopen_item()->set_item_id(c.item_id); }
  void operator()(const cmd::EditMinutes& c) const {
    auto* w = out->mutable_edit_minutes();
    w->set_kind(to_wire(c.kind));
    w->set_target(c.target);
    w->set_text(c.text);
  }
};

}  // namespace

void to_wire(const core::Command& command, v1::Command* out) {
  out->Clear();
  std::visit(Encoder{out}, command);
}

}  // namespace gavel::codec
