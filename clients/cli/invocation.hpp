// What one gavelctl run is asked to do, as parsed from its arguments before
// any file or network is touched, so parsing can be tested on its own.
// Plain data, any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "client_lib/connection.hpp"
#include "client_lib/tls_options.hpp"
#include "gavel/v1/envelope.pb.h"
#include "lang.hpp"

namespace gavel::cli {

struct GlobalOptions {
  std::string server;  // empty: access.json's URL, else the local default
  std::string token;   // wins over the access file's
  std::string access_path;
  v1::Role role = v1::ROLE_CHAIR;  // whose token to take from the access file
  std::string as_participant;      // take this person's token from participants.csv
  bool json = false;
  bool yes = false;                // --yes: no confirmation for irreversible steps
  Lang lang = Lang::zh;            // --lang, else the locale, else Chinese
  client::TlsOptions tls;
  std::chrono::milliseconds timeout = client::kDefaultTimeout;
};

// A command sent as it is.
struct SendCommand {
  v1::Command command;
};
// A ballot whose choices may be option numbers or texts: they are looked up
// in the open vote, which only the server's snapshot knows.
struct CastVote {
  std::vector<std::string> choices;
  std::uint64_t vote_id = 0;  // 0: the open vote
  std::string reason;
  std::string receipt;
  std::string press_id;
};
// The minutes in a format, written to `output` (empty: standard output).
struct ExportMinutes {
  v1::MinutesRequest request;
  std::string output;
};
// One join card per participant, several per A4 page, as a PDF.
struct PrintCards {
  std::string output;
};
struct ShowStatus {};
// `items list`, `dissent list`, `resolutions list`, `opinions list`.
enum class ListKind { items, dissent, resolutions, opinions };
struct ShowList {
  ListKind kind = ListKind::items;
};
struct ShowRoster {};
struct ListSpeakers {};
struct Watch {
  std::optional<std::uint64_t> resume_after;  // set: print what was missed since
};
// gavelctl clicker ...: the chair's fleet request; the answer is the fleet.
struct ManageClickers {
  v1::ClickerAdmin admin;
};
using Action = std::variant<SendCommand, CastVote, ShowStatus, ShowRoster, ListSpeakers, Watch, ShowList, ManageClickers,
                            ExportMinutes, PrintCards>;

struct Invocation {
  GlobalOptions options;
  Action action;
};

// `gavelctl ... --help`: print it and exit 0.
struct Help {
  std::string text;
};
// Wrong arguments: print the message and exit 2. Both texts are kept so the
// reader's language can be chosen where it is printed. `topic` names the
// command whose --help would have helped ("vote"), empty for the global options.
struct UsageError {
  std::string message_zh;
  std::string message_en;
  std::string topic;
  Lang lang = Lang::zh;  // the reader's, once the global options are parsed

  std::string message(Lang in) const { return say(in, message_zh, message_en); }
};

using Parsed = std::variant<Invocation, Help, UsageError>;

// Defaults from the environment: GAVEL_SERVER, GAVEL_TOKEN, GAVEL_ACCESS,
// and the language from LC_ALL / LANG.
struct Environment {
  std::string server;
  std::string token;
  std::string access;
  std::string lc_all;
  std::string lang;
};

// argv without the program name.
Parsed parse_command_line(const std::vector<std::string>& args, const Environment& env = {});

}  // namespace gavel::cli
