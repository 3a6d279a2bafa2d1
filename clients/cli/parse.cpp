// The entry point of parsing: the global options, wherever they stand, then
// the command. The read-only commands (status, roster, watch) are here too.
#include <algorithm>
#include <charconv>

#include "help.hpp"
#include "parse_groups.hpp"

namespace gavel::cli {

GroupParsed parse_status(Words words) {
  return with_args(words, {}, "status", [](const Args& a) -> GroupParsed {
    if (auto e = a.expect(0, 0, "", "")) return *e;
    return Action{ShowStatus{}};
  });
}

GroupParsed parse_roster(Words words) {
  return with_args(words, {{"-o"}}, "roster", [](const Args& a) -> GroupParsed {
    if (a.positional().empty() && !a.has("-o")) return Action{ShowRoster{}};
    if (a.positional().size() != 1 || a.positional()[0] != "cards")
      return a.error("请用 `roster` 或 `roster cards -o FILE`",
                     "expected `roster` or `roster cards -o FILE`");
    if (a.value("-o").empty()) {
      return a.error("roster cards 需要 -o FILE.pdf", "roster cards needs -o FILE.pdf");
    }
    return Action{PrintCards{a.value("-o")}};
  });
}

// `items list`, `resolutions list`, `opinions list` (and `dissent list` in
// its group): what the chair and the secretary look up.
GroupParsed parse_list(Words words, const std::string& topic, ListKind kind) {
  if (words.empty()) return UsageError{topic + "：请用 " + topic + " list", topic + ": say 'list'", topic};
  if (words.front() != "list") {
    if (words.front() == "--help" || words.front() == "-h") return Help{std::string(command_help(topic))};
    return UsageError{topic + "：未知子命令 '" + words.front() + "'，只有 list",
                      topic + ": unknown subcommand '" + words.front() + "' (the one there is: list)", topic};
  }
  GroupParsed parsed = with_args(words.subspan(1), {}, topic + " list", [](const Args& a) -> GroupParsed {
    if (auto e = a.expect(0, 0, "", "")) return *e;
    return Action{ShowList{}};
  });
  if (auto* action = std::get_if<Action>(&parsed)) std::get<ShowList>(*action).kind = kind;
  return parsed;
}

GroupParsed parse_items(Words words) { return parse_list(words, "items", ListKind::items); }
GroupParsed parse_resolutions(Words words) { return parse_list(words, "resolutions", ListKind::resolutions); }
GroupParsed parse_opinions(Words words) { return parse_list(words, "opinions", ListKind::opinions); }

GroupParsed parse_watch(Words words) {
  return with_args(words, {{"--resume"}}, "watch", [](const Args& a) -> GroupParsed {
    if (auto e = a.expect(0, 0, "", "")) return *e;
    Watch watch;
    if (a.has("--resume")) {
      auto seq = a.number(a.value("--resume"), "--resume", "--resume");
      if (!seq) return seq.error();
      // The protocol's resume_after_seq 0 means "no resume".
      if (seq.value() == 0) {
        return a.error("--resume SEQ 至少为 1：填最后看到的事件序号",
                       "--resume SEQ must be 1 or more: the last event seen");
      }
      watch.resume_after = seq.value();
    }
    return Action{watch};
  });
}

namespace {

constexpr std::pair<std::string_view, SubParser> kCommands[] = {
    {"meeting", parse_meeting},   {"item", parse_item},         {"opinion", parse_opinion},
    {"checkin", parse_checkin},   {"checkout", parse_checkout}, {"interest", parse_interest},
    {"speakers", parse_speakers}, {"speak", parse_speakers},    {"timer", parse_timer},
    {"dissent", parse_dissent},   {"motion", parse_motion},     {"vote", parse_vote},
    {"resolution", parse_resolution}, {"minutes", parse_minutes}, {"status", parse_status},
    {"roster", parse_roster},     {"watch", parse_watch},       {"items", parse_items},
    {"resolutions", parse_resolutions}, {"opinions", parse_opinions},
    {"roster", parse_roster},     {"watch", parse_watch},       {"clicker", parse_clicker},
};

constexpr std::string_view kValueOptions[] = {"--server", "--token", "--access", "--role",
                                             "--as", "--ca", "--timeout", "--lang"};
constexpr std::string_view kSwitches[] = {"--json", "--insecure", "--yes"};

UsageError global_error(std::string zh, std::string en) { return UsageError{std::move(zh), std::move(en), {}}; }

// Takes the global options out of `args`, leaving the command's words.
std::optional<UsageError> take_globals(const std::vector<std::string>& args, GlobalOptions& options,
                                       std::vector<std::string>& rest, bool& help) {
  bool seen_command = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      break;
    }
    if (!seen_command && (word == "-h" || word == "--help")) {
      help = true;
      continue;
    }
    const auto eq = word.find('=');
    const std::string name = word.substr(0, eq);
    if (std::find(std::begin(kSwitches), std::end(kSwitches), name) != std::end(kSwitches)) {
      if (eq != std::string::npos) return global_error(name + " 不带值", name + " takes no value");
      (name == "--json" ? options.json : name == "--yes" ? options.yes : options.tls.insecure) = true;
      continue;
    }
    if (std::find(std::begin(kValueOptions), std::end(kValueOptions), name) == std::end(kValueOptions)) {
      seen_command = seen_command || !word.starts_with("-");
      rest.push_back(word);
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = word.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return global_error(name + " 后面需要一个值", name + " needs a value");
    }
    if (name == "--server") {
      options.server = value;
    } else if (name == "--token") {
      options.token = value;
    } else if (name == "--access") {
      options.access_path = value;
    } else if (name == "--as") {
      options.as_participant = value;
    } else if (name == "--ca") {
      options.tls.ca_file = value;
    } else if (name == "--lang") {
      const auto lang = parse_lang(value);
      if (!lang) {
        return global_error("--lang 应为 zh 或 en，而不是 '" + value + "'",
                            "--lang must be zh or en, not '" + value + "'");
      }
      options.lang = *lang;
    } else if (name == "--role") {
      const auto role = from_word(kRoles, value);
      if (!role || (*role != v1::ROLE_CHAIR && *role != v1::ROLE_SECRETARY && *role != v1::ROLE_DISPLAY)) {
        return global_error("--role 应为 chair、secretary 或 display；参会人请用 --token",
                            "--role must be chair, secretary or display (participants use --token)");
      }
      options.role = *role;
    } else {
      int seconds = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec != std::errc() || end != value.data() + value.size() || seconds < 1 || seconds > 3600) {
        return global_error("--timeout 应为 1 到 3600 之间的秒数",
                            "--timeout must be a number of seconds from 1 to 3600");
      }
      options.timeout = std::chrono::seconds(seconds);
    }
  }
  if (options.tls.insecure && !options.tls.ca_file.empty()) {
    return global_error("--insecure 与 --ca 不能同时使用", "--insecure and --ca exclude each other");
  }
  if (!options.as_participant.empty() && options.access_path.empty()) {
    return global_error("--as PID 读取访问文件旁的 participants.csv：请给出 --access DIR/access.json",
                        "--as PID reads participants.csv beside the access file: give --access DIR/access.json");
  }
  return std::nullopt;
}

}  // namespace

namespace {
Parsed parse_command(const std::vector<std::string>& rest, bool help, Lang lang, Invocation& invocation) {
  const GlobalOptions& options = invocation.options;
  if (rest.empty() || rest.front() == "help") {
    if (rest.size() > 1) {
      const std::string_view page = command_help(rest[1], lang);
      if (page.empty()) {
        return global_error("未知命令 '" + rest[1] + "'，没有它的帮助",
                            "no help for unknown command '" + rest[1] + "'");
      }
      return Help{std::string(page)};
    }
    if (help || !rest.empty()) return Help{std::string(overview_help(lang))};
    return global_error("没有给出命令", "no command given");
  }
  if (help) {
    const std::string_view page = command_help(rest.front(), lang);
    return Help{std::string(page.empty() ? overview_help(lang) : page)};
  }

  const auto command = std::find_if(std::begin(kCommands), std::end(kCommands),
                                    [&](const auto& c) { return c.first == rest.front(); });
  if (command == std::end(kCommands)) {
    return global_error("未知命令 '" + rest.front() + "'",
                        "unknown command '" + rest.front() + "'");
  }
  GroupParsed parsed = command->second(Words(rest).subspan(1));
  if (auto* h = std::get_if<Help>(&parsed)) {
    // The group parsers know the English page; the reader's language wins.
    if (lang == Lang::zh && !rest.empty()) {
      const std::string_view page = command_help(rest.front(), lang);
      if (!page.empty()) return Help{std::string(page)};
    }
    return std::move(*h);
  }
  if (auto* e = std::get_if<UsageError>(&parsed)) return std::move(*e);

  if (options.token.empty() && options.access_path.empty()) {
    return global_error("没有令牌：请给出 --token T 或 --access DIR/access.json，或设置 GAVEL_ACCESS",
                        "no token: give --token T or --access DIR/access.json (or set GAVEL_ACCESS)");
  }
  invocation.action = std::move(std::get<Action>(parsed));
  return invocation;
}
}  // namespace

Parsed parse_command_line(const std::vector<std::string>& args, const Environment& env) {
  Invocation invocation;
  GlobalOptions& options = invocation.options;
  options.server = env.server;
  options.token = env.token;
  options.access_path = env.access;
  options.lang = lang_from_locale(env.lc_all, env.lang);

  std::vector<std::string> rest;
  bool help = false;
  if (auto error = take_globals(args, options, rest, help)) {
    error->lang = options.lang;
    return *error;
  }
  Parsed parsed = parse_command(rest, help, options.lang, invocation);
  if (auto* e = std::get_if<UsageError>(&parsed)) e->lang = options.lang;
  return parsed;
}

}  // namespace gavel::cli
