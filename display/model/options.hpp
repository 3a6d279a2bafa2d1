// gavel-display's command line: what to connect to, how to show it and, for
// tests and the docs, when to write a screenshot. Pure; any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "client_lib/tls_options.hpp"
#include "model/strings.hpp"

namespace gavel::display {

extern const char* const kUsage;

struct Options {
  std::string server;        // --server URL; with --access it overrides the file's URL
  std::string token;         // --token; with --access the file's display_token by default
  std::string access_path;   // --access DIR/access.json: re-read before every reconnect
  client::TlsOptions tls;    // --ca FILE, --insecure
  Lang lang = Lang::zh;
  bool fullscreen = false;
  int monitor = 1;           // --monitor N: 1 is the primary monitor
  int width = 1280;          // --size WxH of the window when not full screen
  int height = 720;
  std::string screenshot;    // --screenshot FILE.png
  // --after-ms N: write the screenshot N ms after start and exit. Without it,
  // every SIGUSR1 writes one and the display keeps running.
  std::optional<std::int64_t> after_ms;
  bool status = false;       // --status: connection and view changes on stdout
};

struct ShowHelp {};

// An error is one line saying what is wrong with the arguments.
std::variant<Options, ShowHelp, std::string> parse_options(int argc, const char* const* argv);

}  // namespace gavel::display
