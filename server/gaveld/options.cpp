#include "options.hpp"

#include <charconv>
#include <string_view>

namespace gavel::gaveld {

const char* const kUsage = R"(usage: gaveld --data DIR [options]

Runs one meeting: HTTP and WebSocket on one port, every command recorded in
DIR/gavel.db before it is acknowledged.

  --data DIR            where the database and access.json live (created if missing)
  --meeting FILE.toml   the meeting to run (needed the first time, see docs/meeting-file.md)
  --roster FILE.csv     its roster (default: the `roster` named in the meeting file)
  --port N              port to listen on (default 8080; 0 picks a free one)
  --bind ADDRESS        address to listen on (default 0.0.0.0: the whole room's Wi-Fi)
  --web DIR             the web pages' folder (default: the pages built or installed
                        beside the program); it may not contain the data folder
  --no-web              serve no pages, only /healthz, /ws and /j/ links
  --archive-unsigned    with --meeting: archive the ended meeting even though its
                        minutes were never signed (they can then no longer be signed)
  --tls-cert FILE       serve https:// and wss:// with this certificate chain (PEM) ...
  --tls-key FILE        ... and this private key (see docs/security.md)
  --threads N           I/O threads (default 2)
  --help                this text
)";

std::variant<Options, ShowHelp, std::string> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") return ShowHelp{};
    if (flag == "--no-web") {
      options.no_web = true;
      continue;
    }
    if (flag == "--archive-unsigned") {
      options.archive_unsigned = true;
      continue;
    }
    if (i + 1 >= argc) return "missing value after " + std::string(flag);
    std::string value = argv[++i];
    auto number = [&](auto& out) -> bool {
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
      return ec == std::errc() && end == value.data() + value.size();
    };
    if (flag == "--data") options.data = value;
    else if (flag == "--meeting") options.meeting = value;
    else if (flag == "--roster") options.roster = value;
    else if (flag == "--bind") options.server.bind = value;
    else if (flag == "--web") options.web = value;
    else if (flag == "--tls-cert") options.server.tls_cert = value;
    else if (flag == "--tls-key") options.server.tls_key = value;
    else if (flag == "--port") {
      if (!number(options.server.port)) return "--port needs a number from 0 to 65535";
    } else if (flag == "--threads") {
      if (!number(options.server.threads) || options.server.threads == 0 || options.server.threads > 64)
        return "--threads needs a number from 1 to 64";
    } else {
      return "unknown option " + std::string(flag);
    }
  }
  if (options.data.empty()) return "--data DIR is required";
  if (options.no_web && options.web) return "--web and --no-web exclude each other";
  if (options.server.tls_cert.has_value() != options.server.tls_key.has_value())
    return "--tls-cert and --tls-key go together";
  return options;
}

}  // namespace gavel::gaveld
