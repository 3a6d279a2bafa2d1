#include "archive.hpp"

#include <map>
#include <sstream>

#include "store/sqlite.hpp"

namespace gavel::record {

namespace {
// One searchable text of the record.
struct Entry {
  std::int64_t meeting_id;
  HitKind kind;
  std::string ref, text;
};

std::string number(std::uint64_t n) { return std::to_string(n); }

// The texts of one meeting, in the order the minutes would show them, with
// dissent replies joined to their records.
void entries_of(const v1::MeetingRecord& m, std::vector<Entry>& out) {
  const auto& info = m.setup_decoded().info();
  out.push_back({m.id(), HitKind::meeting, "", m.title() + "\n" + info.date() + "\n" + info.place() + "\n" +
                                                   info.chair_name() + "\n" + info.secretary_name()});
  for (const v1::AgendaItem& item : m.setup_decoded().agenda()) {
    out.push_back({m.id(), HitKind::item, item.id(), item.title() + "\n" + item.background() + "\n" + item.proposal()});
    for (const auto& opinion : item.opinions())
      out.push_back({m.id(), HitKind::opinion, item.id(), opinion.author() + "：" + opinion.text()});
  }
  std::map<std::uint64_t, std::size_t> dissent_at;
  for (const v1::ChainedEvent& row : m.events()) {
    const v1::Event& e = row.event();
    switch (e.body_case()) {
      case v1::Event::kOpinionAttached:
        out.push_back({m.id(), HitKind::opinion, e.opinion_attached().item_id(),
                       e.opinion_attached().author() + "：" + e.opinion_attached().text()});
        break;
      case v1::Event::kDissentRecorded:
        dissent_at[e.dissent_recorded().dissent_id()] = out.size();
        out.push_back({m.id(), HitKind::dissent, number(e.dissent_recorded().dissent_id()), e.dissent_recorded().text()});
        break;
      case v1::Event::kDissentReplied:
        if (auto at = dissent_at.find(e.dissent_replied().dissent_id()); at != dissent_at.end())
          out[at->second].text += "\n" + e.dissent_replied().reply();
        break;
      case v1::Event::kMotionProposed:
        out.push_back({m.id(), HitKind::motion, number(e.motion_proposed().motion_id()), e.motion_proposed().text()});
        break;
      case v1::Event::kResolutionRecorded: {
        const auto& r = e.resolution_recorded();
        out.push_back({m.id(), HitKind::resolution, number(r.resolution_id()),
                       r.text() + "\n" + r.responsible() + "\n" + r.deadline()});
        break;
      }
      default: break;
    }
  }
}

std::vector<std::string> words_of(const std::string& query) {
  std::vector<std::string> out;
  std::istringstream in(query);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// Characters, not bytes: the trigram tokenizer counts code points.
std::size_t characters(const std::string& text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Around the first occurrence of `word` (bytes), on character boundaries.
std::string excerpt(const std::string& text, const std::string& word) {
  std::string flat = text;
  for (char& c : flat)
    if (c == '\n') c = ' ';
  constexpr std::size_t kSide = 45;  // bytes: about 15 Chinese characters
  std::size_t at = flat.find(word);
  if (at == std::string::npos) at = 0;
  std::size_t from = at > kSide ? at - kSide : 0;
  std::size_t to = std::min(flat.size(), at + word.size() + kSide);
  while (from > 0 && (static_cast<unsigned char>(flat[from]) & 0xC0) == 0x80) --from;
  while (to < flat.size() && (static_cast<unsigned char>(flat[to]) & 0xC0) == 0x80) ++to;
  return (from > 0 ? "…" : "") + flat.substr(from, to - from) + (to < flat.size() ? "…" : "");
}

std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string phrase(const std::string& word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

std::vector<ArchivedMeeting> list_meetings(const v1::RecordExport& record) {
  std::vector<ArchivedMeeting> out;
  for (const v1::MeetingRecord& m : record.meetings()) {
    ArchivedMeeting a;
    a.id = m.id();
    a.title = m.title();
    a.date = m.setup_decoded().info().date();
    a.place = m.setup_decoded().info().place();
    a.archived = m.archived();
    a.events = static_cast<std::size_t>(m.events_size());
    a.items = static_cast<std::size_t>(m.setup_decoded().agenda_size());
    for (const v1::ChainedEvent& row : m.events()) {
      a.finished = a.finished || row.event().has_meeting_ended();
      a.signed_off = a.signed_off || row.event().has_minutes_signed();
      if (row.event().has_resolution_recorded()) ++a.resolutions;
    }
    out.push_back(std::move(a));
  }
  return out;
}

bool Action::overdue(const std::string& today) const {
  return status != v1::RESOLUTION_DONE && status != v1::RESOLUTION_DROPPED && !deadline.empty() && deadline < today;
}

std::vector<Action> list_actions(const v1::RecordExport& record) {
  std::vector<Action> out;
  for (const v1::MeetingRecord& m : record.meetings()) {
    std::map<std::uint64_t, std::size_t> at;
    for (const v1::ChainedEvent& row : m.events()) {
      const v1::Event& e = row.event();
      if (e.has_resolution_recorded()) {
        const auto& r = e.resolution_recorded();
        at[r.resolution_id()] = out.size();
        out.push_back({m.id(), m.title(), r.resolution_id(), r.item_id(), r.text(), r.responsible(), r.deadline(),
                       v1::RESOLUTION_OPEN, "", 0});
      } else if (e.has_resolution_updated()) {
        auto found = at.find(e.resolution_updated().resolution_id());
        if (found == at.end()) continue;
        Action& a = out[found->second];
        a.status = e.resolution_updated().status();
        a.status_note = e.resolution_updated().note();
        a.status_ms = e.at_ms();
      }
    }
  }
  return out;
}

core::Result<std::vector<Hit>> search(const v1::RecordExport& record, const std::string& query) {
  const std::vector<std::string> words = words_of(query);
  if (words.empty())
    return core::make_error(core::ErrorCode::invalid_argument, "请给出要搜索的词", "give words to search for");
  std::vector<Entry> entries;
  std::map<std::int64_t, std::string> titles;
  for (const v1::MeetingRecord& m : record.meetings()) {
    entries_of(m, entries);
    titles[m.id()] = m.title();
  }
  auto db = store::Database::open(":memory:");
  if (!db) return db.error();
  if (auto ok = db.value().exec("CREATE VIRTUAL TABLE archive USING fts5(text, tokenize = 'trigram')"); !ok)
    return ok.error();
  auto insert = db.value().prepare("INSERT INTO archive(rowid, text) VALUES (?, ?)");
  if (!insert) return insert.error();
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (auto ok = insert.value().bind(1, static_cast<std::int64_t>(i)).bind(2, entries[i].text).run(); !ok)
      return ok.error();

  bool short_word = false;
  for (const std::string& w : words) short_word = short_word || characters(w) < 3;
  std::string sql = "SELECT rowid FROM archive WHERE ";
  std::string match;
  if (short_word) {
    for (std::size_t i = 0; i < words.size(); ++i) sql += (i ? " AND " : "") + std::string("text LIKE ? ESCAPE '\\'");
  } else {
    sql += "archive MATCH ?";
    for (const std::string& w : words) match += (match.empty() ? "" : " ") + phrase(w);
  }
  sql += " ORDER BY rowid";
  auto select = db.value().prepare(sql);
  if (!select) return select.error();
  if (short_word)
    for (std::size_t i = 0; i < words.size(); ++i) select.value().bind(static_cast<int>(i + 1), like_pattern(words[i]));
  else
    select.value().bind(1, match);
  std::vector<Hit> hits;
  for (;;) {
    auto row = select.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    const Entry& e = entries[static_cast<std::size_t>(select.value().int64(0))];
    hits.push_back({e.meeting_id, titles[e.meeting_id], e.kind, e.ref, excerpt(e.text, words.front())});
  }
  return hits;
}

}  // namespace gavel::record
