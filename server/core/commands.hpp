// What a client asks of the meeting, one struct per command. A participant id
// left empty means "the sender" where the command allows acting for oneself.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "types.hpp"

namespace gavel::core::cmd {

struct StartMeeting {};
// force: end even with an item, a speech or a vote open (each is closed
// first). Without it the engine refuses and says what is still open.
struct EndMeeting { bool force = false; };
struct OpenItem { std::string item_id; };
struct CloseItem {};
struct NextItem {};
struct AttachOpinion { std::string item_id; std::string author; std::string text; };
struct CheckIn { std::string participant_id; };
struct CheckOut { std::string participant_id; };
struct DeclareInterest { std::string item_id; std::string participant_id; };
struct RequestFloor { RequestKind kind = RequestKind::contribution; std::string participant_id; };
struct WithdrawRequest { Id request_id = 0; };
struct GrantFloor { Id request_id = 0; std::string participant_id; };
struct NextSpeaker {};
struct MoveRequest { Id request_id = 0; std::uint32_t position = 0; };
struct RemoveRequest { Id request_id = 0; };
struct CloseList {};
struct ReopenList {};
struct PauseTimer {};
struct ResumeTimer {};
struct ExtendTimer { std::uint32_t seconds = 0; };
struct EndSpeech {};
struct RecordDissent {
  std::string item_id;
  DissentKind kind = DissentKind::disagreement;
  std::string participant_id;
  std::string text;
  bool anonymous = false;
  Id motion_id = 0;  // 0: about the item as a whole
};
struct ReplyDissent { Id dissent_id = 0; std::string reply; };
struct ProposeMotion { std::string text; Id amends = 0; std::string mover_id; };
struct SecondMotion { Id motion_id = 0; std::string seconder_id; };
struct WithdrawMotion { Id motion_id = 0; };
struct OpenVote { VoteSpec spec; };
struct CloseVote {};
struct CastBallot {
  Id vote_id = 0;
  std::vector<std::uint32_t> choices;
  std::string reason;
  std::string receipt;        // to change a secret ballot
  std::string press_id;       // idempotency key from the client or clicker
  std::string fresh_receipt;  // filled by the server: the engine draws no randomness
};
struct RecordResolution { Id motion_id = 0; std::string text; std::string responsible; std::string deadline; };
// Filled by the server's minutes desk, which drafts and hashes the document:
// the engine only checks that the draft is of the current record.
struct SignMinutes {
  std::string signed_by;
  std::string content_sha256 = {};
  Seq head_seq = 0;
  std::string head_sha256 = {};
  std::string signature = {};
  std::string key_fingerprint = {};
};
// A pending item moved to a later meeting (the minutes say "deferred").
struct DeferItem { std::string item_id; };
// Open a closed or deferred item again; the record keeps both.
struct ReopenItem { std::string item_id; };
struct UpdateResolution { Id resolution_id = 0; ResolutionStatus status = ResolutionStatus::open; std::string note; };
struct EditMinutes { MinutesEditKind kind = MinutesEditKind::note; std::string target; std::string text; };

}  // namespace gavel::core::cmd

namespace gavel::core {

using Command = std::variant<
    cmd::StartMeeting, cmd::EndMeeting, cmd::OpenItem, cmd::CloseItem, cmd::NextItem,
    cmd::AttachOpinion, cmd::CheckIn, cmd::CheckOut, cmd::DeclareInterest, cmd::RequestFloor,
    cmd::WithdrawRequest, cmd::GrantFloor, cmd::NextSpeaker, cmd::MoveRequest,
    cmd::RemoveRequest, cmd::CloseList, cmd::ReopenList, cmd::PauseTimer, cmd::ResumeTimer,
    cmd::ExtendTimer, cmd::EndSpeech, cmd::RecordDissent, cmd::ReplyDissent,
    cmd::ProposeMotion, cmd::SecondMotion, cmd::WithdrawMotion, cmd::OpenVote, cmd::CloseVote,
    cmd::CastBallot, cmd::RecordResolution, cmd::SignMinutes, cmd::DeferItem, cmd::ReopenItem,
    cmd::UpdateResolution, cmd::EditMinutes>;

// The command's name in the permission table, the audit trail and gavelctl.
const char* command_name(const Command& command);

}  // namespace gavel::core
