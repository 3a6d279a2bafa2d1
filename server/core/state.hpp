// The meeting's state: the fold of its events over the setup. Plain data;
// the rules that change it live in meeting.cpp and its decide_*.cpp files.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "events.hpp"
#include "types.hpp"

namespace gavel::core {

struct Member {
  Participant info;
  bool present = false;
  bool attended = false;  // checked in at some point: 出席 in the minutes
};

struct Item {
  AgendaItem info;
  ItemState state = ItemState::pending;
  std::vector<AbsentOpinion> opinions;
  std::set<std::string> recused;
  std::uint32_t reopened = 0;  // times the chair opened it again after closing
};

struct SpeakRequest {
  Id id = 0;
  std::string participant_id;
  RequestKind kind = RequestKind::contribution;
  Millis requested = 0;
};

struct Speech {
  Id id = 0;
  Id request_id = 0;
  std::string participant_id;
  std::string item_id;
  RequestKind kind = RequestKind::contribution;
  Millis started = 0;
  std::uint32_t limit_s = 0;
  std::uint32_t extended_s = 0;
  Millis paused_at = 0;      // 0 while running
  Millis paused_total = 0;   // finished pauses
  Millis ended = 0;          // 0 while the speech goes on
};

struct Dissent {
  Id id = 0;
  std::string item_id;
  DissentKind kind = DissentKind::disagreement;
  std::string participant_id;  // empty: anonymous
  std::string text;
  std::string reply;
  Millis recorded = 0;
  Id motion_id = 0;  // the motion it is about; 0: the item
};

struct Motion {
  Id id = 0;
  std::string item_id;
  Id amends = 0;
  std::string mover_id;
  std::string seconder_id;
  std::string text;
  MotionState state = MotionState::proposed;
  Millis moved = 0;
};

struct Vote {
  Id id = 0;
  std::string item_id;
  VoteSpec spec;
  std::vector<std::string> eligible;
  std::uint32_t recused = 0;
  bool quorate_at_open = false;
  Millis opened = 0;
  Millis closed = 0;
  bool open = true;
  std::set<std::string> voters;                                   // who took part
  std::map<std::string, std::vector<std::uint32_t>> named;        // open votes only
  std::map<std::string, SecretBallot> secret;                     // by receipt
  std::set<std::string> restored;                                 // receipts read back after a restart
  std::set<std::string> veto_no;                                  // receipts that are a veto group's "no" (memory only)
  bool veto_restored = false;                                     // a veto stood before the restart
  std::set<std::string> press_ids;                                // repeats are acknowledged, not counted
  std::vector<ChoiceCount> live_counts;                           // last batched live tally
  std::uint32_t live_cast = 0;
  Millis live_at = 0;
  std::uint32_t changes_since_live = 0;                           // changed ballots move counts too
  std::optional<VoteResult> result;
};

struct Resolution {
  Id id = 0;
  std::string item_id;
  Id motion_id = 0;
  Id vote_id = 0;
  std::string text;
  std::string responsible;
  std::string deadline;
  Millis recorded = 0;
  ResolutionStatus status = ResolutionStatus::open;
  std::string status_note{};
  Millis status_changed = 0;
};

struct SpeakingTotal {
  Millis spoken = 0;
  std::uint32_t speeches = 0;
};

struct MeetingState {
  MeetingInfo info;
  std::vector<Member> roster;
  std::unordered_map<std::string, std::size_t> roster_index;
  std::vector<Item> agenda;
  std::unordered_map<std::string, std::size_t> agenda_index;

  Seq seq = 0;
  Phase phase = Phase::scheduled;
  Millis started = 0;
  Millis ended = 0;
  std::optional<std::size_t> current_item;

  std::vector<SpeakRequest> queue;
  bool list_closed = false;
  std::optional<Speech> speech;
  std::vector<Speech> speeches;  // finished

  std::vector<Dissent> dissent;
  std::vector<Motion> motions;
  std::vector<Vote> votes;       // the last may be open
  std::vector<Resolution> resolutions;

  MinutesState minutes = MinutesState::not_started;
  Millis minutes_due = 0;
  std::string minutes_signed_by;
  Millis minutes_signed = 0;             // the latest signing; 0: never signed
  std::vector<MinutesEdit> minutes_edits;
  std::vector<MinutesVersion> minutes_versions;  // signed, oldest first

  std::map<std::string, SpeakingTotal> totals_by_person;
  std::map<std::string, SpeakingTotal> totals_by_group;

  Id next_request = 1, next_speech = 1, next_dissent = 1, next_motion = 1, next_vote = 1,
     next_resolution = 1;

  const Member* member(const std::string& id) const;
  Member* member(const std::string& id);
  const Item* item(const std::string& id) const;
  Item* item(const std::string& id);
  const Item* open_item() const;
  const Motion* motion(Id id) const;
  Motion* motion(Id id);
  const Vote* open_vote() const;
  Vote* open_vote();
};

}  // namespace gavel::core
