// The meeting's vocabulary: roles, the roster, the agenda and vote rules as
// they come from the meeting file. Enumerations are numbered as their
// counterparts in proto/gavel/v1 so the codec maps them one to one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/receipt_lines.hpp"

namespace gavel::core {

using Millis = std::int64_t;  // Unix time in ms; always passed in, never read
using Id = std::uint64_t;     // engine-assigned ids start at 1; 0 means none
using Seq = std::uint64_t;

constexpr Millis kSecond = 1000;
constexpr Millis kDay = 24 * 3600 * kSecond;
constexpr std::uint32_t kDefaultSpeechLimitS = 300;  // 发言限时制: 5 minutes
constexpr std::uint32_t kShortSpeechLimitS = 60;     // replies and points of order
constexpr Millis kWarningBefore = 60 * kSecond;       // the timer turns amber
constexpr Millis kPublicationLead = 3 * kDay;         // 五步议事法: 3 days ahead
constexpr Millis kMinutesDue = kDay;                  // minutes within 24 hours

enum class Role { chair = 1, secretary = 2, participant = 3, display = 4, clicker = 5 };
enum class RequestKind { contribution = 1, pro = 2, contra = 3, reply = 4, point_of_order = 5 };
// not_reached: still pending when the meeting ended; deferred: the chair
// moved it to a later meeting. Both are final and say so in the minutes.
enum class ItemState { pending = 1, open = 2, closed = 3, not_reached = 40, deferred = 41 };
enum class DissentKind { disagreement = 1, minority = 2, objection = 3, block = 4 };
enum class MotionState {
  proposed = 1, debate = 2, voting = 3, carried = 4, defeated = 5, vetoed = 6, withdrawn = 7
};
enum class BallotForm { yes_no_abstain = 1, one_of_n = 2, k_of_n = 3, consensus = 4 };
enum class Threshold { simple_majority = 1, absolute_majority = 2, two_thirds = 3, unanimity = 4 };
enum class Outcome { carried = 1, defeated = 2, vetoed = 3, no_quorum = 4, blocked = 5, chosen = 6 };
// The rule a vote is decided by, in words that fit its ballot form: what
// the threshold means for yes/no, for a choice among options and for a
// consensus check. Derived from the VoteSpec (decision_rule in tally.hpp).
enum class DecisionRule {
  more_yes_than_no = 1,       // simple majority of yes and no
  half_of_cast = 2,           // more than half of votes cast, abstentions included
  half_of_eligible = 3,       // absolute majority of those present and eligible
  two_thirds_of_yes_no = 4,
  two_thirds_of_cast = 5,     // abstentions included
  unanimity = 6,
  most_votes = 7,             // one-of / up-to-K: the option with the most votes, no tie
  option_half_of_eligible = 8,
  option_two_thirds = 9,      // an option needs two thirds of the ballots cast
  option_unanimity = 10,      // every ballot cast names the option
  no_block = 11,              // consensus: carried when nobody blocks
};
enum class Phase { scheduled = 1, in_session = 2, ended = 3 };
enum class MinutesState { not_started = 1, draft = 2, signed_off = 3 };
enum class ResolutionStatus { open = 1, in_progress = 2, done = 3, dropped = 4 };
// The minutes' two styles (meeting file [minutes] style): the process record
// the seeds ask for, or Robert's Rules' record of what was done.
enum class MinutesStyle { full = 1, decisions = 2 };
// A secretary's change to the drafted minutes: a note beside any part, or a
// new wording of a part that is prose rather than a recorded fact.
enum class MinutesEditKind { note = 1, wording = 2 };

// Who sends a command: the role of the connection, and for a participant or
// a clicker the roster member it acts for.
struct Actor {
  Role role = Role::participant;
  std::string participant_id;
};

struct Quorum {
  std::uint32_t min_present = 0;
  double min_fraction = 0.0;  // of the fixed members
};

struct QueueRules {
  bool first_time_speakers_first = false;
  bool alternate_groups = false;
};

// The room's Wi-Fi, printed as a QR code on the join cards. Not sent to
// clients in snapshots: gaveld hands it to the operator's access file only.
struct RoomWifi {
  std::string ssid = {};
  std::string password = {};
  std::string security = {};  // WPA, WEP or nopass
};

struct MeetingInfo {
  std::string title;
  std::string date;
  std::string place;
  std::string chair_name;
  std::string secretary_name;
  Millis scheduled_start = 0;
  Quorum quorum;
  QueueRules queue_rules;
  bool live_tally_allowed = false;
  MinutesStyle minutes_style = MinutesStyle::full;
  RoomWifi wifi = {};
};

struct Participant {
  std::string id;
  std::string name;
  std::string group;
  double weight = 1.0;
  std::string seat;
  std::string clicker_id;
  bool invited = false;                    // per-item invited member (1+N)
  std::vector<std::string> invited_items;  // the items they may take part in
};

// An option of a one-of / up-to-K vote as the meeting file may give it.
struct VoteOption {
  std::string label;
  std::string description;  // a short sentence shown beside the label
};

struct AgendaItem {
  std::string id;
  std::string title;
  std::string background;
  std::string proposal;
  Millis published = 0;
  std::uint32_t speech_limit_s = kDefaultSpeechLimitS;
  std::uint32_t max_speeches_per_person = 0;  // 0: no cap
  std::string veto_group;
  std::vector<VoteOption> options;  // default options for a one-of / up-to-K vote
};

struct AbsentOpinion {
  std::string author;
  std::string text;
  Millis received = 0;
};

// Everything the meeting file says; the engine starts from this.
struct MeetingSetup {
  MeetingInfo info;
  std::vector<Participant> roster;
  std::vector<AgendaItem> agenda;
  std::vector<std::pair<std::string, AbsentOpinion>> opinions;  // item id, opinion
};

struct VoteSpec {
  Id motion_id = 0;
  std::string question;
  BallotForm form = BallotForm::yes_no_abstain;
  std::vector<std::string> options;
  std::vector<std::string> option_descriptions;  // parallel to options; may be shorter
  std::uint32_t max_choices = 1;
  bool secret = false;
  Threshold threshold = Threshold::simple_majority;
  bool abstentions_count = false;
  bool weighted = false;
  std::string veto_group;
  bool live_tally = false;
};

struct ChoiceCount {
  std::string option;
  std::uint32_t count = 0;
  double weight = 0.0;
};

struct VoteResult {
  std::uint32_t eligible = 0;
  std::uint32_t cast = 0;
  std::uint32_t recused = 0;
  std::vector<ChoiceCount> counts;
  DecisionRule rule = DecisionRule::more_yes_than_no;
  double needed = 0.0;
  Outcome outcome = Outcome::defeated;
  bool quorate_at_open = false;
  bool quorate_at_close = false;
  bool vetoed = false;
  std::int32_t chosen_option = -1;
  ReceiptLines receipts_published;
};

struct MinutesEdit {
  MinutesEditKind kind = MinutesEditKind::note;
  std::string target;  // see minutes_target.hpp
  std::string text;
  std::uint32_t version = 1;  // the version of the minutes this edit belongs to
  Millis at = 0;
};

// A signed version of the minutes. The content hash covers the rendered
// document; the seal (head seq and hash, signature, key fingerprint) ties it
// to the record.
struct MinutesVersion {
  std::uint32_t version = 0;
  std::string signed_by;
  Millis signed_at = 0;
  std::string content_sha256;  // lowercase hex
  Seq head_seq = 0;
  std::string head_sha256;
  std::string signature;        // base64 Ed25519 over the sealed text
  std::string key_fingerprint;
};

}  // namespace gavel::core
