// The minutes (会议纪要) as a document: what the renderers print, drafted
// from the meeting's state by draft.hpp. Plain data in the meeting's words;
// times are already written out (Beijing time), so every renderer prints the
// same thing and nothing here reads a clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace gavel::minutes {

// The secretary's notes beside one part (〔记录员注〕).
using Notes = std::vector<std::string>;

struct GroupCount {
  std::string group;
  std::uint32_t present = 0;
  std::uint32_t total = 0;
};

struct Header {
  std::string title;
  std::string date;        // 2026-03-21
  std::string start;       // 14:30 (the recorded start; the scheduled one when it never started)
  std::string end;         // 16:45, empty while the meeting goes on
  std::string place;
  std::string chair;
  std::string secretary;
  std::vector<std::string> present;  // 出席: fixed members who checked in
  std::vector<std::string> invited;  // 列席: invited members who checked in
  std::vector<std::string> absent;   // 请假（缺席）: fixed members who never checked in
  std::uint32_t fixed_members = 0;
  std::uint32_t quorum_needed = 0;
  bool quorate = false;
  std::vector<GroupCount> composition;  // of those present, by roster group
  Notes notes;             // on header
  Notes attendance_notes;  // on attendance
};

struct Opinion {
  std::string author;
  std::string received;  // 2026-03-18 21:40
  std::string text;
};

struct SpeechLine {
  core::Id id = 0;
  std::string speaker;
  std::string group;
  core::RequestKind kind = core::RequestKind::contribution;
  std::string started;  // 14:52:10
  core::Millis spoken_ms = 0;
  core::Millis allowed_ms = 0;
  core::Millis overtime_ms = 0;
  Notes notes;
};

struct DissentLine {
  core::Id id = 0;
  core::DissentKind kind = core::DissentKind::disagreement;
  std::string who;  // empty: anonymous
  std::string text;
  std::string reply;
  Notes notes;
};

struct MotionLine {
  core::Id id = 0;
  core::Id amends = 0;
  std::string text;
  std::string mover;
  std::string seconder;  // empty: never seconded
  core::MotionState state = core::MotionState::proposed;
  Notes notes;
};

struct VoteLine {
  core::Id id = 0;
  core::Id motion_id = 0;
  std::string question;
  core::BallotForm form = core::BallotForm::yes_no_abstain;
  bool secret = false;
  bool weighted = false;
  core::Threshold threshold = core::Threshold::simple_majority;
  bool abstentions_count = false;
  std::string veto_group;
  std::string opened;  // 15:10
  core::VoteResult result;
  bool closed = false;
  // An open (named) vote: who chose each option, by option. Empty for a secret vote.
  std::vector<std::vector<std::string>> names_by_option;
  Notes notes;
};

struct ResolutionLine {
  core::Id id = 0;
  std::string item_title;
  std::string text;
  std::string responsible;
  std::string deadline;
  Notes notes;
};

struct ItemSection {
  std::string id;
  std::string title;
  std::string background;
  std::string proposal;
  std::string summary;        // the secretary's summary of the discussion (wording only)
  std::string published;      // 2026-03-16 09:00, empty when unknown
  bool published_late = false;  // less than 3 days before the meeting
  bool discussed = false;       // the item was opened
  bool deferred = false;        // moved to a later meeting by the chair
  std::vector<Opinion> opinions;
  std::vector<std::string> recused;  // 回避
  std::vector<SpeechLine> speeches;  // in order; points of order among them
  std::vector<DissentLine> dissent;
  std::vector<MotionLine> motions;
  std::vector<VoteLine> votes;
  std::vector<ResolutionLine> resolutions;
  Notes notes;
};

// What changed in this version against the signed one before it.
struct Change {
  core::MinutesEditKind kind = core::MinutesEditKind::note;
  std::string target;
  std::string before;  // wording: the signed text; note: empty
  std::string after;
};

// Ties a signed version to the record. Everything but the first three is
// filled by the server's seal (see net/minutes_seal.hpp); empty until it is.
struct Seal {
  std::string signed_by;
  std::string signed_at;        // 2026-03-21 18:05
  std::string content_sha256;
  core::Seq head_seq = 0;
  std::string head_sha256;
  std::string signature;
  std::string key_fingerprint;
};

struct Document {
  core::MinutesStyle style = core::MinutesStyle::full;
  std::uint32_t version = 1;
  bool draft = true;        // printed as 草稿 until signed
  bool sealed = false;      // `seal` holds a signature block
  Header header;
  std::vector<ItemSection> items;
  std::vector<ResolutionLine> actions;  // the action list at the end
  Notes action_notes;
  std::uint32_t changes_against = 0;  // the signed version `changes` compare with; 0: none
  std::vector<Change> changes;
  Seal seal;
  core::Millis pdf_date = 0;  // the PDF's creation date: signing time, or the record's last change
};

}  // namespace gavel::minutes
