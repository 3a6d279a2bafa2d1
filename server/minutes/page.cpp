#include "page.hpp"

#include <sstream>

#include "minutes/beijing_time.hpp"
#include "minutes/words.hpp"

namespace gavel::minutes {

namespace {

std::string joined(const std::vector<std::string>& names, const char* separator = "、") {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

// Text from the meeting file is wrapped by hand at some width: lines are
// joined (Chinese needs no space between them) unless a line ends a sentence
// or a blank line follows, so the printed paragraphs wrap by themselves.
std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::string current, line;
  std::istringstream in(text);
  auto flush = [&] {
    if (!current.empty()) out.push_back(current);
    current.clear();
  };
  while (std::getline(in, line)) {
    auto first = line.find_first_not_of(" \t\r");
    auto last = line.find_last_not_of(" \t\r");
    if (first == std::string::npos) {
      flush();
      continue;
    }
    current += line.substr(first, last - first + 1);
    for (const char* end : {"。", "！", "？", "；", "：", ".", "!", "?"})
      if (current.ends_with(end)) {
        flush();
        break;
      }
  }
  flush();
  return out;
}

std::string reflowed(const std::string& text) { return joined(paragraphs_of(text), "\n"); }

std::string count_of(std::size_t n) { return std::to_string(n) + "人"; }

class Writer {
 public:
  explicit Writer(Page& page) : page_(page) {}
  void add(BlockKind kind, std::string label, std::string text) {
    page_.blocks.push_back(Block{kind, std::move(label), std::move(text), {}});
  }
  void field(std::string label, std::string text) { add(BlockKind::field, std::move(label), std::move(text)); }
  void paragraphs(const std::string& text) {
    for (std::string& p : paragraphs_of(text)) add(BlockKind::paragraph, "", std::move(p));
  }
  void section(std::string text) { add(BlockKind::section, "", std::move(text)); }
  void entry(std::size_t n, std::string text) { add(BlockKind::entry, std::to_string(n) + ".", std::move(text)); }
  void detail(std::string text) { add(BlockKind::detail, "", std::move(text)); }
  void notes(const Notes& notes) {
    for (const std::string& n : notes) add(BlockKind::note, "记录员注", n);
  }
  void table(std::vector<std::vector<std::string>> rows) {
    page_.blocks.push_back(Block{BlockKind::table, "", "", std::move(rows)});
  }

 private:
  Page& page_;
};

void header(Writer& w, const Document& doc) {
  const Header& h = doc.header;
  w.field("时间", h.date + " " + h.start + (h.end.empty() ? "" : "—" + h.end));
  w.field("地点", h.place);
  w.field("主持", h.chair);
  w.field("记录", h.secretary);
  w.field("出席", (h.present.empty() ? "无" : joined(h.present)) + "（" + count_of(h.present.size()) + "）");
  if (!h.invited.empty()) w.field("列席", joined(h.invited) + "（" + count_of(h.invited.size()) + "）");
  w.field("请假", (h.absent.empty() ? "无" : joined(h.absent)) + "（" + count_of(h.absent.size()) + "）");
  w.field("法定人数", "固定成员" + count_of(h.fixed_members) + "，法定人数" + count_of(h.quorum_needed) + "，出席" +
                          count_of(h.present.size()) + "，" + (h.quorate ? "符合法定人数" : "不足法定人数"));
  std::vector<std::string> groups;
  for (const GroupCount& g : h.composition)
    if (g.present) groups.push_back(g.group + " " + std::to_string(g.present) + "/" + std::to_string(g.total));
  w.field("到会构成", groups.empty() ? "无" : joined(groups, "，"));
  w.notes(h.notes);
  w.notes(h.attendance_notes);
}

std::string speech_text(const SpeechLine& s) {
  std::string text = s.started + " " + s.speaker + (s.group.empty() ? "" : "（" + s.group + "）") + " " +
                     request_kind_words(s.kind) + " " + duration_words(s.spoken_ms) + "（限时" +
                     duration_words(s.allowed_ms) + "）";
  if (s.overtime_ms > 0) text += "，超时" + duration_words(s.overtime_ms);
  return text;
}

void speeches(Writer& w, const ItemSection& item, core::MinutesStyle style) {
  if (style == core::MinutesStyle::full) {
    if (item.speeches.empty()) return;
    w.section("发言（按顺序）");
    std::size_t n = 0;
    for (const SpeechLine& s : item.speeches) {
      w.entry(++n, speech_text(s));
      w.notes(s.notes);
    }
    return;
  }
  // Robert's Rules record points of order, not debate.
  bool any = false;
  std::size_t n = 0;
  for (const SpeechLine& s : item.speeches) {
    if (s.kind != core::RequestKind::point_of_order) continue;
    if (!any) w.section("程序问题");
    any = true;
    w.entry(++n, s.started + " " + s.speaker + " 提出程序问题");
    w.notes(s.notes);
  }
}

void dissent(Writer& w, const ItemSection& item) {
  if (item.dissent.empty()) return;
  w.section("意见记录（分歧、少数意见与反对意见）");
  std::size_t n = 0;
  for (const DissentLine& d : item.dissent) {
    w.entry(++n, std::string(dissent_kind_words(d.kind)) + "（" + (d.who.empty() ? "匿名" : d.who) + "）：" + d.text);
    w.detail(d.reply.empty() ? "回应：（会上未作回应）" : "回应或折中：" + d.reply);
    w.notes(d.notes);
  }
}

void motions(Writer& w, const ItemSection& item) {
  if (item.motions.empty()) return;
  w.section("动议");
  std::size_t n = 0;
  for (const MotionLine& m : item.motions) {
    std::string text = (m.amends ? "修正动议" + std::to_string(m.id) + "（修正动议" + std::to_string(m.amends) + "）"
                                 : "动议" + std::to_string(m.id)) +
                       "：" + m.text;
    w.entry(++n, text);
    w.detail("动议人：" + m.mover + "；附议人：" + (m.seconder.empty() ? "无" : m.seconder) + "；结果：" +
             motion_state_words(m.state));
    w.notes(m.notes);
  }
}

std::string counts_text(const VoteLine& v) {
  std::string text;
  for (const core::ChoiceCount& c : v.result.counts) {
    if (!text.empty()) text += "，";
    text += c.option + " " + std::to_string(c.count) + "票";
    if (v.weighted) text += "（加权 " + weight_text(c.weight) + "）";
  }
  return text;
}

void votes(Writer& w, const ItemSection& item) {
  if (item.votes.empty()) return;
  w.section("表决");
  std::size_t n = 0;
  for (const VoteLine& v : item.votes) {
    std::string title = "表决" + std::to_string(v.id);
    if (v.motion_id) title += "（动议" + std::to_string(v.motion_id) + "）";
    w.entry(++n, title + "：" + v.question);
    std::string form = std::string(v.secret ? "无记名投票" : "记名投票") + "，" + ballot_form_words(v.form);
    if (v.weighted) form += "，按权重计票";
    if (!v.veto_group.empty()) form += "，" + v.veto_group + "可一票否决";
    w.detail("方式：" + form + "；" + v.opened + " 开始");
    if (!v.closed) {
      w.detail("结果：表决未结束");
      w.notes(v.notes);
      continue;
    }
    const core::VoteResult& r = v.result;
    w.detail("有表决权 " + std::to_string(r.eligible) + " 人，投票 " + std::to_string(r.cast) + " 人，回避 " +
             std::to_string(r.recused) + " 人");
    w.detail("计票：" + counts_text(v) + (v.secret ? "（无记名投票只记总数）" : ""));
    if (!v.secret)
      for (std::size_t i = 0; i < v.names_by_option.size() && i < r.counts.size(); ++i)
        if (!v.names_by_option[i].empty())
          w.detail(r.counts[i].option + "：" + joined(v.names_by_option[i]));
    w.detail("通过标准：" + threshold_words(v.threshold, v.abstentions_count) + "；法定人数：开始时" +
             (r.quorate_at_open ? "符合" : "不足") + "，结束时" + (r.quorate_at_close ? "符合" : "不足"));
    std::string outcome = outcome_words(r.outcome);
    if (r.outcome == core::Outcome::chosen && r.chosen_option >= 0 &&
        static_cast<std::size_t>(r.chosen_option) < r.counts.size())
      outcome += "“" + r.counts[static_cast<std::size_t>(r.chosen_option)].option + "”";
    w.detail("结果：" + outcome);
    w.notes(v.notes);
  }
}

void resolutions(Writer& w, const ItemSection& item) {
  if (item.resolutions.empty()) return;
  w.section("决议");
  std::size_t n = 0;
  for (const ResolutionLine& r : item.resolutions) {
    w.entry(++n, r.text);
    w.detail("责任人：" + r.responsible + "；完成时限：" + r.deadline);
    w.notes(r.notes);
  }
}

void item_part(Writer& w, const ItemSection& item, std::size_t number, core::MinutesStyle style) {
  w.add(BlockKind::heading, chinese_number(number) + "、", item.title);
  bool full = style == core::MinutesStyle::full;
  if (!item.published.empty())
    w.field("公示时间", item.published + (item.published_late ? "（会前不足3天公示）" : ""));
  if (!item.discussed) w.field("议程", item.deferred ? "移至下次会议审议" : "本次会议未审议");
  if (full && !item.background.empty()) {
    w.section("背景");
    w.paragraphs(item.background);
  }
  if (full && !item.proposal.empty()) {
    w.section("议案草案");
    w.paragraphs(item.proposal);
  }
  if (full && !item.opinions.empty()) {
    w.section("缺席方书面意见");
    std::size_t n = 0;
    for (const Opinion& o : item.opinions) {
      w.entry(++n, o.author + (o.received.empty() ? "" : "（" + o.received + "收到）") + "：" + reflowed(o.text));
    }
  }
  if (!item.recused.empty()) w.field("回避", joined(item.recused) + "（申报利益关联，不参加本议题表决）");
  speeches(w, item, style);
  if (full && !item.summary.empty()) {
    w.section("讨论情况");
    w.paragraphs(item.summary);
  }
  dissent(w, item);
  motions(w, item);
  votes(w, item);
  resolutions(w, item);
  w.notes(item.notes);
}

void changes(Writer& w, const Document& doc) {
  if (doc.changes_against == 0) return;
  w.add(BlockKind::heading, "", "本版更正（对照第" + std::to_string(doc.changes_against) + "版）");
  if (doc.changes.empty()) {
    w.detail("无更正");
    return;
  }
  std::size_t n = 0;
  for (const Change& c : doc.changes) {
    if (c.kind == core::MinutesEditKind::note) {
      w.entry(++n, "加注 " + c.target + "：" + c.after);
    } else {
      w.entry(++n, "改写 " + c.target);
      w.detail("原文：" + c.before);
      w.detail("改为：" + c.after);
    }
  }
}

void seal(Writer& w, const Document& doc) {
  if (!doc.sealed) {
    w.add(BlockKind::seal, "", "记录人签署：＿＿＿＿＿＿（本稿为草稿，签署后生效）");
    return;
  }
  const Seal& s = doc.seal;
  w.add(BlockKind::seal, "", "记录人签署：" + s.signed_by + "（" + s.signed_at + "，第" + std::to_string(doc.version) + "版）");
  w.add(BlockKind::seal, "", "纪要内容 SHA-256：" + s.content_sha256);
  w.add(BlockKind::seal, "", "依据记录：截至第 " + std::to_string(s.head_seq) + " 号事件" +
                                 (s.head_sha256.empty() ? "" : "，链头 SHA-256：" + s.head_sha256));
  if (!s.signature.empty()) w.add(BlockKind::seal, "", "签名（Ed25519）：" + s.signature);
  if (!s.key_fingerprint.empty()) w.add(BlockKind::seal, "", "签名公钥指纹：" + s.key_fingerprint);
}

}  // namespace

std::vector<std::vector<std::string>> action_rows(const Document& doc) {
  std::vector<std::vector<std::string>> rows{{"序号", "议题", "决议", "责任人", "完成时限"}};
  std::size_t n = 0;
  for (const ResolutionLine& r : doc.actions)
    rows.push_back({std::to_string(++n), r.item_title, r.text, r.responsible, r.deadline});
  return rows;
}

Page page_of(const Document& doc) {
  Page page;
  page.running_head = doc.header.title + "纪要" + (doc.draft ? "（草稿）" : "（第" + std::to_string(doc.version) + "版）");
  Writer w(page);
  w.add(BlockKind::title, "", doc.header.title + "纪要");
  if (doc.draft) w.add(BlockKind::draft_mark, "", "草稿 · 未签署 · 第" + std::to_string(doc.version) + "版");
  header(w, doc);
  std::size_t number = 0;
  for (const ItemSection& item : doc.items) item_part(w, item, ++number, doc.style);
  w.add(BlockKind::heading, "", "行动清单");
  if (doc.actions.empty()) {
    w.detail("本次会议没有形成需要落实的决议");
  } else {
    w.table(action_rows(doc));
  }
  w.notes(doc.action_notes);
  changes(w, doc);
  seal(w, doc);
  return page;
}

}  // namespace gavel::minutes
