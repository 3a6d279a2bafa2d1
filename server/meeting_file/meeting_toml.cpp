#include "meeting_toml.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>

#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "text.hpp"
#include "toml_time.hpp"

namespace gavel::meeting_file {

namespace {

constexpr std::int64_t kMinSpeechLimitS = 10;
constexpr std::int64_t kMaxSpeechLimitS = 3600;
constexpr std::int64_t kMaxSpeechesCap = 100;
constexpr std::int64_t kMaxQuorum = 1'000'000;

using Keys = std::initializer_list<std::string_view>;

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

std::string field_name(std::string_view path, std::string_view key) {
  return std::string(path) + "." + std::string(key);
}

std::string listed(Keys keys) {
  std::string out;
  for (std::string_view key : keys) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

// A point in time as written, and the calendar day it was written on.
struct Moment {
  core::Millis at = 0;
  toml::date day;
};

enum class Need { optional, required };
enum class TimeOfDay { may_be_omitted, required };

// Reads typed values and remembers the first problem. Reading carries on
// after a problem with defaults so that the code stays straight-line; only
// the first problem is reported, as a compiler's first error is the one to fix.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  const std::optional<core::Error>& error() const { return error_; }

  void fail(std::size_t line, std::string field, const std::string& zh, const std::string& en) {
    if (!error_) error_ = invalid_at({file_, line, std::move(field)}, zh, en);
  }

  void only_known_keys(const toml::table& table, std::string_view path, Keys known) {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      const std::string name = path.empty() ? std::string(key.str()) : field_name(path, key.str());
      fail(key.source().begin.line, name, "未知的键（拼写错误？）；可用的键：" + listed(known),
           "unknown key (a typo?); known keys: " + listed(known));
    }
  }

  const toml::node* find(const toml::table& table, std::string_view path, std::string_view key,
                         Need need) {
    const toml::node* node = table.get(key);
    if (!node && need == Need::required)
      fail(line_of(table), field_name(path, key), "缺少此项（必填）", "missing (required)");
    return node;
  }

  std::optional<std::string> text(const toml::table& table, std::string_view path,
                                  std::string_view key, Need need) {
    const toml::node* node = find(table, path, key, need);
    if (!node) return std::nullopt;
    const auto* value = node->as_string();
    if (!value) return wrong_type(*node, field_name(path, key), "字符串", "a string");
    std::string trimmed(trim(value->get()));
    if (need == Need::required && trimmed.empty()) {
      fail(line_of(*node), field_name(path, key), "不能为空", "must not be empty");
      return std::nullopt;
    }
    return trimmed;
  }

  std::optional<bool> flag(const toml::table& table, std::string_view path, std::string_view key) {
    const toml::node* node = find(table, path, key, Need::optional);
    if (!node) return std::nullopt;
    if (const auto* value = node->as_boolean()) return value->get();
    return wrong_type(*node, field_name(path, key), "布尔值 true 或 false", "true or false");
  }

  std::optional<std::int64_t> integer(const toml::table& table, std::string_view path,
                                      std::string_view key, std::int64_t min, std::int64_t max) {
    const toml::node* node = find(table, path, key, Need::optional);
    if (!node) return std::nullopt;
    const auto* value = node->as_integer();
    if (!value) return wrong_type(*node, field_name(path, key), "整数", "an integer");
    if (value->get() < min || value->get() > max) {
      fail(line_of(*node), field_name(path, key),
           "必须在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
           "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
    return value->get();
  }

  std::optional<double> fraction(const toml::table& table, std::string_view path,
                                 std::string_view key) {
    const toml::node* node = find(table, path, key, Need::optional);
    if (!node) return std::nullopt;
    std::optional<double> number;
    if (const auto* real = node->as_floating_point()) number = real->get();
    if (const auto* whole = node->as_integer()) number = static_cast<double>(whole->get());
    if (!number) return wrong_type(*node, field_name(path, key), "数字", "a number");
    if (!(*number >= 0.0 && *number <= 1.0)) {
      fail(line_of(*node), field_name(path, key), "必须在 0 到 1 之间（例如 0.5 表示半数）",
           "must be between 0 and 1 (0.5 means half)");
      return std::nullopt;
    }
    return number;
  }

  std::optional<Moment> moment(const toml::table& table, std::string_view path,
                               std::string_view key, Need need, TimeOfDay time_of_day) {
    const toml::node* node = find(table, path, key, need);
    if (!node) return std::nullopt;
    if (const auto* when = node->as_date_time())
      return Moment{to_unix_ms(when->get()), when->get().date};
    if (const auto* day = node->as_date(); day && time_of_day == TimeOfDay::may_be_omitted)
      return Moment{to_unix_ms(day->get()), day->get()};
    if (node->is_date()) {
      fail(line_of(*node), field_name(path, key), "需要写明时刻，例如 2026-03-21T14:30:00",
           "needs a time of day, e.g. 2026-03-21T14:30:00");
      return std::nullopt;
    }
    return wrong_type(*node, field_name(path, key),
                      "日期时间，例如 2026-03-21T14:30:00（北京时间）或 2026-03-21T14:30:00+08:00",
                      "a date-time such as 2026-03-21T14:30:00 (China Standard Time) or "
                      "2026-03-21T14:30:00+08:00");
  }

  const toml::table* table(const toml::table& parent, std::string_view key, Need need) {
    const toml::node* node = parent.get(key);
    if (!node) {
      if (need == Need::required)
        fail(0, std::string(key), "缺少 [" + std::string(key) + "] 表",
             "the [" + std::string(key) + "] table is missing");
      return nullptr;
    }
    if (const auto* found = node->as_table()) return found;
    wrong_type(*node, std::string(key), "表", "a table");
    return nullptr;
  }

 private:
  std::nullopt_t wrong_type(const toml::node& node, std::string field, std::string_view zh,
                            std::string_view en) {
    fail(line_of(node), std::move(field), "类型错误，应为" + std::string(zh),
         "must be " + std::string(en));
    return std::nullopt;
  }

  std::string_view file_;
  std::optional<core::Error> error_;
};

void read_meeting(Reader& in, const toml::table& root, MeetingToml& out) {
  const toml::table* meeting = in.table(root, "meeting", Need::required);
  if (!meeting) return;
  in.only_known_keys(
      *meeting, "meeting",
      {"title", "date", "place", "chair", "secretary", "start", "live_tally_allowed", "roster"});
  core::MeetingInfo& info = out.setup.info;
  out.meeting_line = line_of(*meeting);
  info.title = in.text(*meeting, "meeting", "title", Need::required).value_or("");
  info.place = in.text(*meeting, "meeting", "place", Need::optional).value_or("");
  info.chair_name = in.text(*meeting, "meeting", "chair", Need::optional).value_or("");
  info.secretary_name = in.text(*meeting, "meeting", "secretary", Need::optional).value_or("");
  info.live_tally_allowed = in.flag(*meeting, "meeting", "live_tally_allowed").value_or(false);
  out.roster = in.text(*meeting, "meeting", "roster", Need::optional).value_or("");

  const auto start = in.moment(*meeting, "meeting", "start", Need::required, TimeOfDay::required);
  if (!start) return;
  info.scheduled_start = start->at;
  info.date = iso_date(start->day);
  const toml::node* date = meeting->get("date");
  if (!date) return;
  const auto* day = date->as_date();
  if (!day)
    in.fail(line_of(*date), "meeting.date", "类型错误，应为日期，例如 2026-03-21",
            "must be a date such as 2026-03-21");
  else if (day->get() != start->day)
    in.fail(line_of(*date), "meeting.date", "与 meeting.start 的日期 " + info.date + " 不一致",
            "differs from the date of meeting.start, " + info.date);
}

void read_rules(Reader& in, const toml::table& root, MeetingToml& out) {
  if (const toml::table* quorum = in.table(root, "quorum", Need::optional)) {
    in.only_known_keys(*quorum, "quorum", {"min_present", "min_fraction"});
    if (const auto min_present = in.integer(*quorum, "quorum", "min_present", 0, kMaxQuorum)) {
      out.setup.info.quorum.min_present = static_cast<std::uint32_t>(*min_present);
      out.min_present_line = line_of(*quorum->get("min_present"));
    }
    out.setup.info.quorum.min_fraction =
        in.fraction(*quorum, "quorum", "min_fraction").value_or(0.0);
  }
  if (const toml::table* queue = in.table(root, "queue", Need::optional)) {
    in.only_known_keys(*queue, "queue", {"first_time_speakers_first", "alternate_groups"});
    core::QueueRules& rules = out.setup.info.queue_rules;
    rules.first_time_speakers_first =
        in.flag(*queue, "queue", "first_time_speakers_first").value_or(false);
    rules.alternate_groups = in.flag(*queue, "queue", "alternate_groups").value_or(false);
  }
}

void read_minutes_and_room(Reader& in, const toml::table& root, MeetingToml& out) {
  core::MeetingInfo& info = out.setup.info;
  if (const toml::table* minutes = in.table(root, "minutes", Need::optional)) {
    in.only_known_keys(*minutes, "minutes", {"style"});
    std::string style = in.text(*minutes, "minutes", "style", Need::optional).value_or("full");
    if (style == "decisions") {
      info.minutes_style = core::MinutesStyle::decisions;
    } else if (style != "full") {
      in.fail(line_of(*minutes->get("style")), "minutes.style", "应为 \"full\"（过程记录）或 \"decisions\"（只记决定）",
              "must be \"full\" (the process) or \"decisions\" (what was decided)");
    }
  }
  if (const toml::table* room = in.table(root, "room", Need::optional)) {
    in.only_known_keys(*room, "room", {"wifi_ssid", "wifi_password", "wifi_security"});
    info.wifi.ssid = in.text(*room, "room", "wifi_ssid", Need::optional).value_or("");
    info.wifi.password = in.text(*room, "room", "wifi_password", Need::optional).value_or("");
    std::string security = in.text(*room, "room", "wifi_security", Need::optional)
                               .value_or(info.wifi.password.empty() ? "nopass" : "WPA");
    if (security != "WPA" && security != "WEP" && security != "nopass") {
      in.fail(line_of(*room->get("wifi_security")), "room.wifi_security", "应为 WPA、WEP 或 nopass",
              "must be WPA, WEP or nopass");
    }
    info.wifi.security = security;
  }
}

const toml::array* tables_under(Reader& in, const toml::table& parent, std::string_view path,
                                std::string_view key, std::string_view header) {
  const toml::node* node = parent.get(key);
  if (!node) return nullptr;
  const auto* array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    const std::string name = path.empty() ? std::string(key) : field_name(path, key);
    in.fail(line_of(*node), name, "须写成 " + std::string(header) + " 表数组",
            "must be written as " + std::string(header) + " tables");
    return nullptr;
  }
  return array;
}

void read_opinions(Reader& in, const toml::table& item, const std::string& path,
                   const std::string& item_id, MeetingToml& out) {
  const toml::array* opinions = tables_under(in, item, path, "opinion", "[[item.opinion]]");
  if (!opinions) return;
  std::size_t index = 0;
  for (const toml::node& node : *opinions) {
    const toml::table& table = *node.as_table();
    const std::string here = path + ".opinion[" + std::to_string(++index) + "]";
    in.only_known_keys(table, here, {"author", "text", "received"});
    core::AbsentOpinion opinion;
    opinion.author = in.text(table, here, "author", Need::required).value_or("");
    opinion.text = in.text(table, here, "text", Need::required).value_or("");
    if (const auto received =
            in.moment(table, here, "received", Need::required, TimeOfDay::may_be_omitted))
      opinion.received = received->at;
    out.setup.opinions.emplace_back(item_id, std::move(opinion));
  }
}

// [[item.option]]: the options of a one-of / up-to-K vote on the item, each
// with a short description for the projector and the phones.
void read_options(Reader& in, const toml::table& item_table, const std::string& path,
                  core::AgendaItem& item) {
  const toml::array* options = tables_under(in, item_table, path, "option", "[[item.option]]");
  if (!options) return;
  std::size_t index = 0;
  for (const toml::node& node : *options) {
    const toml::table& table = *node.as_table();
    const std::string here = path + ".option[" + std::to_string(++index) + "]";
    in.only_known_keys(table, here, {"label", "description"});
    core::VoteOption option;
    option.label = in.text(table, here, "label", Need::required).value_or("");
    option.description = in.text(table, here, "description", Need::optional).value_or("");
    item.options.push_back(std::move(option));
  }
}

void read_item(Reader& in, const toml::table& table, const std::string& path,
               std::map<std::string, std::size_t>& first_line_of_id, MeetingToml& out) {
  in.only_known_keys(table, path,
                     {"id", "title", "background", "proposal", "published", "speech_limit_s",
                      "max_speeches_per_person", "veto_group", "opinion", "option"});
  core::AgendaItem item;
  item.id = in.text(table, path, "id", Need::required).value_or("");
  if (const toml::node* id = table.get("id"); id && !item.id.empty()) {
    if (!is_valid_id(item.id))
      in.fail(line_of(*id), path + ".id", "不能包含空格、逗号或分号",
              "may not contain spaces, commas or semicolons");
    else if (const auto [first, fresh] = first_line_of_id.emplace(item.id, line_of(*id)); !fresh)
      in.fail(line_of(*id), path + ".id",
              "议题编号 " + in_quotes(item.id) + " 重复（第 " + std::to_string(first->second) +
                  " 行已使用）",
              "duplicate item id " + in_quotes(item.id) + " (first used on line " +
                  std::to_string(first->second) + ")");
  }
  item.title = in.text(table, path, "title", Need::required).value_or("");
  item.background = in.text(table, path, "background", Need::optional).value_or("");
  item.proposal = in.text(table, path, "proposal", Need::optional).value_or("");

  // Unpublished means published when the meeting starts, which the engine
  // flags as less than three days' notice.
  const core::Millis start = out.setup.info.scheduled_start;
  item.published = start;
  if (const auto published =
          in.moment(table, path, "published", Need::optional, TimeOfDay::may_be_omitted)) {
    item.published = published->at;
    if (published->at > start)
      in.fail(line_of(*table.get("published")), path + ".published", "不能晚于会议开始时间",
              "must not be after meeting.start");
  }
  item.speech_limit_s = static_cast<std::uint32_t>(
      in.integer(table, path, "speech_limit_s", kMinSpeechLimitS, kMaxSpeechLimitS)
          .value_or(core::kDefaultSpeechLimitS));
  item.max_speeches_per_person = static_cast<std::uint32_t>(
      in.integer(table, path, "max_speeches_per_person", 0, kMaxSpeechesCap).value_or(0));
  item.veto_group = in.text(table, path, "veto_group", Need::optional).value_or("");
  const toml::node* veto = table.get("veto_group");
  out.veto_group_lines.push_back(veto ? line_of(*veto) : line_of(table));

  read_opinions(in, table, path, item.id, out);
  read_options(in, table, path, item);
  out.setup.agenda.push_back(std::move(item));
}

void read_agenda(Reader& in, const toml::table& root, MeetingToml& out) {
  const toml::node* node = root.get("item");
  if (!node || (node->is_array() && node->as_array()->empty())) {
    in.fail(node ? line_of(*node) : 0, "item", "议程为空：至少需要一个 [[item]]",
            "the agenda is empty: add at least one [[item]]");
    return;
  }
  const toml::array* items = tables_under(in, root, "", "item", "[[item]]");
  if (!items) return;
  std::map<std::string, std::size_t> first_line_of_id;
  std::size_t index = 0;
  for (const toml::node& element : *items)
    read_item(in, *element.as_table(), "item[" + std::to_string(++index) + "]", first_line_of_id,
              out);
}

}  // namespace

core::Result<MeetingToml> read_meeting_toml(std::string_view text, std::string_view name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const std::string what(e.description());
    return invalid_at({name, e.source().begin.line, {}}, "TOML 语法错误：" + what,
                      "TOML syntax error: " + what);
  }
  Reader in(name);
  MeetingToml out;
  in.only_known_keys(root, "", {"meeting", "quorum", "queue", "minutes", "room", "item"});
  read_meeting(in, root, out);
  read_rules(in, root, out);
  read_minutes_and_room(in, root, out);
  read_agenda(in, root, out);
  if (in.error()) return *in.error();
  return out;
}

}  // namespace gavel::meeting_file
