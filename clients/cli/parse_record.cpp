// dissent, resolution, minutes: what the secretary writes down.
#include <cctype>

#include "parse_groups.hpp"

namespace gavel::cli {

namespace {

// The server stores the deadline as text; catch the typos it would keep.
bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

GroupParsed add_dissent(const Args& a) {
  if (auto e = a.expect(1, SIZE_MAX, "文本 TEXT", "TEXT")) return *e;
  if (a.has("--who") && a.has("--anonymous")) {
    return a.error("--who 与 --anonymous 不能同时使用", "--who and --anonymous exclude each other");
  }
  auto kind = a.word_flag("--kind", kDissentKinds, v1::DISSENT_DISAGREEMENT);
  if (!kind) return kind.error();
  v1::Command c;
  auto* d = c.mutable_record_dissent();
  d->set_item_id(a.value("--item"));
  d->set_kind(kind.value());
  d->set_participant_id(a.value("--who"));
  d->set_anonymous(a.has("--anonymous"));
  d->set_text(a.text_from(0));
  return send(std::move(c));
}

GroupParsed add_resolution(const Args& a) {
  if (!a.has("--motion")) return a.error("需要 --motion MID", "--motion MID is required");
  auto motion = a.number(a.value("--motion"), "--motion", "--motion");
  if (!motion) return motion.error();
  if (a.value("--responsible").empty()) {
    return a.error("需要 --responsible WHO", "--responsible WHO is required");
  }
  const std::string deadline = a.value("--deadline");
  if (deadline.empty()) return a.error("需要 --deadline YYYY-MM-DD", "--deadline YYYY-MM-DD is required");
  if (!is_iso_date(deadline)) {
    return a.error("--deadline 应为 2027-03-31 这样的日期，而不是 '" + deadline + "'",
                   "--deadline must be a date like 2027-03-31, not '" + deadline + "'");
  }
  v1::Command c;
  auto* r = c.mutable_record_resolution();
  r->set_motion_id(motion.value());
  r->set_responsible(a.value("--responsible"));
  r->set_deadline(deadline);
  r->set_text(a.text_from(0));
  return send(std::move(c));
}

}  // namespace

GroupParsed parse_dissent(Words words) {
  return dispatch("dissent", words, {
      {"add", [](Words rest) {
         return with_args(rest, {{"--item"}, {"--kind"}, {"--who"}, {"--anonymous", false}}, "dissent add",
                          add_dissent);
       }},
      {"reply", [](Words rest) {
         return with_args(rest, {}, "dissent reply", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(2, SIZE_MAX, "编号 ID 和文本 TEXT", "ID and TEXT")) return *e;
           auto id = a.number(a.positional()[0], "异议记录编号 ID", "the dissent record ID");
           if (!id) return id.error();
           v1::Command c;
           c.mutable_reply_dissent()->set_dissent_id(id.value());
           c.mutable_reply_dissent()->set_reply(a.text_from(1));
           return send(std::move(c));
         });
       }},
      {"list", [](Words rest) {
         return with_args(rest, {}, "dissent list", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           return Action{ShowList{ListKind::dissent}};
         });
       }},
  });
}

GroupParsed parse_resolution(Words words) {
  return dispatch("resolution", words, {
      {"add", [](Words rest) {
         return with_args(rest, {{"--motion"}, {"--responsible"}, {"--deadline"}}, "resolution add",
                          add_resolution);
       }},
      // 决议执行: the follow-up after the meeting, an event in the record.
      {"status", [](Words rest) {
         return with_args(rest, {{"--note"}}, "resolution status", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(2, 2, "编号 ID 和 open|in-progress|done|dropped 之一",
                                 "ID and open|in-progress|done|dropped")) {
             return *e;
           }
           auto id = a.number(a.positional()[0], "决议编号 ID", "the resolution ID");
           if (!id) return id.error();
           v1::ResolutionStatus status = v1::RESOLUTION_STATUS_UNSPECIFIED;
           for (const auto& [word, value] : kResolutionStatuses)
             if (a.positional()[1] == word) status = value;
           if (status == v1::RESOLUTION_STATUS_UNSPECIFIED)
             return a.error("状态应为 open、in-progress、done 或 dropped，而不是 '" + a.positional()[1] + "'",
                            "status must be open, in-progress, done or dropped, not '" + a.positional()[1] + "'");
           v1::Command c;
           auto* u = c.mutable_update_resolution();
           u->set_resolution_id(id.value());
           u->set_status(status);
           u->set_note(a.value("--note"));
           return send(std::move(c));
         });
       }},
  });
}

namespace {
constexpr std::pair<std::string_view, v1::MinutesFormat> kFormats[] = {
    {"md", v1::MINUTES_FORMAT_MARKDOWN}, {"html", v1::MINUTES_FORMAT_HTML},
    {"pdf", v1::MINUTES_FORMAT_PDF},     {"csv", v1::MINUTES_FORMAT_CSV},
    {"json", v1::MINUTES_FORMAT_JSON}};

GroupParsed export_minutes(const Args& a, bool draft) {
  if (auto e = a.expect(0, 0, "", "")) return *e;
  auto format = a.word_flag("--format", kFormats, v1::MINUTES_FORMAT_MARKDOWN);
  if (!format) return format.error();
  auto version = a.number_flag("--version", 0, UINT32_MAX);
  if (!version) return version.error();
  ExportMinutes action;
  action.request.set_format(format.value());
  action.request.set_version(static_cast<std::uint32_t>(version.value()));
  action.request.set_draft(draft || a.has("--draft"));
  action.output = a.value("-o");
  return Action{std::move(action)};
}

GroupParsed edit_minutes(const Args& a, v1::MinutesEditKind kind) {
  if (auto e = a.expect(2, SIZE_MAX, "目标 TARGET 和文本 TEXT", "TARGET TEXT")) return *e;
  v1::Command c;
  c.mutable_edit_minutes()->set_kind(kind);
  c.mutable_edit_minutes()->set_target(a.positional()[0]);
  c.mutable_edit_minutes()->set_text(a.text_from(1));
  return send(std::move(c));
}
}  // namespace

GroupParsed parse_minutes(Words words) {
  return dispatch("minutes", words, {
      {"draft", [](Words rest) {
         return with_args(rest, {{"--format"}, {"-o"}}, "minutes draft",
                          [](const Args& a) { return export_minutes(a, true); });
       }},
      {"export", [](Words rest) {
         return with_args(rest, {{"--format"}, {"-o"}, {"--version"}, {"--draft", false}}, "minutes export",
                          [](const Args& a) { return export_minutes(a, false); });
       }},
      {"edit", [](Words rest) {
         return with_args(rest, {}, "minutes edit",
                          [](const Args& a) { return edit_minutes(a, v1::MINUTES_EDIT_WORDING); });
       }},
      {"note", [](Words rest) {
         return with_args(rest, {}, "minutes note",
                          [](const Args& a) { return edit_minutes(a, v1::MINUTES_EDIT_NOTE); });
       }},
      {"sign", [](Words rest) {
         return with_args(rest, {}, "minutes sign", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, SIZE_MAX, "签署人 NAME", "NAME")) return *e;
           v1::Command c;
           c.mutable_sign_minutes()->set_signed_by(a.text_from(0));
           return send(std::move(c));
         });
       }},
  });
}

}  // namespace gavel::cli
