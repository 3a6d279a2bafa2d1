#include "client_lib/local_time.hpp"
#include "run.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "ballot.hpp"
#include "client_lib/access_file.hpp"
#include "join_cards.hpp"
#include "client_lib/connection.hpp"
#include "confirm.hpp"
#include "format.hpp"
#include "hints.hpp"
#include "target.hpp"

namespace gavel::cli {

namespace {

constexpr std::chrono::milliseconds kStopPoll{250};

// An error in the reader's language (a server's with its code name first, for scripts).
std::string describe(const client::Error& error, Lang lang) {
  return client::describe(error, lang == Lang::zh ? client::Language::zh : client::Language::en);
}

int fail(std::ostream& err, const client::Error& error, Lang lang) {
  err << "gavelctl: " << describe(error, lang) << "\n";
  return error.kind == client::ErrorKind::bad_url ? kExitUsage : kExitFailed;
}

// A TLS failure before either trust option was tried is most likely a
// self-signed room certificate: name the two ways on.
int fail_to_open(std::ostream& err, const client::Error& error, const client::TlsOptions& tls, Lang lang) {
  if (error.kind != client::ErrorKind::tls || tls.insecure || !tls.ca_file.empty()) return fail(err, error, lang);
  err << "gavelctl: " << describe(error, lang)
      << say(lang, "；请用 --ca FILE，或用 --insecure 接受自签名证书",
             "; use --ca FILE, or --insecure to accept a self-signed certificate")
      << "\n";
  return kExitFailed;
}

int send(client::Connection& connection, const v1::Command& command, const GlobalOptions& options,
         std::ostream& out, std::ostream& err) {
  auto ack = connection.call(command, options.timeout);
  if (!ack) {
    const client::Error& e = ack.error();
    std::string line = describe(e, options.lang);
    if (e.kind == client::ErrorKind::server) {
      const std::string hint = hint_for(command, e.server, options.lang);
      if (!hint.empty()) line += say(options.lang, "；", "; ") + hint;
    }
    err << "gavelctl: " << line << "\n";
    return kExitFailed;
  }
  out << (options.json ? to_json(ack.value()) : format_ack(ack.value(), options.lang)) << "\n";
  return kExitOk;
}

// On a terminal, an irreversible step is asked about first.
bool confirmed(const v1::Command& command, const v1::MeetingSnapshot& snapshot, const Names& names,
               const GlobalOptions& options, std::istream& in, bool interactive, std::ostream& err) {
  if (options.yes || !interactive) return true;
  auto question = confirmation_question(command, snapshot, names, options.lang);
  if (!question) return true;
  err << *question << std::flush;
  std::string answer;
  if (std::getline(in, answer) && is_yes(answer)) return true;
  err << say(options.lang, "已取消，未发送。（脚本中请加 --yes）", "cancelled, nothing sent (use --yes in scripts)") << "\n";
  return false;
}

int watch(client::Connection& connection, const Watch& request, const GlobalOptions& options,
          std::ostream& out, std::ostream& err, const std::atomic<bool>& stop) {
  const v1::Welcome& welcome = connection.welcome();
  Names names;
  names.learn(welcome.snapshot());
  std::uint64_t printed = welcome.snapshot().seq();
  auto print = [&](const v1::Event& event) {
    // Missed events and live ones may overlap at the seam; print each once.
    if (event.seq() <= printed && event.seq() != 0) return;
    printed = std::max(printed, event.seq());
    names.learn(event);
    out << (options.json ? to_json(event)
                         : format_event(event, names, client::local_time(event.at_ms(), "%H:%M:%S"), options.lang))
        << std::endl;
  };

  if (request.resume_after) {
    if (!welcome.resumed()) {
      err << "gavelctl: "
          << say(options.lang,
                 "服务器已不再保存 #" + std::to_string(*request.resume_after) + " 之后的事件；从 #" +
                     std::to_string(welcome.snapshot().seq()) + " 开始显示",
                 "the server no longer holds the events after #" + std::to_string(*request.resume_after) +
                     "; watching from #" + std::to_string(welcome.snapshot().seq()))
          << "\n";
    } else {
      printed = *request.resume_after;
      for (const v1::Event& event : welcome.missed()) print(event);
    }
  }

  while (!stop.load()) {
    auto message = connection.next(kStopPoll);
    if (!message) {
      if (connection.is_open()) continue;
      const auto& why = connection.failure();
      return fail(err,
                  why ? *why
                      : client::local_error(client::ErrorKind::closed, "连接已断开", "the connection ended"),
                  options.lang);
    }
    if (message->has_events()) {
      for (const v1::Event& event : message->events().events()) print(event);
    } else if (message->has_snapshot()) {
      names.learn(message->snapshot());
    } else if (message->has_error()) {
      err << "gavelctl: " << describe(client::server_error(message->error()), options.lang) << "\n";
    }
  }
  connection.close();
  return kExitOk;
}

// Writes the file whole or not at all: a half-written PDF is worse than none.
int export_minutes(client::Connection& connection, const ExportMinutes& action, const GlobalOptions& options,
                   std::ostream& out, std::ostream& err) {
  auto file = connection.minutes(action.request, options.timeout);
  if (!file) return fail(err, file.error(), options.lang);
  const v1::MinutesFile& f = file.value();
  if (action.output.empty()) {
    out << f.content();
    return kExitOk;
  }
  std::string partial = action.output + ".part";
  {
    std::ofstream stream(partial, std::ios::binary | std::ios::trunc);
    stream.write(f.content().data(), static_cast<std::streamsize>(f.content().size()));
    if (!stream.flush()) {
      err << "gavelctl: cannot write " << partial << "\n";
      std::remove(partial.c_str());
      return kExitFailed;
    }
  }
  if (std::rename(partial.c_str(), action.output.c_str()) != 0) {
    err << "gavelctl: cannot write " << action.output << "\n";
    std::remove(partial.c_str());
    return kExitFailed;
  }
  if (f.format() == v1::MINUTES_FORMAT_JSON) {
    err << "gavelctl: wrote " << action.output << " (the record, " << f.content().size() << " bytes, SHA-256 "
        << f.content_sha256() << "; check it with gavelctl verify)\n";
    return kExitOk;
  }
  err << "gavelctl: wrote " << action.output << " (minutes v" << f.version() << (f.draft() ? ", draft" : ", signed")
      << ", " << f.content().size() << " bytes, content SHA-256 " << f.content_sha256() << ")\n";
  return kExitOk;
}

// Cards from three sources: the roster (names, groups, clickers) from the
// server, the join links and codes from participants.csv, the Wi-Fi from access.json.
int print_cards(const PrintCards& action, const v1::MeetingSnapshot& snapshot, const GlobalOptions& options,
                std::ostream& err) {
  auto rows = participants_csv(options);
  if (!rows) return fail(err, rows.error(), options.lang);
  auto access = client::load_access_file(options.access_path);
  if (!access) return fail(err, access.error(), options.lang);
  CardSheet sheet;
  sheet.title = snapshot.info().title();
  sheet.wifi = access.value().wifi;
  sheet.wifi_name = wifi_name(sheet.wifi);
  bool any_code = false;
  for (const v1::Participant& p : snapshot.roster()) {
    for (const CsvRow& row : rows.value()) {
      auto id = row.find("id");
      if (id == row.end() || id->second != p.id()) continue;
      auto field = [&](const char* name) {
        auto it = row.find(name);
        return it == row.end() ? std::string() : it->second;
      };
      sheet.cards.push_back({p.name(), p.group(), field("join_url"), field("code"), p.clicker_id()});
      any_code = any_code || !field("code").empty();
    }
  }
  if (sheet.cards.empty()) {
    err << "gavelctl: participants.csv names nobody on the roster\n";
    return kExitFailed;
  }
  std::string why;
  auto pdf = render_join_cards(sheet, why);
  if (!pdf) {
    err << "gavelctl: cannot make the cards: " << why << "\n";
    return kExitFailed;
  }
  std::ofstream out(action.output, std::ios::binary | std::ios::trunc);
  out.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
  if (!out.flush()) {
    err << "gavelctl: cannot write " << action.output << "\n";
    return kExitFailed;
  }
  err << "gavelctl: wrote " << sheet.cards.size() << " join cards to " << action.output
      << (any_code ? "" : " (participants.csv has no code column: no personal codes printed)")
      << (sheet.wifi.empty() ? " (no [room] wifi_ssid in the meeting file: no Wi-Fi code)" : "") << "\n";
  return kExitOk;
}

}  // namespace

int run(const Invocation& invocation, std::ostream& out, std::ostream& err, std::istream& in,
        const std::atomic<bool>& stop) {
  return run(invocation, out, err, in, isatty(STDIN_FILENO) == 1, stop);
}

int run(const Invocation& invocation, std::ostream& out, std::ostream& err, std::istream& in, bool interactive,
        const std::atomic<bool>& stop) {
  const GlobalOptions& options = invocation.options;
  auto target = resolve_target(options);
  if (!target) return fail(err, target.error(), options.lang);

  const auto* watching = std::get_if<Watch>(&invocation.action);
  const std::uint64_t resume = watching && watching->resume_after ? *watching->resume_after : 0;
  auto opened = client::Connection::open(target.value().endpoint, target.value().token, resume,
                                         "gavelctl " GAVEL_VERSION, options.tls, options.timeout);
  if (!opened) return fail_to_open(err, opened.error(), options.tls, options.lang);
  client::Connection& connection = *opened.value();
  const v1::MeetingSnapshot& snapshot = connection.welcome().snapshot();
  Names names;
  names.learn(snapshot);

  return std::visit(
      [&](const auto& action) -> int {
        using A = std::decay_t<decltype(action)>;
        if constexpr (std::is_same_v<A, SendCommand>) {
          if (!confirmed(action.command, snapshot, names, options, in, interactive, err)) return kExitFailed;
          return send(connection, action.command, options, out, err);
        } else if constexpr (std::is_same_v<A, CastVote>) {
          auto command = ballot_command(action, snapshot);
          if (!command) {
            err << "gavelctl: " << command.error().message(options.lang) << "\n";
            return kExitUsage;
          }
          return send(connection, command.value(), options, out, err);
        } else if constexpr (std::is_same_v<A, ShowStatus>) {
          out << (options.json ? to_json(snapshot) + "\n"
                               : format_status(snapshot, connection.server_now_ms(), names, options.lang));
          return kExitOk;
        } else if constexpr (std::is_same_v<A, ShowRoster>) {
          if (!options.json) {
            out << format_roster(snapshot, options.lang);
            return kExitOk;
          }
          out << "[";
          for (int i = 0; i < snapshot.roster_size(); ++i)
            out << (i ? "," : "") << to_json(snapshot.roster(i));
          out << "]\n";
          return kExitOk;
        } else if constexpr (std::is_same_v<A, ListSpeakers>) {
          out << (options.json ? to_json(snapshot.queue()) + "\n" : format_queue(snapshot, names, options.lang));
          return kExitOk;
        } else if constexpr (std::is_same_v<A, ShowList>) {
          out << (options.json ? to_json(snapshot) + "\n" : format_list(action.kind, snapshot, names, options.lang));
          return kExitOk;
        } else if constexpr (std::is_same_v<A, ManageClickers>) {
          auto fleet = connection.clicker_admin(action.admin, options.timeout);
          if (!fleet) return fail(err, fleet.error(), options.lang);
          out << (options.json ? to_json(fleet.value()) + "\n"
                               : format_fleet(fleet.value(), connection.server_now_ms(), names));
          return kExitOk;
        } else if constexpr (std::is_same_v<A, PrintCards>) {
          return print_cards(action, snapshot, options, err);
        } else if constexpr (std::is_same_v<A, ExportMinutes>) {
          return export_minutes(connection, action, options, out, err);
        } else {
          return watch(connection, action, options, out, err, stop);
        }
      },
      invocation.action);
}

}  // namespace gavel::cli
