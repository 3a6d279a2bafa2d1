// `items list`, `dissent list`, `resolutions list`, `opinions list`: the
// records a chair and a secretary look up, with the ids the commands take.
#include <sstream>

#include "client_lib/local_time.hpp"
#include "format.hpp"
#include "wording.hpp"

namespace gavel::cli {

namespace {

std::string items(const v1::MeetingSnapshot& s, Lang l) {
  std::ostringstream out;
  for (int i = 0; i < s.agenda_size(); ++i) {
    const v1::AgendaItem& item = s.agenda(i);
    out << i + 1 << ". " << item.id() << "  [" << item_state_word(l, item.state()) << "]  " << item.title();
    if (item.published_late()) out << say(l, "（会前不足3天公布）", " (published late)");
    if (item.times_reopened() > 0) out << say(l, "（重新开启 ", " (reopened ") << item.times_reopened() << say(l, " 次）", "x)");
    if (!item.veto_group().empty()) out << say(l, "（" + item.veto_group() + "可一票否决）", " (veto: " + item.veto_group() + ")");
    out << "\n";
  }
  if (s.agenda_size() == 0) out << say(l, "议程为空", "the agenda is empty") << "\n";
  return out.str();
}

std::string dissent(const v1::MeetingSnapshot& s, const Names& names, Lang l) {
  std::ostringstream out;
  for (const v1::DissentRecord& d : s.dissent()) {
    out << "#" << d.id() << " " << dissent_kind_word(l, d.kind()) << " · " << names.item(d.item_id()) << " · "
        << (d.participant_id().empty() ? say(l, "匿名", "anonymous") : names.person(d.participant_id()))
        << say(l, "：", ": ") << d.text() << "\n";
    if (!d.reply().empty()) out << "   " << say(l, "回应：", "reply: ") << d.reply() << "\n";
  }
  if (s.dissent_size() == 0) out << say(l, "尚无分歧记录", "no dissent recorded yet") << "\n";
  return out.str();
}

std::string resolutions(const v1::MeetingSnapshot& s, const Names& names, Lang l) {
  std::ostringstream out;
  for (const v1::Resolution& r : s.resolutions()) {
    out << "#" << r.id() << " " << names.item(r.item_id()) << say(l, "（动议 #", " (motion #") << r.motion_id()
        << say(l, "）", ")") << "\n   " << r.text() << "\n   " << say(l, "责任人：", "responsible: ") << r.responsible()
        << say(l, "；完成时限：", "; deadline: ") << r.deadline() << "\n";
  }
  if (s.resolutions_size() == 0) out << say(l, "尚无决议", "no resolution recorded yet") << "\n";
  return out.str();
}

std::string opinions(const v1::MeetingSnapshot& s, const Names& names, Lang l) {
  std::ostringstream out;
  int shown = 0;
  for (const v1::AgendaItem& item : s.agenda())
    for (const v1::AbsentOpinion& o : item.opinions()) {
      out << names.item(item.id()) << " · " << o.author();
      if (o.received_ms() != 0) out << " · " << client::local_time(o.received_ms(), "%Y-%m-%d %H:%M");
      std::string text = o.text();
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      out << "\n   " << text << "\n";
      ++shown;
    }
  if (shown == 0) out << say(l, "尚无书面意见", "no written opinion yet") << "\n";
  return out.str();
}

}  // namespace

std::string format_list(ListKind kind, const v1::MeetingSnapshot& s, const Names& names, Lang l) {
  switch (kind) {
    case ListKind::items: return items(s, l);
    case ListKind::dissent: return dissent(s, names, l);
    case ListKind::resolutions: return resolutions(s, names, l);
    case ListKind::opinions: return opinions(s, names, l);
  }
  return {};
}

}  // namespace gavel::cli
