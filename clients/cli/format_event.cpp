// One line per event for `gavelctl watch`.

#include <google/protobuf/util/json_util.h>

#include "client_lib/local_time.hpp"
#include "format.hpp"
#include "words.hpp"

namespace gavel::cli {

namespace {

std::string id(std::uint64_t n) { return "#" + std::to_string(n); }

std::string counts(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& counts) {
  std::string out;
  for (const v1::ChoiceCount& c : counts) {
    if (!out.empty()) out += " · ";
    out += c.option() + " " + std::to_string(c.count());
  }
  return out;
}

// What follows the event's name.
std::string details(const v1::Event& e, const Names& names) {
  using E = v1::Event;
  switch (e.body_case()) {
    case E::kMeetingStarted:
    case E::kMeetingEnded:
    case E::kListClosed:
    case E::kListReopened:
    case E::kSpeechPaused:
    case E::kSpeechResumed: return "";
    case E::kItemOpened: return names.item(e.item_opened().item_id());
    case E::kItemClosed: return names.item(e.item_closed().item_id());
    case E::kOpinionAttached: {
      const auto& o = e.opinion_attached();
      return names.item(o.item_id()) + " from " + o.author() + ": " + o.text();
    }
    case E::kCheckedIn: return names.person(e.checked_in().participant_id());
    case E::kCheckedOut: return names.person(e.checked_out().participant_id());
    case E::kInterestDeclared: {
      const auto& i = e.interest_declared();
      return names.person(i.participant_id()) + " on " + names.item(i.item_id());
    }
    case E::kFloorRequested: {
      const auto& f = e.floor_requested();
      return id(f.request_id()) + " " + names.person(f.participant_id()) + " " +
             to_word(kRequestKinds, f.kind());
    }
    case E::kRequestWithdrawn: return id(e.request_withdrawn().request_id());
    case E::kRequestRemoved: return id(e.request_removed().request_id());
    case E::kRequestMoved: {
      const auto& m = e.request_moved();
      return id(m.request_id()) + " to position " + std::to_string(m.position());
    }
    case E::kSpeechStarted: {
      const auto& s = e.speech_started();
      std::string line = names.person(s.participant_id());
      if (s.kind() != v1::REQUEST_CONTRIBUTION) line += " " + to_word(kRequestKinds, s.kind());
      return line + " limit " + std::to_string(s.limit_s()) + "s";
    }
    case E::kSpeechExtended: return "+" + std::to_string(e.speech_extended().seconds()) + "s";
    case E::kSpeechEnded: return "speech " + id(e.speech_ended().speech_id());
    case E::kDissentRecorded: {
      const auto& d = e.dissent_recorded();
      return id(d.dissent_id()) + " " + to_word(kDissentKinds, d.kind()) + " on " + names.item(d.item_id()) +
             " by " + names.person(d.participant_id()) + ": " + d.text();
    }
    case E::kDissentReplied: return id(e.dissent_replied().dissent_id()) + ": " + e.dissent_replied().reply();
    case E::kMotionProposed: {
      const auto& m = e.motion_proposed();
      std::string line = id(m.motion_id()) + " by " + names.person(m.mover_id());
      if (m.amends() != 0) line += " amending " + id(m.amends());
      return line + ": " + m.text();
    }
    case E::kMotionSeconded: {
      const auto& m = e.motion_seconded();
      return id(m.motion_id()) + " by " + names.person(m.seconder_id());
    }
    case E::kMotionWithdrawn: return id(e.motion_withdrawn().motion_id());
    case E::kVoteOpened: {
      const auto& v = e.vote_opened();
      std::string line = id(v.vote_id()) + " on motion " + id(v.spec().motion_id()) + " " +
                         to_word(kBallotForms, v.spec().form()) + (v.spec().secret() ? " secret" : " open") +
                         ", " + std::to_string(v.eligible_size()) + " eligible";
      if (!v.quorate()) line += ", NOT quorate";
      return line + ": " + v.spec().question();
    }
    case E::kBallotRecorded: {
      const auto& b = e.ballot_recorded();
      std::string line = "vote " + id(b.vote_id()) + " by " + names.person(b.participant_id());
      if (b.changed()) line += " (changed)";
      if (b.choices().empty()) return line;
      line += ":";
      for (std::uint32_t c : b.choices()) line += " " + names.choice(b.vote_id(), c);
      return line;
    }
    case E::kVoteClosed: {
      const auto& v = e.vote_closed();
      const auto& r = v.result();
      return id(v.vote_id()) + " " + to_word(kOutcomes, r.outcome()) + ": " + counts(r.counts()) + " (" +
             std::to_string(r.cast()) + " of " + std::to_string(r.eligible()) + " voted)";
    }
    case E::kLiveTally: {
      const auto& t = e.live_tally();
      return id(t.vote_id()) + " " + std::to_string(t.cast()) + " cast: " + counts(t.counts());
    }
    case E::kResolutionRecorded: {
      const auto& r = e.resolution_recorded();
      return id(r.resolution_id()) + " on motion " + id(r.motion_id()) + ", " + r.responsible() + " by " +
             r.deadline() + ": " + r.text();
    }
    case E::kMinutesSigned:
      return "v" + std::to_string(e.minutes_signed().version()) + " by " + e.minutes_signed().signed_by() +
             ", content sha256 " + e.minutes_signed().content_sha256().substr(0, 12);
    case E::kMinutesEdited: {
      const auto& m = e.minutes_edited();
      return std::string(m.kind() == v1::MINUTES_EDIT_NOTE ? "note on " : "new wording of ") + m.target() + ": " +
             m.text();
    }
    case E::BODY_NOT_SET: break;
  }
  return "";
}

}  // namespace

std::string format_ack(const v1::Ack& ack) {
  std::string line = "ok seq=" + std::to_string(ack.seq()) + " id=" + std::to_string(ack.created_id());
  if (!ack.receipt().empty()) line += " receipt=" + ack.receipt();
  return line;
}

std::string format_event(const v1::Event& event, const Names& names, std::string_view clock) {
  const auto* field =
      event.GetReflection()->GetOneofFieldDescriptor(event, event.GetDescriptor()->FindOneofByName("body"));
  // An event newer than this gavelctl still gets its line, by number.
  const std::string name = field ? field->name() : "unknown_event";
  std::string line = "#" + std::to_string(event.seq()) + " " + std::string(clock) + " " + name;
  const std::string rest = details(event, names);
  if (!rest.empty()) line += " " + rest;
  return line;
}


std::string minutes_seconds(std::int64_t ms) {
  const bool over = ms < 0;
  const std::int64_t s = (over ? -ms : ms + 999) / 1000;  // a countdown shows 0:01 until it is out
  const std::int64_t sec = s % 60;
  return std::string(over ? "-" : "") + std::to_string(s / 60) + ":" + (sec < 10 ? "0" : "") +
         std::to_string(sec);
}

std::string to_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;  // a script reads "created_id": "0", not a gap
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

}  // namespace gavel::cli
