// The parser's shared steps and its entry point: global options, then the
// command's group.
#include <algorithm>

#include "help.hpp"
#include "parse_groups.hpp"

namespace gavel::cli {

GroupParsed send(v1::Command command) { return Action{SendCommand{std::move(command)}}; }

GroupParsed dispatch(std::string_view group, Words words,
                     std::initializer_list<std::pair<std::string_view, SubParser>> subs) {
  std::string names;
  for (const auto& [name, parser] : subs) names += (names.empty() ? "" : "|") + std::string(name);
  const std::string g(group);
  if (words.empty()) return UsageError{g + "：缺少子命令，可用 " + names, g + ": expected " + names, g};
  if (words[0] == "-h" || words[0] == "--help") return Help{std::string(command_help(group))};
  const auto sub = std::find_if(subs.begin(), subs.end(), [&](const auto& s) { return s.first == words[0]; });
  if (sub == subs.end()) {
    return UsageError{g + "：未知子命令 '" + words[0] + "'，可用 " + names,
                      g + ": unknown subcommand '" + words[0] + "' (expected " + names + ")", g};
  }
  return sub->second(words.subspan(1));
}

GroupParsed with_args(Words words, std::initializer_list<FlagSpec> flags, std::string topic, Body body) {
  const std::string group = topic.substr(0, topic.find(' '));
  auto args = Args::parse(words, flags, std::move(topic));
  if (!args) return args.error();
  if (args.value().help()) return Help{std::string(command_help(group))};
  return body(args.value());
}

GroupParsed no_args(Words words, std::string topic, void (*fill)(v1::Command&)) {
  const std::string group = topic.substr(0, topic.find(' '));
  auto args = Args::parse(words, {}, std::move(topic));
  if (!args) return args.error();
  if (args.value().help()) return Help{std::string(command_help(group))};
  if (auto e = args.value().expect(0, 0, "", "")) return *e;
  v1::Command c;
  fill(c);
  return send(std::move(c));
}

}  // namespace gavel::cli
