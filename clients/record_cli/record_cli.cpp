#include "record_cli.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "record/record_file.hpp"
#include "record/verify.hpp"
#include "commands.hpp"
#include "verify_words.hpp"

namespace gavel::record_cli {

namespace {

constexpr const char* kVerifyHelp = R"(usage: gavelctl verify FILE [--key FINGERPRINT|VERIFIER-KEY] [--lang zh|en]

检查记录：FILE 是数据目录里的 gavel.db 或 `gavelctl record export` 导出的 JSON。
说明哈希链是否完整、签名检查点的签名和头哈希是否一致，并指出第一个被改动、
删除或插入的事件。--key 给出纪要上印的密钥指纹，签名须来自该密钥。
Checks a record (the data folder's gavel.db, or a JSON export): whether the
hash chain is whole and the signed checkpoints' signatures and head hashes
match; names the first event changed, removed or inserted. With --key, the
signatures must come from that key (the fingerprint printed on the minutes).
Exit status: 0 whole and matching, 1 altered or unreadable, 2 usage error.
)";

constexpr const char* kExportHelp = R"(usage: gavelctl record export [--data DIR] [--meeting N] -o FILE [--lang zh|en]

把数据目录（默认 data）里的全部记录导出为 JSON（protobuf 的 JSON 映射）：
每个事件的原始字节、哈希和可读内容，以及签名检查点。不含无记名投票的票箱。
Writes the whole record of the data folder (default: data) as JSON in
protobuf's JSON mapping: each event's stored bytes, hashes and readable form,
and the signed checkpoints. The secret ballot box is not included. --meeting N
exports one meeting. `gavelctl verify FILE` checks the result.
)";

}  // namespace

std::optional<std::string> parse(const std::vector<std::string>& args, std::size_t from, Flags& flags) {
  for (std::size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) -> bool {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string text;
    if (a == "-h" || a == "--help") {
      flags.help = true;
    } else if (a == "--lang") {
      if (!value(text) || (text != "zh" && text != "en")) return "--lang takes zh or en";
      flags.say.lang = text == "en" ? Lang::en : Lang::zh;
    } else if (a == "--key") {
      if (!value(flags.key)) return "--key needs a fingerprint or verifier key";
    } else if (a == "--data") {
      if (!value(flags.data)) return "--data needs a folder";
    } else if (a == "-o" || a == "--output") {
      if (!value(flags.output)) return "-o needs a file";
    } else if (a == "--meeting") {
      std::int64_t id = 0;
      if (!value(text)) return "--meeting needs a number";
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
      if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return "--meeting needs a number";
      flags.meeting = id;
    } else if (a == "--note") {
      if (!value(flags.note)) return "--note needs a text";
    } else if (a == "--today") {
      if (!value(flags.today) || flags.today.size() != 10) return "--today needs a date like 2027-03-31";
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option " + a;
    } else {
      flags.words.push_back(a);
    }
  }
  return std::nullopt;
}

int usage(std::ostream& err, const std::string& message, const std::string& topic) {
  err << "gavelctl: " << message << " (see gavelctl " << topic << " --help)\n";
  return kUsage;
}

int fail(std::ostream& err, const core::Error& error, Say say) {
  err << "gavelctl: " << say(error.message_zh, error.message_en) << "\n";
  return kFailed;
}

std::filesystem::path database_of(const Flags& flags) { return std::filesystem::path(flags.data) / "gavel.db"; }

namespace {

int verify(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.help) return out << kVerifyHelp, kOk;
  if (flags.words.size() != 1) return usage(err, "verify takes one FILE", "verify");
  auto record = record::load_record(flags.words[0]);
  if (!record) return fail(err, record.error(), flags.say);
  auto report = record::verify(record.value());
  // A database also holds the secret ballot box, which the chain does not
  // cover: it must say what the close events published.
  if (record::is_database(flags.words[0])) {
    auto store = store::MeetingStore::open_read_only(flags.words[0]);
    if (!store) return fail(err, store.error(), flags.say);
    for (int i = 0; i < record.value().meetings_size(); ++i) {
      const v1::MeetingRecord& meeting = record.value().meetings(i);
      auto box = store.value().ballots(meeting.id());
      if (!box) return fail(err, box.error(), flags.say);
      record::check_ballots(meeting, box.value(), report.meetings[static_cast<std::size_t>(i)]);
    }
  }
  return describe(report, flags.words[0], flags.key, flags.say, out) ? kOk : kFailed;
}

int export_record(const Flags& flags, std::ostream& out, std::ostream& err) {
  if (flags.help) return out << kExportHelp, kOk;
  if (!flags.words.empty()) return usage(err, "unexpected " + flags.words[0], "record export");
  if (flags.output.empty()) return usage(err, "record export needs -o FILE", "record export");
  auto store = store::MeetingStore::open_read_only(database_of(flags));
  if (!store) return fail(err, store.error(), flags.say);
  auto record = record::read_record(store.value(), flags.meeting);
  if (!record) return fail(err, record.error(), flags.say);
  // Written beside the target and renamed: a reader never sees half a file.
  const std::filesystem::path target(flags.output), partial(flags.output + ".partial");
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file << record::to_json(record.value());
    if (!file.flush())
      return fail(err, core::make_error(core::ErrorCode::internal, "无法写入 " + flags.output, "cannot write " + flags.output),
                  flags.say);
  }
  std::error_code ec;
  std::filesystem::rename(partial, target, ec);
  if (ec)
    return fail(err, core::make_error(core::ErrorCode::internal, "无法写入 " + flags.output, "cannot write " + flags.output),
                flags.say);
  std::size_t events = 0;
  for (const auto& meeting : record.value().meetings()) events += static_cast<std::size_t>(meeting.events_size());
  const std::string meetings = std::to_string(record.value().meetings_size()), count = std::to_string(events);
  out << flags.say("已导出 " + meetings + " 场会议、" + count + " 个事件到 " + flags.output,
                   "exported " + meetings + " meetings, " + count + " events to " + flags.output)
      << "\n";
  return kOk;
}
}  // namespace

std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return std::nullopt;
  Flags flags;
  // The data folder: the access file's, as for the other commands, else ./data.
  if (const char* access = std::getenv("GAVEL_ACCESS"); access && *access)
    flags.data = std::filesystem::path(access).parent_path().string();
  if (args[0] == "actions") {
    if (auto problem = parse(args, 1, flags)) return usage(err, *problem, "actions");
    return list_actions(flags, out, err);
  }
  if (args[0] == "archive") {
    if (auto problem = parse(args, 1, flags)) return usage(err, *problem, "archive");
    return archive(flags, out, err);
  }
  // An archived meeting's follow-up; without --meeting it goes to gaveld.
  if (args[0] == "resolution" && std::find(args.begin(), args.end(), "--meeting") != args.end()) {
    if (auto problem = parse(args, 1, flags)) return usage(err, *problem, "resolution");
    return follow_up(flags, out, err);
  }
  if (args[0] == "verify") {
    if (auto problem = parse(args, 1, flags)) return usage(err, *problem, "verify");
    return verify(flags, out, err);
  }
  if (args[0] == "record") {
    if (args.size() < 2 || args[1] != "export") {
      if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) return out << kExportHelp, kOk;
      return usage(err, "record takes: export", "record export");
    }
    if (auto problem = parse(args, 2, flags)) return usage(err, *problem, "record export");
    return export_record(flags, out, err);
  }
  return std::nullopt;
}

}  // namespace gavel::record_cli
