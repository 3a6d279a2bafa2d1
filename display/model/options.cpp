#include "model/options.hpp"

#include <charconv>
#include <string_view>

namespace gavel::display {

const char* const kUsage = R"(usage: gavel-display --server URL --token DISPLAY_TOKEN [options]
       gavel-display --access DIR/access.json [options]

The projector: shows the meeting gaveld runs, as the room should see it.

  --server URL          gaveld's address (http://HOST:PORT/ or ws://HOST:PORT/ws)
  --token TOKEN         the display token (in access.json as display_token)
  --access FILE         gaveld's access.json: address and token; read again before
                        every reconnect, so a restarted gaveld on a new port is found
  --ca FILE             trust this certificate (PEM) for https:// and wss://
  --insecure            accept any certificate (still encrypted, but not verified)
  --lang zh-CN|en       language of the labels (default zh-CN)
  --fullscreen          full screen on the chosen monitor
  --monitor N           1 is the primary monitor (default), 2 the next, ...
  --size WxH            window size when not full screen (default 1280x720)
  --screenshot FILE     write what is shown to FILE.png: with --after-ms, once
                        and exit; without it, whenever the process gets SIGUSR1
  --after-ms N          when to take that screenshot, in ms after start
  --status              print connection and view changes on stdout
  --help                this text

Keys: F11 toggles full screen, Ctrl+Q quits.
)";

namespace {

template <class T>
bool parse_number(std::string_view text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool parse_size(std::string_view text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string_view::npos) return false;
  return parse_number(text.substr(0, x), width) && parse_number(text.substr(x + 1), height) && width >= 320 &&
         height >= 240 && width <= 16384 && height <= 16384;
}

}  // namespace

std::variant<Options, ShowHelp, std::string> parse_options(int argc, const char* const* argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") return ShowHelp{};
    if (flag == "--fullscreen") { options.fullscreen = true; continue; }
    if (flag == "--insecure") { options.tls.insecure = true; continue; }
    if (flag == "--status") { options.status = true; continue; }
    if (i + 1 >= argc) return "missing value after " + std::string(flag);
    const std::string value = argv[++i];
    if (flag == "--server") options.server = value;
    else if (flag == "--token") options.token = value;
    else if (flag == "--access") options.access_path = value;
    else if (flag == "--ca") options.tls.ca_file = value;
    else if (flag == "--screenshot") options.screenshot = value;
    else if (flag == "--lang") {
      const auto lang = parse_lang(value);
      if (!lang) return "--lang must be zh-CN or en, not '" + value + "'";
      options.lang = *lang;
    } else if (flag == "--monitor") {
      if (!parse_number(value, options.monitor) || options.monitor < 1) return "--monitor needs a number from 1";
    } else if (flag == "--size") {
      if (!parse_size(value, options.width, options.height)) return "--size needs WIDTHxHEIGHT, e.g. 1920x1080";
    } else if (flag == "--after-ms") {
      std::int64_t ms = 0;
      if (!parse_number(value, ms) || ms < 0) return "--after-ms needs a number of milliseconds";
      options.after_ms = ms;
    } else {
      return "unknown option " + std::string(flag);
    }
  }
  if (options.access_path.empty() && (options.server.empty() || options.token.empty()))
    return "give --server and --token, or --access DIR/access.json";
  if (options.after_ms && options.screenshot.empty()) return "--after-ms needs --screenshot FILE.png";
  return options;
}

}  // namespace gavel::display
