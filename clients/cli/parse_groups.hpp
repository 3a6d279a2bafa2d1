// Internal to the parser: one function per command group, each given the
// words after the command's name. Pure, any thread.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "args.hpp"
#include "invocation.hpp"

namespace gavel::cli {

using GroupParsed = std::variant<Action, Help, UsageError>;
using Words = std::span<const std::string>;
using SubParser = GroupParsed (*)(Words rest);
using Body = GroupParsed (*)(const Args& args);

GroupParsed send(v1::Command command);

// Picks the subcommand (words[0]) from `subs` and hands it the rest.
GroupParsed dispatch(std::string_view group, Words words,
                     std::initializer_list<std::pair<std::string_view, SubParser>> subs);
// Parses `words` as `topic`'s flags, answers --help, then runs `body`.
GroupParsed with_args(Words words, std::initializer_list<FlagSpec> flags, std::string topic, Body body);
// A command without arguments: `fill` sets which one.
GroupParsed no_args(Words words, std::string topic, void (*fill)(v1::Command&));

GroupParsed parse_meeting(Words words);
GroupParsed parse_item(Words words);
GroupParsed parse_opinion(Words words);
GroupParsed parse_checkin(Words words);
GroupParsed parse_checkout(Words words);
GroupParsed parse_interest(Words words);
GroupParsed parse_speakers(Words words);
GroupParsed parse_timer(Words words);
GroupParsed parse_dissent(Words words);
GroupParsed parse_resolution(Words words);
GroupParsed parse_minutes(Words words);
GroupParsed parse_motion(Words words);
GroupParsed parse_vote(Words words);
GroupParsed parse_status(Words words);
GroupParsed parse_roster(Words words);
GroupParsed parse_watch(Words words);
GroupParsed parse_clicker(Words words);

}  // namespace gavel::cli
