// `gavelctl status`, `speakers list` and `roster`: the snapshot for people.
#include <algorithm>
#include <sstream>

#include "client_lib/local_time.hpp"
#include "format.hpp"
#include "wording.hpp"

namespace gavel::cli {

namespace {

// "还剩 23 小时 05 分" / "23 h 05 min left" while the 24 hours run, then
// "已逾期 2 小时 10 分" / "OVERDUE by 2 h 10 min".
std::string due_words(std::int64_t left_ms, Lang l) {
  std::int64_t minutes = (left_ms < 0 ? -left_ms : left_ms) / 60000;
  std::string mm = (minutes % 60 < 10 ? "0" : "") + std::to_string(minutes % 60);
  std::string hours = std::to_string(minutes / 60);
  if (l == Lang::zh) return (left_ms >= 0 ? "还剩 " : "已逾期 ") + hours + " 小时 " + mm + " 分";
  std::string span = hours + " h " + mm + " min";
  return left_ms >= 0 ? span + " left" : "OVERDUE by " + span;
}

constexpr int kQueueShown = 10;

std::string counts_line(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& counts, bool weighted,
                        Lang l) {
  std::ostringstream out;
  for (int i = 0; i < counts.size(); ++i) {
    out << (i ? " · " : "") << counts[i].option() << " " << counts[i].count();
    if (weighted) out << say(l, "（权重 ", " (weight ") << counts[i].weight() << say(l, "）", ")");
  }
  return out.str();
}

// Label column, so the values line up (Chinese labels are two columns wide per character).
std::string label(Lang l, std::string_view zh, std::string_view en) {
  if (l == Lang::zh) {
    std::string out(zh);
    const std::size_t chars = zh.size() / 3;  // the labels are CJK only
    return out + std::string(chars < 6 ? (6 - chars) * 2 : 1, ' ');
  }
  std::string out(en);
  out.resize(std::max<std::size_t>(out.size() + 1, 12), ' ');
  return out;
}

std::string request_text(const v1::SpeakRequest& r, const Names& names, Lang l) {
  return "#" + std::to_string(r.id()) + " " + names.person(r.participant_id()) + " " + request_kind_word(l, r.kind());
}

void speaker_line(std::ostringstream& out, const v1::Speech& speech, std::int64_t now_ms, const Names& names,
                  Lang l) {
  out << label(l, "发言人", "speaker");
  if (speech.id() == 0) {
    out << say(l, "无人发言", "nobody has the floor") << "\n";
    return;
  }
  out << names.person(speech.participant_id());
  if (speech.kind() != v1::REQUEST_CONTRIBUTION)
    out << say(l, "（" + request_kind_word(l, speech.kind()) + "）", " (" + request_kind_word(l, speech.kind()) + ")");
  const std::int64_t left = speech.paused() ? speech.remaining_ms() : speech.deadline_ms() - now_ms;
  const std::string total = minutes_seconds((speech.limit_s() + speech.extended_s()) * 1000LL);
  out << " · ";
  if (speech.paused()) out << say(l, "已暂停，", "paused, ");
  if (left >= 0)
    out << say(l, "剩余 " + minutes_seconds(left) + "（共 " + total + "）", minutes_seconds(left) + " left of " + total);
  else
    out << say(l, "超时 " + minutes_seconds(-left) + "（限时 " + total + "）", "OVERTIME " + minutes_seconds(-left) + " of " + total);
  out << "\n";
}

void rule_lines(std::ostringstream& out, const v1::Vote& vote, Lang l) {
  if (!vote.rule_words().zh().empty())
    out << label(l, "", "") << say(l, "通过规则：", "rule: ") << say(l, vote.rule_words().zh(), vote.rule_words().en()) << "\n";
  if (!vote.veto_group().empty())
    out << label(l, "", "") << say(l, "一票否决：", "veto: ") << say(l, vote.veto_words().zh(), vote.veto_words().en()) << "\n";
}

void vote_lines(std::ostringstream& out, const v1::Vote& vote, Lang l) {
  const v1::VoteSpec& spec = vote.spec();
  const std::string n = "#" + std::to_string(vote.id()), motion = "#" + std::to_string(spec.motion_id());
  out << label(l, "表决", "vote")
      << say(l, n + "（动议 " + motion + "，" + (spec.secret() ? "无记名，" : "记名，") + ballot_form_word(l, spec.form()) +
                    "）：" + std::to_string(vote.eligible()) + " 人中已投 " + std::to_string(vote.cast()) + " 人",
             n + " on motion " + motion + ", " + (spec.secret() ? "secret " : "open ") + ballot_form_word(l, spec.form()) +
                 ": " + std::to_string(vote.cast()) + " of " + std::to_string(vote.eligible()) + " voted");
  if (vote.recused() != 0) out << say(l, "（回避 ", " (") << vote.recused() << say(l, " 人）", " recused)");
  if (!vote.quorate_at_open()) out << say(l, "，未达法定人数", ", opened WITHOUT QUORUM");
  out << "\n" << label(l, "", "") << spec.question() << "\n";
  for (int i = 0; i < spec.options_size(); ++i) {
    out << label(l, "", "") << i + 1 << " " << spec.options(i);
    if (i < spec.option_descriptions_size() && !spec.option_descriptions(i).empty())
      out << say(l, "：", ": ") << spec.option_descriptions(i);
    out << "\n";
  }
  rule_lines(out, vote, l);
  if (!vote.counts().empty())
    out << label(l, "", "") << say(l, "目前：", "so far: ") << counts_line(vote.counts(), spec.weighted(), l) << "\n";
}

void result_line(std::ostringstream& out, const v1::Vote& vote, Lang l) {
  const v1::VoteResult& r = vote.result();
  std::ostringstream needed;
  needed << r.needed();
  out << label(l, "上次表决", "last vote") << "#" << vote.id() << " " << outcome_word(l, r.outcome()) << say(l, "：", ": ")
      << counts_line(r.counts(), vote.spec().weighted(), l) << say(l, "；", "; ")
      << say(l, std::to_string(r.eligible()) + " 人中 " + std::to_string(r.cast()) + " 人投票",
             std::to_string(r.cast()) + " of " + std::to_string(r.eligible()) + " voted");
  const bool counted_threshold = r.rule() != v1::RULE_NO_BLOCK && r.rule() != v1::RULE_MOST_VOTES;
  if (counted_threshold) out << say(l, "，需 " + needed.str(), ", needed " + needed.str());
  out << say(l, "（" + r.rule_words().zh() + "）", " (" + r.rule_words().en() + ")");
  out << "\n";
}

}  // namespace

std::string format_status(const v1::MeetingSnapshot& s, std::int64_t now_ms, const Names& names, Lang l) {
  std::ostringstream out;
  const v1::MeetingInfo& info = s.info();
  out << label(l, "会议", "meeting") << info.title();
  for (const std::string* part : {&info.date(), &info.place()}) {
    if (!part->empty()) out << " · " << *part;
  }
  out << " · " << phase_word(l, s.phase()) << " · seq " << s.seq() << "\n";

  std::size_t id_width = 0;
  for (const v1::AgendaItem& item : s.agenda()) id_width = std::max(id_width, item.id().size());
  bool first = true;
  for (const v1::AgendaItem& item : s.agenda()) {
    std::string id = item.id();
    id.resize(id_width, ' ');
    std::string state = item_state_word(l, item.state());
    if (l == Lang::en) state.resize(11, ' ');
    else state += std::string(state.size() / 3 < 3 ? (3 - state.size() / 3) * 2 : 0, ' ');  // CJK: two columns each
    out << (first ? label(l, "议程", "agenda") : label(l, "", "")) << state << " " << id << "  " << item.title();
    if (item.published_late()) out << say(l, "（会前不足3天公布）", "  (published late)");
    if (item.times_reopened() > 0) out << say(l, "（曾重新开启）", "  (reopened)");
    out << "\n";
    first = false;
  }

  if (!s.current_item_id().empty()) {
    out << label(l, "当前议题", "item") << names.item(s.current_item_id()) << "\n";
    speaker_line(out, s.current_speech(), now_ms, names, l);
    out << label(l, "发言名单", "queue") << say(l, std::to_string(s.queue().requests_size()) + " 人等候",
                                              std::to_string(s.queue().requests_size()) + " waiting");
    if (s.queue().closed()) out << say(l, "，名单已截止", ", list CLOSED");
    for (int i = 0; i < s.queue().requests_size() && i < kQueueShown; ++i)
      out << (i ? " · " : say(l, "：", ": ")) << request_text(s.queue().requests(i), names, l);
    if (s.queue().requests_size() > kQueueShown) out << " · …";
    out << "\n";
  }

  const v1::Attendance& a = s.attendance();
  out << label(l, "出席", "attendance") << attendance_words(l, a);
  out << "\n";
  if (a.by_group_size() > 0) {
    out << label(l, "各群体", "by group");
    for (int i = 0; i < a.by_group_size(); ++i)
      out << (i ? " · " : "") << a.by_group(i).group() << " " << a.by_group(i).present() << "/" << a.by_group(i).total();
    out << "\n";
  }

  for (const v1::Motion& m : s.motions()) {
    if (m.item_id() != s.current_item_id()) continue;
    out << label(l, "动议", "motion") << "#" << m.id() << " " << motion_state_word(l, m.state());
    if (m.amends() != 0) out << say(l, "，修正 #", ", amends #") << m.amends();
    out << say(l, "（动议人 ", " (moved by ") << names.person(m.mover_id());
    if (!m.seconder_id().empty()) out << say(l, "，附议人 ", ", seconded by ") << names.person(m.seconder_id());
    out << say(l, "）：", "): ") << m.text() << "\n";
  }
  if (s.current_vote().id() != 0) vote_lines(out, s.current_vote(), l);
  if (!s.votes().empty()) result_line(out, *s.votes().rbegin(), l);
  if (!s.resolutions().empty())
    out << label(l, "决议", "resolutions")
        << say(l, "已记录 " + std::to_string(s.resolutions_size()) + " 项（gavelctl resolutions list）",
               std::to_string(s.resolutions_size()) + " recorded (gavelctl resolutions list)")
        << "\n";

  const v1::MinutesStatus& minutes = s.minutes();
  if (minutes.state() == v1::MINUTES_DRAFT) {
    out << label(l, "纪要", "minutes") << say(l, "草稿第 ", "draft v") << minutes.signed_version() + 1
        << say(l, " 版，截止 ", ", due ") << client::local_time(minutes.due_ms(), "%Y-%m-%d %H:%M");
    // 五步议事法: the minutes are out within 24 hours of the end.
    if (minutes.signed_version() == 0) out << " (" << due_words(minutes.due_ms() - now_ms, l) << ")";
    out << "\n";
  } else if (minutes.state() == v1::MINUTES_SIGNED) {
    out << label(l, "纪要", "minutes") << "v" << minutes.signed_version()
        << say(l, " 已由 " + minutes.signed_by() + " 签署，", " signed by " + minutes.signed_by() + " at ")
        << client::local_time(minutes.signed_ms(), "%Y-%m-%d %H:%M") << "\n";
  }
  for (const v1::Notice& n : s.notices())
    out << label(l, "提醒", "warning") << say(l, n.words().zh(), n.words().en()) << "\n";
  return out.str();
}

std::string format_queue(const v1::MeetingSnapshot& s, const Names& names, Lang l) {
  std::ostringstream out;
  if (s.current_speech().id() != 0)
    out << say(l, "正在发言：", "speaking: ") << names.person(s.current_speech().participant_id()) << "\n";
  if (s.queue().requests().empty()) out << say(l, "无人等候", "nobody is waiting");
  for (int i = 0; i < s.queue().requests_size(); ++i)
    out << (i ? "\n" : "") << i << ". " << request_text(s.queue().requests(i), names, l);
  out << "\n";
  if (s.queue().closed()) out << say(l, "发言名单已截止", "the list is closed") << "\n";
  return out.str();
}

std::string format_roster(const v1::MeetingSnapshot& s, Lang l) {
  std::ostringstream out;
  for (const v1::Participant& p : s.roster()) {
    out << p.id() << "  " << p.name() << "  " << (p.group().empty() ? "-" : p.group()) << "  "
        << (p.present() ? say(l, "到会", "present") : say(l, "未到", "absent"));
    if (p.invited()) out << "  " << say(l, "列席", "invited");
    if (!p.seat().empty()) out << "  " << say(l, "座位 ", "seat ") << p.seat();
    if (!p.clicker_id().empty()) out << "  " << say(l, "表决器 ", "clicker ") << p.clicker_id();
    if (p.weight() != 0.0 && p.weight() != 1.0) out << "  " << say(l, "权重 ", "weight ") << p.weight();
    out << "\n";
  }
  out << attendance_words(l, s.attendance()) << "\n";
  return out.str();
}

}  // namespace gavel::cli
