// `gavelctl status`, `speakers list` and `roster`: the snapshot for people.
#include <algorithm>
#include <sstream>

#include "client_lib/local_time.hpp"
#include "format.hpp"
#include "words.hpp"

namespace gavel::cli {

namespace {

// "23 h 05 min left" while the 24 hours run, "OVERDUE by 2 h 10 min" after.
std::string due_words(std::int64_t left_ms) {
  std::int64_t minutes = (left_ms < 0 ? -left_ms : left_ms) / 60000;
  std::string span = std::to_string(minutes / 60) + " h " + (minutes % 60 < 10 ? "0" : "") +
                     std::to_string(minutes % 60) + " min";
  return left_ms >= 0 ? span + " left" : "OVERDUE by " + span;
}

constexpr int kQueueShown = 10;


const char* phase_word(v1::MeetingPhase phase) {
  switch (phase) {
    case v1::MEETING_SCHEDULED: return "scheduled 未开始";
    case v1::MEETING_IN_SESSION: return "in session 进行中";
    case v1::MEETING_ENDED: return "ended 已结束";
    default: return "unknown";
  }
}

const char* item_state_word(v1::ItemState state) {
  switch (state) {
    case v1::ITEM_PENDING: return "pending";
    case v1::ITEM_OPEN: return "OPEN   ";
    case v1::ITEM_CLOSED: return "closed ";
    default: return "?      ";
  }
}

std::string counts_line(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& counts, bool weighted) {
  std::ostringstream out;
  for (int i = 0; i < counts.size(); ++i) {
    out << (i ? " · " : "") << counts[i].option() << " " << counts[i].count();
    if (weighted) out << " (weight " << counts[i].weight() << ")";
  }
  return out.str();
}

// Label column, so the values line up.
std::string label(std::string_view name) {
  std::string out(name);
  out.resize(12, ' ');
  return out;
}

std::string request_text(const v1::SpeakRequest& r, const Names& names) {
  return "#" + std::to_string(r.id()) + " " + names.person(r.participant_id()) + " " +
         to_word(kRequestKinds, r.kind());
}

void speaker_line(std::ostringstream& out, const v1::Speech& speech, std::int64_t now_ms,
                  const Names& names) {
  out << label("speaker");
  if (speech.id() == 0) {
    out << "nobody has the floor\n";
    return;
  }
  out << names.person(speech.participant_id());
  if (speech.kind() != v1::REQUEST_CONTRIBUTION) out << " (" << to_word(kRequestKinds, speech.kind()) << ")";
  const std::int64_t left = speech.paused() ? speech.remaining_ms() : speech.deadline_ms() - now_ms;
  out << " · ";
  if (speech.paused()) out << "paused, ";
  if (left >= 0) {
    out << minutes_seconds(left) << " left";
  } else {
    out << "OVERTIME " << minutes_seconds(-left);
  }
  out << " of " << minutes_seconds((speech.limit_s() + speech.extended_s()) * 1000LL) << "\n";
}

void vote_lines(std::ostringstream& out, const v1::Vote& vote) {
  const v1::VoteSpec& spec = vote.spec();
  out << label("vote") << "#" << vote.id() << " on motion #" << spec.motion_id() << ", "
      << (spec.secret() ? "secret " : "open ") << to_word(kBallotForms, spec.form()) << ": " << vote.cast()
      << " of " << vote.eligible() << " voted";
  if (vote.recused() != 0) out << " (" << vote.recused() << " recused)";
  out << "\n" << label("") << spec.question() << "\n" << label("") << "options:";
  for (int i = 0; i < spec.options_size(); ++i) out << " " << i + 1 << " " << spec.options(i);
  out << "\n";
  if (!vote.counts().empty())
    out << label("") << "so far: " << counts_line(vote.counts(), spec.weighted()) << "\n";
}

void result_line(std::ostringstream& out, const v1::Vote& vote) {
  const v1::VoteResult& r = vote.result();
  out << label("last vote") << "#" << vote.id() << " " << to_word(kOutcomes, r.outcome()) << ": "
      << counts_line(r.counts(), vote.spec().weighted()) << "; " << r.cast() << " of " << r.eligible()
      << " voted, needed " << r.needed() << " (" << r.threshold_text() << ")";
  if (r.vetoed()) out << ", vetoed";
  out << "\n";
}

}  // namespace

std::string format_status(const v1::MeetingSnapshot& s, std::int64_t now_ms, const Names& names) {
  std::ostringstream out;
  const v1::MeetingInfo& info = s.info();
  out << label("meeting") << info.title();
  for (const std::string* part : {&info.date(), &info.place()}) {
    if (!part->empty()) out << " · " << *part;
  }
  out << " · " << phase_word(s.phase()) << " · seq " << s.seq() << "\n";

  std::size_t id_width = 0;
  for (const v1::AgendaItem& item : s.agenda()) id_width = std::max(id_width, item.id().size());
  bool first = true;
  for (const v1::AgendaItem& item : s.agenda()) {
    std::string id = item.id();
    id.resize(id_width, ' ');
    out << label(first ? "agenda" : "") << item_state_word(item.state()) << " " << id << "  " << item.title();
    if (item.published_late()) out << "  (published late)";
    out << "\n";
    first = false;
  }

  if (!s.current_item_id().empty()) {
    out << label("item") << names.item(s.current_item_id()) << "\n";
    speaker_line(out, s.current_speech(), now_ms, names);
    out << label("queue") << s.queue().requests_size() << " waiting";
    if (s.queue().closed()) out << ", list CLOSED";
    for (int i = 0; i < s.queue().requests_size() && i < kQueueShown; ++i) {
      out << (i ? " · " : ": ") << request_text(s.queue().requests(i), names);
    }
    if (s.queue().requests_size() > kQueueShown) out << " · …";
    out << "\n";
  }

  const v1::Attendance& a = s.attendance();
  out << label("attendance") << a.present() << " present of " << a.fixed_members() << " members; quorum "
      << a.quorum_needed() << (a.quorate() ? " reached" : " NOT reached");
  for (const v1::GroupCount& g : a.by_group())
    out << " · " << g.group() << " " << g.present() << "/" << g.total();
  out << "\n";

  for (const v1::Motion& m : s.motions()) {
    if (m.item_id() != s.current_item_id()) continue;
    out << label("motion") << "#" << m.id() << " " << to_word(kMotionStates, m.state());
    if (m.amends() != 0) out << ", amends #" << m.amends();
    out << ": " << m.text() << "\n";
  }
  if (s.current_vote().id() != 0) vote_lines(out, s.current_vote());
  if (!s.votes().empty()) result_line(out, *s.votes().rbegin());
  if (!s.resolutions().empty()) out << label("resolutions") << s.resolutions_size() << " recorded\n";

  const v1::MinutesStatus& minutes = s.minutes();
  if (minutes.state() == v1::MINUTES_DRAFT) {
    out << label("minutes") << "draft v" << minutes.signed_version() + 1 << ", due "
        << client::local_time(minutes.due_ms(), "%Y-%m-%d %H:%M");
    // 五步议事法: the minutes are out within 24 hours of the end.
    if (minutes.signed_version() == 0) out << " (" << due_words(minutes.due_ms() - now_ms) << ")";
    out << "\n";
  } else if (minutes.state() == v1::MINUTES_SIGNED) {
    out << label("minutes") << "v" << minutes.signed_version() << " signed by " << minutes.signed_by() << " at "
        << client::local_time(minutes.signed_ms(), "%Y-%m-%d %H:%M") << "\n";
  }
  for (const std::string& w : s.warnings()) out << label("warning") << w << "\n";
  return out.str();
}

std::string format_queue(const v1::MeetingSnapshot& s, const Names& names) {
  std::ostringstream out;
  if (s.current_speech().id() != 0)
    out << "speaking: " << names.person(s.current_speech().participant_id()) << "\n";
  if (s.queue().requests().empty()) out << "nobody is waiting";
  for (int i = 0; i < s.queue().requests_size(); ++i) {
    out << (i ? "\n" : "") << i << ". " << request_text(s.queue().requests(i), names);
  }
  out << "\n";
  if (s.queue().closed()) out << "the list is closed\n";
  return out.str();
}

std::string format_roster(const v1::MeetingSnapshot& s) {
  std::ostringstream out;
  for (const v1::Participant& p : s.roster()) {
    out << p.id() << "  " << p.name() << "  " << (p.group().empty() ? "-" : p.group()) << "  "
        << (p.present() ? "present" : "absent");
    if (p.invited()) out << "  invited";
    if (!p.seat().empty()) out << "  seat " << p.seat();
    if (!p.clicker_id().empty()) out << "  clicker " << p.clicker_id();
    if (p.weight() != 0.0 && p.weight() != 1.0) out << "  weight " << p.weight();
    out << "\n";
  }
  const v1::Attendance& a = s.attendance();
  out << a.present() << " present of " << a.fixed_members() << " members\n";
  return out.str();
}

}  // namespace gavel::cli
