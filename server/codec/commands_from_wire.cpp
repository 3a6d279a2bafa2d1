// Client commands from the wire: the one place where untrusted input meets
// the engine's types, so sizes and enum numbers are checked before anything
// is converted. The engine then checks meaning (ids, state, permissions).
#include "codec/codec.hpp"
#include "enums.hpp"
#include "limits.hpp"
#include "parts.hpp"

namespace gavel::codec {

namespace {

using core::Command;
namespace cmd = core::cmd;

core::Result<Command> decode_request_floor(const v1::RequestFloor& w) {
  auto kind = enum_from_wire<core::RequestKind>(w.kind());
  if (!kind) return kind.error();
  return Command{cmd::RequestFloor{kind.value(), w.participant_id()}};
}

core::Result<Command> decode_record_dissent(const v1::RecordDissent& w) {
  auto kind = enum_from_wire<core::DissentKind>(w.kind());
  if (!kind) return kind.error();
  return Command{cmd::RecordDissent{w.item_id(), kind.value(), w.participant_id(), w.text(),
                                    w.anonymous(), w.motion_id()}};
}

core::Result<Command> decode_open_vote(const v1::OpenVote& w) {
  auto spec = from_wire(w.spec());
  if (!spec) return spec.error();
  return Command{cmd::OpenVote{std::move(spec).value()}};
}

// fresh_receipt is left empty: a receipt is the server's to draw, never the
// client's to choose.
Command decode_cast_ballot(const v1::CastBallot& w) {
  return cmd::CastBallot{.vote_id = w.vote_id(),
                         .choices = from_wire(w.choices()),
                         .reason = w.reason(),
                         .receipt = w.receipt(),
                         .press_id = w.press_id(),
                         .fresh_receipt = {}};
}

core::Result<Command> decode(const v1::Command& w) {
  switch (w.body_case()) {
    case v1::Command::kStartMeeting: return Command{cmd::StartMeeting{}};
    case v1::Command::kEndMeeting: return Command{cmd::EndMeeting{w.end_meeting().force()}};
    case v1::Command::kOpenItem: return Command{cmd::OpenItem{w.open_item().item_id()}};
    case v1::Command::kCloseItem: return Command{cmd::CloseItem{}};
    case v1::Command::kNextItem: return Command{cmd::NextItem{}};
    case v1::Command::kAttachOpinion: {
      const auto& x = w.attach_opinion();
      return Command{cmd::AttachOpinion{x.item_id(), x.author(), x.text()}};
    }
    case v1::Command::kCheckIn: return Command{cmd::CheckIn{w.check_in().participant_id()}};
    case v1::Command::kCheckOut: return Command{cmd::CheckOut{w.check_out().participant_id()}};
    case v1::Command::kDeclareInterest: {
      const auto& x = w.declare_interest();
      return Command{cmd::DeclareInterest{x.item_id(), x.participant_id()}};
    }
    case v1::Command::kRequestFloor: return decode_request_floor(w.request_floor());
    case v1::Command::kWithdrawRequest:
      return Command{cmd::WithdrawRequest{w.withdraw_request().request_id()}};
    case v1::Command::kGrantFloor: {
      const auto& x = w.grant_floor();
      return Command{cmd::GrantFloor{x.request_id(), x.participant_id()}};
    }
    case v1::Command::kNextSpeaker: return Command{cmd::NextSpeaker{}};
    case v1::Command::kMoveRequest: {
      const auto& x = w.move_request();
      return Command{cmd::MoveRequest{x.request_id(), x.position()}};
    }
    case v1::Command::kRemoveRequest:
      return Command{cmd::RemoveRequest{w.remove_request().request_id()}};
    case v1::Command::kCloseList: return Command{cmd::CloseList{}};
    case v1::Command::kReopenList: return Command{cmd::ReopenList{}};
    case v1::Command::kPauseTimer: return Command{cmd::PauseTimer{}};
    case v1::Command::kResumeTimer: return Command{cmd::ResumeTimer{}};
    case v1::Command::kExtendTimer: return Command{cmd::ExtendTimer{w.extend_timer().seconds()}};
    case v1::Command::kEndSpeech: return Command{cmd::EndSpeech{}};
    case v1::Command::kRecordDissent: return decode_record_dissent(w.record_dissent());
    case v1::Command::kReplyDissent: {
      const auto& x = w.reply_dissent();
      return Command{cmd::ReplyDissent{x.dissent_id(), x.reply()}};
    }
    case v1::Command::kProposeMotion: {
      const auto& x = w.propose_motion();
      return Command{cmd::ProposeMotion{x.text(), x.amends(), x.mover_id()}};
    }
    case v1::Command::kSecondMotion: {
      const auto& x = w.second_motion();
      return Command{cmd::SecondMotion{x.motion_id(), x.seconder_id()}};
    }
    case v1::Command::kWithdrawMotion:
      return Command{cmd::WithdrawMotion{w.withdraw_motion().motion_id()}};
    case v1::Command::kOpenVote: return decode_open_vote(w.open_vote());
    case v1::Command::kCloseVote: return Command{cmd::CloseVote{}};
    case v1::Command::kCastBallot: return decode_cast_ballot(w.cast_ballot());
    case v1::Command::kRecordResolution: {
      const auto& x = w.record_resolution();
      return Command{cmd::RecordResolution{x.motion_id(), x.text(), x.responsible(), x.deadline()}};
    }
    case v1::Command::kSignMinutes: return Command{cmd::SignMinutes{w.sign_minutes().signed_by()}};
    case v1::Command::kDeferItem: return Command{cmd::DeferItem{w.defer_item().item_id()}};
    case v1::Command::kReopenItem: return Command{cmd::ReopenItem{w.reopen_item().item_id()}};
    case v1::Command::kUpdateResolution: {
      const auto& x = w.update_resolution();
      auto status = enum_from_wire<core::ResolutionStatus>(x.status());
      if (!status) return status.error();
      return Command{cmd::UpdateResolution{x.resolution_id(), status.value(), x.note()}};
    }
    case v1::Command::kEditMinutes: {
      const auto& x = w.edit_minutes();
      auto kind = enum_from_wire<core::MinutesEditKind>(x.kind());
      if (!kind) return kind.error();
      return Command{cmd::EditMinutes{kind.value(), x.target(), x.text()}};
    }
    case v1::Command::BODY_NOT_SET: break;
  }
  return core::make_error(core::ErrorCode::bad_message, "命令为空或无法识别",
                          "empty or unknown command");
}

}  // namespace

core::Result<Command> from_wire(const v1::Command& wire) {
  if (auto error = check_limits(wire)) return *std::move(error);
  return decode(wire);
}

}  // namespace gavel::codec
