// gavelctl actions and gavelctl archive list|search|export: the data
// folder's meetings read from its database (read-only), no server needed.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <ctime>
#include <fstream>

#include "commands.hpp"
#include "minutes/desk.hpp"
#include "record/archive.hpp"
#include "record/follow_up.hpp"
#include "record/record_file.hpp"
#include "record/replay.hpp"
#include "store/meeting_store.hpp"

namespace gavel::record_cli {

namespace {
constexpr const char* kActionsHelp = R"(usage: gavelctl actions [--data DIR] [--today YYYY-MM-DD] [--lang zh|en]

决议执行：列出数据目录中每场会议的决议、责任人、时限和执行状态，标出逾期的。
状态用 `gavelctl resolution status ID STATUS` 更新（记入会议记录）。
Lists every resolution of every meeting in the data folder (default: the
access file's folder, else data) with its responsible party, deadline and
status, and marks the overdue ones. Update a status with
`gavelctl resolution status ID STATUS`: an event in the record.
)";

constexpr const char* kArchiveHelp = R"(usage: gavelctl archive list [--data DIR]
       gavelctl archive search QUERY... [--data DIR]
       gavelctl archive export MEETING -o DIR [--data DIR]

议事档案库：数据目录中的每场会议都保留。list 列出会议；search 全文检索会议、
议题、书面意见、分歧、动议和决议（中文可用；少于三个字的词也可以）；export
把一场会议的纪要（md、html、pdf、csv：最新的已签署版本，未签署的标明“草稿”）、
原始记录（JSON，可用 gavelctl verify 检查）和签名检查点写入目录。
The archive: every meeting the data folder holds. list shows them; search
finds meetings, items, opinions, dissent, motions and resolutions by full
text (Chinese too; words under three characters work); export writes one
meeting's minutes in every format (md, html, pdf, csv: the latest signed
version, or a draft marked 草稿 when none is signed, and the working draft
too when it has unsigned corrections), its raw record (JSON, checkable with
gavelctl verify) and its signed checkpoints into DIR.
)";

constexpr const char* kFollowUpHelp = R"(usage: gavelctl resolution status ID open|in-progress|done|dropped --meeting N [--note TEXT] [--data DIR]

归档会议的决议执行：把会议 N（见 gavelctl archive list）决议 ID 的状态直接记入
数据目录的记录（一个事件，接在该会议的哈希链后，并记入审计），不需要 gaveld。
gaveld 正在进行的会议不加 --meeting，通过 gaveld 更新。放弃执行（dropped）须加 --note。
An archived meeting's follow-up: records resolution ID's status of meeting N
(see gavelctl archive list) straight into the data folder's record, an event
on that meeting's hash chain with an audit entry; gaveld is not needed. The
meeting gaveld runs is updated through gaveld, without --meeting. dropped
needs a --note.
)";

core::Result<v1::RecordExport> load(const Flags& flags, std::optional<std::int64_t> only = std::nullopt) {
  auto store = store::MeetingStore::open_read_only(database_of(flags));
  if (!store) return store.error();
  return record::read_record(store.value(), only);
}

std::string today_of(const Flags& flags) {
  if (!flags.today.empty()) return flags.today;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::string status_word(v1::ResolutionStatus status, Say say) {
  switch (status) {
    case v1::RESOLUTION_IN_PROGRESS: return say("进行中", "in progress");
    case v1::RESOLUTION_DONE: return say("已完成", "done");
    case v1::RESOLUTION_DROPPED: return say("已放弃", "dropped");
    default: return say("未开始", "not started");
  }
}

std::string kind_word(record::HitKind kind, Say say) {
  switch (kind) {
    case record::HitKind::meeting: return say("会议", "meeting");
    case record::HitKind::item: return say("议题", "item");
    case record::HitKind::opinion: return say("书面意见", "opinion");
    case record::HitKind::dissent: return say("分歧", "dissent");
    case record::HitKind::motion: return say("动议", "motion");
    case record::HitKind::resolution: return say("决议", "resolution");
  }
  return "";
}

std::string n(std::size_t value) { return std::to_string(value); }

int archive_list(const Flags& flags, std::ostream& out, std::ostream& err) {
  auto record = load(flags);
  if (!record) return fail(err, record.error(), flags.say);
  const Say& say = flags.say;
  auto meetings = record::list_meetings(record.value());
  out << say("档案库：", "archive: ") << database_of(flags).string()
      << say("，" + n(meetings.size()) + " 场会议", ", " + n(meetings.size()) + " meeting(s)") << "\n";
  for (const record::ArchivedMeeting& m : meetings) {
    out << "  " << m.id << "  " << m.date << "  " << m.title << "  "
        << (m.finished ? say("已结束", "ended") : say("未结束", "not ended")) << " · "
        << (m.signed_off ? say("纪要已签署", "minutes signed") : say("纪要未签署", "minutes not signed")) << " · "
        << say(n(m.items) + " 个议题 · " + n(m.resolutions) + " 项决议 · " + n(m.events) + " 个事件",
               n(m.items) + " items · " + n(m.resolutions) + " resolutions · " + n(m.events) + " events")
        << "\n";
  }
  return kOk;
}

int archive_search(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.words.size() < 2) return usage(err, "archive search needs QUERY", "archive");
  std::string query;
  for (std::size_t i = 1; i < flags.words.size(); ++i) query += (i > 1 ? " " : "") + flags.words[i];
  auto record = load(flags);
  if (!record) return fail(err, record.error(), flags.say);
  auto hits = record::search(record.value(), query);
  if (!hits) return fail(err, hits.error(), flags.say);
  const Say& say = flags.say;
  out << say("「" + query + "」：" + n(hits.value().size()) + " 处", "\"" + query + "\": " + n(hits.value().size()) + " found")
      << "\n";
  for (const record::Hit& hit : hits.value()) {
    out << "  " << say("会议 ", "meeting ") << hit.meeting_id << say("「" + hit.meeting_title + "」", " \"" + hit.meeting_title + "\"")
        << " · " << kind_word(hit.kind, say) << (hit.ref.empty() ? "" : " " + hit.ref) << say("：", ": ") << hit.excerpt
        << "\n";
  }
  return kOk;
}

int archive_export(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.words.size() != 2) return usage(err, "archive export takes one MEETING number", "archive");
  if (flags.output.empty()) return usage(err, "archive export needs -o DIR", "archive");
  std::int64_t id = 0;
  try {
    id = std::stoll(flags.words[1]);
  } catch (const std::exception&) {
    return usage(err, "MEETING must be a number (see gavelctl archive list)", "archive");
  }
  auto record = load(flags, id);
  if (!record) return fail(err, record.error(), flags.say);
  const std::filesystem::path dir(flags.output);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto cannot = [&](const std::filesystem::path& file) {
    return fail(err, core::make_error(core::ErrorCode::internal, "无法写入 " + file.string(), "cannot write " + file.string()),
                flags.say);
  };
  const auto json = dir / "record.json";
  if (!(std::ofstream(json, std::ios::binary | std::ios::trunc) << record::to_json(record.value())))
    return cannot(json);
  std::vector<std::filesystem::path> written{json};
  const v1::MeetingRecord& meeting = record.value().meetings(0);
  if (meeting.checkpoints_size() > 0) {
    const auto notes = dir / "checkpoints.txt";
    std::ofstream file(notes, std::ios::binary | std::ios::trunc);
    for (const v1::SignedCheckpoint& c : meeting.checkpoints()) file << c.note() << "\n" << c.verifier_key() << "\n\n";
    if (!file) return cannot(notes);
    written.push_back(notes);
  }
  auto folded = record::meeting_of(meeting);
  if (!folded) return fail(err, folded.error(), flags.say);
  const core::MeetingState& state = folded.value().state();
  if (state.phase == core::Phase::scheduled) {
    for (const auto& file : written) out << flags.say("已写入 ", "wrote ") << file.string() << "\n";
    out << flags.say("会议未开始，没有纪要", "the meeting never started: no minutes") << "\n";
    return kOk;
  }
  // The latest signed version as signed; the working version as a marked
  // draft when it is unsigned (never signed, or corrected since).
  std::vector<bool> drafts;
  if (!state.minutes_versions.empty()) drafts.push_back(false);
  if (state.minutes != core::MinutesState::signed_off) drafts.push_back(true);
  for (bool draft : drafts)
    for (minutes::Format format : {minutes::Format::markdown, minutes::Format::html, minutes::Format::pdf,
                                   minutes::Format::csv}) {
      auto file = minutes::export_minutes(state, format, draft ? 0 : static_cast<std::uint32_t>(state.minutes_versions.size()),
                                          draft);
      if (!file) return fail(err, file.error(), flags.say);
      const auto path = dir / file.value().file_name;
      std::ofstream stream(path, std::ios::binary | std::ios::trunc);
      stream.write(file.value().content.data(), static_cast<std::streamsize>(file.value().content.size()));
      if (!stream.flush()) return cannot(path);
      written.push_back(path);
    }
  for (const auto& file : written) out << flags.say("已写入 ", "wrote ") << file.string() << "\n";
  return kOk;
}
}  // namespace

int list_actions(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.help) return out << kActionsHelp, kOk;
  if (!flags.words.empty()) return usage(err, "unexpected " + flags.words[0], "actions");
  auto record = load(flags);
  if (!record) return fail(err, record.error(), flags.say);
  const Say& say = flags.say;
  const std::string today = today_of(flags);
  // Red on a terminal, as the seeds' 决议执行看板 marks what is late.
  const bool color = &out == &std::cout && ::isatty(STDOUT_FILENO);
  auto actions = record::list_actions(record.value());
  std::size_t late = 0;
  for (const record::Action& a : actions) late += a.overdue(today) ? 1u : 0u;
  out << say("决议执行（" + today + "）：" + n(actions.size()) + " 项决议，" + n(late) + " 项逾期",
             "resolutions (" + today + "): " + n(actions.size()) + ", " + n(late) + " overdue")
      << "\n";
  std::int64_t meeting = 0;
  for (const record::Action& a : actions) {
    if (a.meeting_id != meeting) {
      meeting = a.meeting_id;
      out << say("会议 ", "meeting ") << a.meeting_id << say("「" + a.meeting_title + "」", " \"" + a.meeting_title + "\"") << "\n";
    }
    const bool overdue = a.overdue(today);
    out << "  " << (overdue && color ? "\x1b[31m" : "") << "#" << a.resolution_id << " " << a.text << "\n    "
        << say("责任人：", "responsible: ") << a.responsible << say("  时限：", "  deadline: ") << a.deadline
        << say("  状态：", "  status: ") << status_word(a.status, say)
        << (a.status_note.empty() ? "" : say("（" + a.status_note + "）", " (" + a.status_note + ")"))
        << (overdue ? say("  【逾期】", "  [OVERDUE]") : "") << (overdue && color ? "\x1b[0m" : "") << "\n";
  }
  return kOk;
}

int follow_up(const Flags& flags, std::ostream& out, std::ostream& err) {
  constexpr std::pair<const char*, core::ResolutionStatus> kStatuses[] = {
      {"open", core::ResolutionStatus::open},
      {"in-progress", core::ResolutionStatus::in_progress},
      {"done", core::ResolutionStatus::done},
      {"dropped", core::ResolutionStatus::dropped}};
  if (flags.help) return out << kFollowUpHelp, kOk;
  if (flags.words.size() != 3 || flags.words[0] != "status")
    return usage(err, "resolution status ID open|in-progress|done|dropped --meeting N", "resolution");
  core::cmd::UpdateResolution update;
  try {
    update.resolution_id = std::stoull(flags.words[1]);
  } catch (const std::exception&) {
    return usage(err, "the resolution ID must be a number (see gavelctl actions)", "resolution");
  }
  bool known = false;
  for (const auto& [word, status] : kStatuses)
    if (flags.words[2] == word) update.status = status, known = true;
  if (!known) return usage(err, "status must be open, in-progress, done or dropped, not '" + flags.words[2] + "'", "resolution");
  update.note = flags.note;
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  auto done = record::follow_up(database_of(flags), *flags.meeting, update, "gavelctl (data folder)", now);
  if (!done) return fail(err, done.error(), flags.say);
  const std::string id = std::to_string(update.resolution_id), meeting = std::to_string(*flags.meeting);
  out << flags.say("已记录：会议 " + meeting + "「" + done.value().meeting_title + "」决议 #" + id + " 的状态为" +
                       status_word(static_cast<v1::ResolutionStatus>(update.status), flags.say) + "（第 " +
                       std::to_string(done.value().seq) + " 号事件）",
                   "recorded: meeting " + meeting + " \"" + done.value().meeting_title + "\" resolution #" + id + " is " +
                       status_word(static_cast<v1::ResolutionStatus>(update.status), flags.say) + " (event " +
                       std::to_string(done.value().seq) + ")")
      << "\n";
  return kOk;
}

int archive(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.help || flags.words.empty()) {
    out << kArchiveHelp;
    return flags.help ? kOk : kUsage;
  }
  const std::string& what = flags.words[0];
  if (what == "list") return archive_list(flags, out, err);
  if (what == "search") return archive_search(flags, out, err);
  if (what == "export") return archive_export(flags, out, err);
  return usage(err, "archive takes list, search or export, not " + what, "archive");
}

}  // namespace gavel::record_cli
