#include "support/describe.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <type_traits>
#include <utility>
#include <vector>

namespace gavel::test {

using namespace core;

const char* name_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_message:
      return "bad_message";
    case ErrorCode::unsupported_version:
      return "unsupported_version";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::not_allowed:
      return "not_allowed";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::invalid_state:
      return "invalid_state";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::not_present:
      return "not_present";
    case ErrorCode::duplicate:
      return "duplicate";
    case ErrorCode::limit_reached:
      return "limit_reached";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::not_eligible:
      return "not_eligible";
    case ErrorCode::internal:
      return "internal";
    case ErrorCode::storage_unavailable:
      return "storage_unavailable";
  }
  return "?error";
}
const char* name_of(Role role) {
  switch (role) {
    case Role::chair:
      return "chair";
    case Role::secretary:
      return "secretary";
    case Role::participant:
      return "participant";
    case Role::display:
      return "display";
    case Role::clicker:
      return "clicker";
  }
  return "?role";
}
const char* name_of(RequestKind kind) {
  switch (kind) {
    case RequestKind::contribution:
      return "contribution";
    case RequestKind::pro:
      return "pro";
    case RequestKind::contra:
      return "contra";
    case RequestKind::reply:
      return "reply";
    case RequestKind::point_of_order:
      return "point_of_order";
  }
  return "?kind";
}
const char* name_of(ItemState state) {
  switch (state) {
    case ItemState::pending:
      return "pending";
    case ItemState::open:
      return "open";
    case ItemState::closed:
      return "closed";
    case ItemState::not_reached:
      return "not_reached";
    case ItemState::deferred:
      return "deferred";
  }
  return "?item_state";
}
const char* name_of(DissentKind kind) {
  switch (kind) {
    case DissentKind::disagreement:
      return "disagreement";
    case DissentKind::minority:
      return "minority";
    case DissentKind::objection:
      return "objection";
    case DissentKind::block:
      return "block";
  }
  return "?dissent_kind";
}
const char* name_of(MotionState state) {
  switch (state) {
    case MotionState::proposed:
      return "proposed";
    case MotionState::debate:
      return "debate";
    case MotionState::voting:
      return "voting";
    case MotionState::carried:
      return "carried";
    case MotionState::defeated:
      return "defeated";
    case MotionState::vetoed:
      return "vetoed";
    case MotionState::withdrawn:
      return "withdrawn";
  }
  return "?motion_state";
}
const char* name_of(BallotForm form) {
  switch (form) {
    case BallotForm::yes_no_abstain:
      return "yes_no_abstain";
    case BallotForm::one_of_n:
      return "one_of_n";
    case BallotForm::k_of_n:
      return "k_of_n";
    case BallotForm::consensus:
      return "consensus";
  }
  return "?form";
}
const char* name_of(Threshold threshold) {
  switch (threshold) {
    case Threshold::simple_majority:
      return "simple_majority";
    case Threshold::absolute_majority:
      return "absolute_majority";
    case Threshold::two_thirds:
      return "two_thirds";
    case Threshold::unanimity:
      return "unanimity";
  }
  return "?threshold";
}
const char* name_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::carried:
      return "carried";
    case Outcome::defeated:
      return "defeated";
    case Outcome::vetoed:
      return "vetoed";
    case Outcome::no_quorum:
      return "no_quorum";
    case Outcome::blocked:
      return "blocked";
    case Outcome::chosen:
      return "chosen";
  }
  return "?outcome";
}
const char* name_of(Phase phase) {
  switch (phase) {
    case Phase::scheduled:
      return "scheduled";
    case Phase::in_session:
      return "in_session";
    case Phase::ended:
      return "ended";
  }
  return "?phase";
}
const char* name_of(MinutesState state) {
  switch (state) {
    case MinutesState::not_started:
      return "not_started";
    case MinutesState::draft:
      return "draft";
    case MinutesState::signed_off:
      return "signed_off";
  }
  return "?minutes";
}

namespace {

// Text is quoted so that empty strings and spaces stay visible.
struct Q {
  const std::string& s;
};

// A string builder with stream syntax: much cheaper than an ostringstream
// in a Debug build, which matters to the property test (it describes the
// state after every one of thousands of commands).
class Out {
 public:
  Out& operator<<(const std::string& s) {
    buf_ += s;
    return *this;
  }
  Out& operator<<(const char* s) {
    buf_ += s;
    return *this;
  }
  Out& operator<<(char c) {
    buf_ += c;
    return *this;
  }
  Out& operator<<(bool b) {
    buf_ += b ? '1' : '0';
    return *this;
  }
  Out& operator<<(Q q) {
    buf_ += '"';
    buf_ += q.s;
    buf_ += '"';
    return *this;
  }
  template <class T>
  requires std::is_integral_v<T> Out& operator<<(T v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
    return *this;
  }
  std::string str() && { return std::move(buf_); }
  const std::string& str() const& { return buf_; }

 private:
  std::string buf_;
};

std::string num(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

template <class T>
std::string list(const std::vector<T>& v) {
  Out os;
  os << '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) os << ',';
    if constexpr (std::is_same_v<T, std::string>)
      os << Q{v[i]};
    else
      os << v[i];
  }
  os << ']';
  return os.str();
}

std::string list(const std::set<std::string>& v) {
  return list(std::vector<std::string>(v.begin(), v.end()));
}

std::string list(const ReceiptLines& v) {
  return list(std::vector<std::string>(v.begin(), v.end()));
}

template <class Map>
std::vector<std::pair<std::string, std::size_t>> sorted(const Map& m) {
  std::vector<std::pair<std::string, std::size_t>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  return v;
}

std::string counts(const std::vector<ChoiceCount>& v) {
  Out os;
  os << '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) os << ',';
    os << Q{v[i].option} << ':' << v[i].count << '/' << num(v[i].weight);
  }
  os << ']';
  return os.str();
}

void speech(Out& os, const Speech& sp) {
  os << "id=" << sp.id << " request=" << sp.request_id << " who=" << Q{sp.participant_id}
     << " item=" << Q{sp.item_id} << " kind=" << name_of(sp.kind) << " started=" << sp.started
     << " limit_s=" << sp.limit_s << " extended_s=" << sp.extended_s
     << " paused_at=" << sp.paused_at << " paused_total=" << sp.paused_total
     << " ended=" << sp.ended;
}

void spec(Out& os, const VoteSpec& v) {
  os << "motion=" << v.motion_id << " question=" << Q{v.question} << " form=" << name_of(v.form)
     << " options=" << list(v.options) << " descriptions=" << list(v.option_descriptions)
     << " max_choices=" << v.max_choices << " secret=" << v.secret
     << " threshold=" << name_of(v.threshold) << " abstentions_count=" << v.abstentions_count
     << " weighted=" << v.weighted << " veto_group=" << Q{v.veto_group}
     << " live_tally=" << v.live_tally;
}

void result(Out& os, const VoteResult& r) {
  os << "eligible=" << r.eligible << " cast=" << r.cast << " recused=" << r.recused
     << " counts=" << counts(r.counts) << " rule=" << static_cast<int>(r.rule)
     << " needed=" << num(r.needed) << " outcome=" << name_of(r.outcome)
     << " quorate_at_open=" << r.quorate_at_open << " quorate_at_close=" << r.quorate_at_close
     << " vetoed=" << r.vetoed << " chosen=" << r.chosen_option
     << " receipts=" << list(r.receipts_published);
}

}  // namespace

std::string describe(const MeetingState& s) {
  Out os;
  const MeetingInfo& i = s.info;
  os << "info title=" << Q{i.title} << " date=" << Q{i.date} << " place=" << Q{i.place}
     << " chair=" << Q{i.chair_name} << " secretary=" << Q{i.secretary_name}
     << " scheduled_start=" << i.scheduled_start << " quorum=" << i.quorum.min_present << '/'
     << num(i.quorum.min_fraction)
     << " first_time_first=" << i.queue_rules.first_time_speakers_first
     << " alternate_groups=" << i.queue_rules.alternate_groups
     << " live_tally_allowed=" << i.live_tally_allowed << '\n';
  os << "seq=" << s.seq << " phase=" << name_of(s.phase) << " started=" << s.started
     << " ended=" << s.ended
     << " current_item=" << (s.current_item ? std::to_string(*s.current_item) : std::string("none"))
     << '\n';

  for (const Member& m : s.roster) {
    const Participant& p = m.info;
    os << "member " << Q{p.id} << " name=" << Q{p.name} << " group=" << Q{p.group}
       << " weight=" << num(p.weight) << " seat=" << Q{p.seat} << " clicker=" << Q{p.clicker_id}
       << " invited=" << p.invited << " items=" << list(p.invited_items) << " present=" << m.present
       << '\n';
  }
  for (const auto& [id, index] : sorted(s.roster_index))
    os << "roster_index " << Q{id} << "=" << index << '\n';

  for (const Item& it : s.agenda) {
    const AgendaItem& a = it.info;
    os << "item " << Q{a.id} << " title=" << Q{a.title} << " background=" << Q{a.background}
       << " proposal=" << Q{a.proposal} << " published=" << a.published
       << " limit_s=" << a.speech_limit_s << " max_speeches=" << a.max_speeches_per_person
       << " veto_group=" << Q{a.veto_group} << " state=" << name_of(it.state)
       << " recused=" << list(it.recused) << " reopened=" << it.reopened << '\n';
    for (const VoteOption& o : a.options)
      os << "  option label=" << Q{o.label} << " description=" << Q{o.description} << '\n';
    for (const AbsentOpinion& o : it.opinions)
      os << "  opinion author=" << Q{o.author} << " text=" << Q{o.text}
         << " received=" << o.received << '\n';
  }
  for (const auto& [id, index] : sorted(s.agenda_index))
    os << "agenda_index " << Q{id} << "=" << index << '\n';

  os << "list_closed=" << s.list_closed << '\n';
  for (const SpeakRequest& r : s.queue)
    os << "queue id=" << r.id << " who=" << Q{r.participant_id} << " kind=" << name_of(r.kind)
       << " requested=" << r.requested << '\n';
  if (s.speech) {
    os << "speech ";
    speech(os, *s.speech);
    os << '\n';
  }
  for (const Speech& sp : s.speeches) {
    os << "spoke ";
    speech(os, sp);
    os << '\n';
  }
  for (const auto& [who, t] : s.totals_by_person)
    os << "total_person " << Q{who} << " spoken=" << t.spoken << " speeches=" << t.speeches << '\n';
  for (const auto& [group, t] : s.totals_by_group)
    os << "total_group " << Q{group} << " spoken=" << t.spoken << " speeches=" << t.speeches
       << '\n';

  for (const Dissent& d : s.dissent)
    os << "dissent id=" << d.id << " item=" << Q{d.item_id} << " kind=" << name_of(d.kind)
       << " who=" << Q{d.participant_id} << " text=" << Q{d.text} << " reply=" << Q{d.reply}
       << " recorded=" << d.recorded << '\n';
  for (const Motion& m : s.motions)
    os << "motion id=" << m.id << " item=" << Q{m.item_id} << " amends=" << m.amends
       << " mover=" << Q{m.mover_id} << " seconder=" << Q{m.seconder_id} << " text=" << Q{m.text}
       << " state=" << name_of(m.state) << " moved=" << m.moved << '\n';
  for (const Vote& v : s.votes) {
    os << "vote id=" << v.id << " item=" << Q{v.item_id} << ' ';
    spec(os, v.spec);
    os << " eligible=" << list(v.eligible) << " recused=" << v.recused
       << " quorate_at_open=" << v.quorate_at_open << " opened=" << v.opened
       << " closed=" << v.closed << " open=" << v.open << " voters=" << list(v.voters)
       << " press_ids=" << list(v.press_ids) << " live=" << counts(v.live_counts) << '/'
       << v.live_cast << " live_at=" << v.live_at << " changes_since_live=" << v.changes_since_live
       << " veto_stands=" << (v.veto_restored || !v.veto_no.empty()) << '\n';
    for (const auto& [who, choices] : v.named)
      os << "  named " << Q{who} << '=' << list(choices) << '\n';
    for (const auto& [receipt, b] : v.secret)
      os << "  secret " << Q{receipt} << " vote=" << b.vote_id << " receipt=" << Q{b.receipt}
         << " choices=" << list(b.choices) << " weight=" << num(b.weight)
         << " reason=" << Q{b.reason} << '\n';
    if (v.result) {
      os << "  result ";
      result(os, *v.result);
      os << '\n';
    }
  }
  for (const Resolution& r : s.resolutions)
    os << "resolution id=" << r.id << " item=" << Q{r.item_id} << " motion=" << r.motion_id
       << " vote=" << r.vote_id << " text=" << Q{r.text} << " responsible=" << Q{r.responsible}
       << " deadline=" << Q{r.deadline} << " recorded=" << r.recorded << '\n';

  os << "minutes=" << name_of(s.minutes) << " due=" << s.minutes_due
     << " signed_by=" << Q{s.minutes_signed_by} << " signed=" << s.minutes_signed << '\n';
  os << "next request=" << s.next_request << " speech=" << s.next_speech
     << " dissent=" << s.next_dissent << " motion=" << s.next_motion << " vote=" << s.next_vote
     << " resolution=" << s.next_resolution << '\n';
  return std::move(os).str();
}

}  // namespace gavel::test
