#include "draft.hpp"

#include <algorithm>
#include <map>

#include "core/attendance.hpp"
#include "core/minutes_target.hpp"
#include "core/speech_timer.hpp"
#include "minutes/beijing_time.hpp"

namespace gavel::minutes {

namespace {

using core::MeetingState;

std::string name_of(const MeetingState& s, const std::string& id) {
  const core::Member* m = s.member(id);
  return m ? m->info.name : id;
}

Header draft_header(const MeetingState& s) {
  Header h;
  h.title = s.info.title;
  h.date = s.info.date;
  h.start = beijing_time(s.started ? s.started : s.info.scheduled_start, "%H:%M");
  if (s.ended) h.end = beijing_time(s.ended, "%H:%M");
  h.place = s.info.place;
  h.chair = s.info.chair_name;
  h.secretary = s.info.secretary_name;
  std::map<std::string, std::size_t> group_at;
  for (const core::Member& m : s.roster) {
    if (!m.info.invited) ++h.fixed_members;
    if (m.info.invited) {
      if (m.attended) h.invited.push_back(m.info.name);
    } else if (m.attended) {
      h.present.push_back(m.info.name);
    } else {
      h.absent.push_back(m.info.name);
    }
    auto [it, fresh] = group_at.emplace(m.info.group, h.composition.size());
    if (fresh) h.composition.push_back({m.info.group, 0, 0});
    GroupCount& g = h.composition[it->second];
    ++g.total;
    if (m.attended) ++g.present;
  }
  h.quorum_needed = core::attendance(s).quorum_needed;
  h.quorate = h.present.size() >= h.quorum_needed;
  return h;
}

SpeechLine speech_line(const MeetingState& s, const core::Speech& sp) {
  const core::Member* m = s.member(sp.participant_id);
  return SpeechLine{sp.id,
                    m ? m->info.name : sp.participant_id,
                    m ? m->info.group : std::string(),
                    sp.kind,
                    beijing_time(sp.started, "%H:%M:%S"),
                    core::spoken(sp, sp.ended ? sp.ended : sp.started),
                    core::allowed_ms(sp),
                    core::overtime(sp, sp.ended ? sp.ended : sp.started),
                    {}};
}

ItemSection draft_item(const MeetingState& s, const core::Item& item) {
  ItemSection out;
  out.id = item.info.id;
  out.title = item.info.title;
  out.background = item.info.background;
  out.proposal = item.info.proposal;
  // Pending at the end means not reached; the chair may have deferred it instead.
  out.discussed = item.state != core::ItemState::pending && item.state != core::ItemState::not_reached &&
                  item.state != core::ItemState::deferred;
  out.deferred = item.state == core::ItemState::deferred;
  if (item.info.published) {
    out.published = beijing_time(item.info.published, "%Y-%m-%d %H:%M");
    core::Millis meeting = s.started ? s.started : s.info.scheduled_start;
    out.published_late = meeting && meeting - item.info.published < core::kPublicationLead;
  }
  for (const core::AbsentOpinion& o : item.opinions)
    out.opinions.push_back({o.author, o.received ? beijing_time(o.received, "%Y-%m-%d %H:%M") : "", o.text});
  for (const std::string& id : item.recused) out.recused.push_back(name_of(s, id));
  for (const core::Speech& sp : s.speeches)
    if (sp.item_id == item.info.id) out.speeches.push_back(speech_line(s, sp));
  for (const core::Dissent& d : s.dissent)
    if (d.item_id == item.info.id)
      out.dissent.push_back({d.id, d.kind, d.participant_id.empty() ? "" : name_of(s, d.participant_id), d.text,
                             d.reply, {}});
  for (const core::Motion& m : s.motions)
    if (m.item_id == item.info.id)
      out.motions.push_back({m.id, m.amends, m.text, name_of(s, m.mover_id),
                             m.seconder_id.empty() ? "" : name_of(s, m.seconder_id), m.state, {}});
  for (const core::Vote& v : s.votes) {
    if (v.item_id != item.info.id) continue;
    VoteLine line{v.id, v.spec.motion_id, v.spec.question, v.spec.form, v.spec.secret, v.spec.weighted,
                  v.spec.threshold, v.spec.abstentions_count, v.spec.veto_group, beijing_time(v.opened, "%H:%M"),
                  {}, v.result.has_value(), {}, {}};
    if (v.result) line.result = *v.result;
    if (!v.spec.secret && v.result) {
      line.names_by_option.resize(v.spec.options.size());
      for (const core::Member& m : s.roster) {
        auto it = v.named.find(m.info.id);
        if (it == v.named.end()) continue;
        for (std::uint32_t c : it->second)
          if (c < line.names_by_option.size()) line.names_by_option[c].push_back(m.info.name);
      }
    }
    // The minutes never print receipts: they are the voters' own.
    line.result.receipts_published.clear();
    out.votes.push_back(std::move(line));
  }
  for (const core::Resolution& r : s.resolutions)
    if (r.item_id == item.info.id)
      out.resolutions.push_back({r.id, item.info.title, r.text, r.responsible, r.deadline, {}});
  return out;
}

// The prose field of an item that a wording edit replaces.
std::string* prose(ItemSection& item, const std::string& field) {
  if (field == "title") return &item.title;
  if (field == "background") return &item.background;
  if (field == "proposal") return &item.proposal;
  if (field == "summary") return &item.summary;
  return nullptr;
}

template <class Lines>
Notes* notes_of(Lines& lines, core::Id id) {
  for (auto& line : lines)
    if (line.id == id) return &line.notes;
  return nullptr;
}

ItemSection* section(Document& doc, const std::string& item_id) {
  for (ItemSection& item : doc.items)
    if (item.id == item_id) return &item;
  return nullptr;
}

Notes* notes_for(Document& doc, const core::MinutesTarget& t) {
  using core::MinutesPart;
  switch (t.part) {
    case MinutesPart::header: return &doc.header.notes;
    case MinutesPart::attendance: return &doc.header.attendance_notes;
    case MinutesPart::actions: return &doc.action_notes;
    case MinutesPart::item:
    case MinutesPart::item_field: {
      ItemSection* item = section(doc, t.item_id);
      return item ? &item->notes : nullptr;
    }
    default: break;
  }
  for (ItemSection& item : doc.items) {
    Notes* found = nullptr;
    switch (t.part) {
      case MinutesPart::speech: found = notes_of(item.speeches, t.id); break;
      case MinutesPart::dissent: found = notes_of(item.dissent, t.id); break;
      case MinutesPart::motion: found = notes_of(item.motions, t.id); break;
      case MinutesPart::vote: found = notes_of(item.votes, t.id); break;
      case MinutesPart::resolution: found = notes_of(item.resolutions, t.id); break;
      default: break;
    }
    if (found) return found;
  }
  return nullptr;
}

// Applies the edits of versions up to `version`; returns the wording each
// rewritten field had before the edits of `version` itself.
std::map<std::string, std::string> apply_edits(const MeetingState& s, Document& doc, std::uint32_t version) {
  std::map<std::string, std::string> before;
  for (const core::MinutesEdit& e : s.minutes_edits) {
    if (e.version > version) break;
    auto target = core::parse_minutes_target(s, e.target);
    if (!target) continue;  // checked when recorded; a target can only disappear with a different setup
    if (e.kind == core::MinutesEditKind::note) {
      if (Notes* notes = notes_for(doc, target.value())) notes->push_back(e.text);
      if (e.version == version && version > 1) doc.changes.push_back({e.kind, e.target, "", e.text});
      continue;
    }
    ItemSection* item = section(doc, target.value().item_id);
    std::string* field = item ? prose(*item, target.value().field) : nullptr;
    if (!field) continue;
    if (e.version == version) before.emplace(e.target, *field);
    *field = e.text;
  }
  return before;
}

// Rewordings of this version against the signed one, once per field, after the notes.
void list_rewordings(const MeetingState& s, Document& doc, const std::map<std::string, std::string>& before) {
  for (const auto& [target_text, old_text] : before) {
    auto target = core::parse_minutes_target(s, target_text);
    ItemSection* item = section(doc, target.value().item_id);
    std::string now = *prose(*item, target.value().field);
    if (now != old_text) doc.changes.push_back({core::MinutesEditKind::wording, target_text, old_text, now});
  }
}

}  // namespace

std::uint32_t working_version(const MeetingState& s) {
  auto signed_count = static_cast<std::uint32_t>(s.minutes_versions.size());
  return s.minutes == core::MinutesState::signed_off ? signed_count : signed_count + 1;
}

core::Result<Document> draft_minutes(const MeetingState& s, std::uint32_t version) {
  std::uint32_t working = working_version(s);
  if (version == 0) version = working;
  if (version > working)
    return core::make_error(core::ErrorCode::not_found,
                            "纪要没有第" + std::to_string(version) + "版（最新为第" + std::to_string(working) + "版）",
                            "the minutes have no version " + std::to_string(version) + " (the latest is " +
                                std::to_string(working) + ")");
  Document doc;
  doc.style = s.info.minutes_style;
  doc.version = version;
  doc.header = draft_header(s);
  for (const core::Item& item : s.agenda) doc.items.push_back(draft_item(s, item));
  auto before = apply_edits(s, doc, version);
  list_rewordings(s, doc, before);
  // The action list repeats the resolutions, with their notes.
  for (const ItemSection& item : doc.items)
    for (ResolutionLine r : item.resolutions) {
      r.item_title = item.title;
      doc.actions.push_back(std::move(r));
    }
  if (version > 1) doc.changes_against = version - 1;

  core::Millis last_change = s.ended ? s.ended : s.started;
  for (const core::MinutesEdit& e : s.minutes_edits)
    if (e.version <= version) last_change = std::max(last_change, e.at);
  doc.pdf_date = last_change;
  doc.draft = version > s.minutes_versions.size();
  if (!doc.draft) {
    const core::MinutesVersion& v = s.minutes_versions[version - 1];
    doc.sealed = true;
    doc.seal = Seal{v.signed_by, beijing_time(v.signed_at, "%Y-%m-%d %H:%M"), v.content_sha256, v.head_seq,
                    v.head_sha256, v.signature, v.key_fingerprint};
    doc.pdf_date = v.signed_at;
  }
  return doc;
}

}  // namespace gavel::minutes
