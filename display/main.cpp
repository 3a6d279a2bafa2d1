// gavel-display: the projector. Parses the command line, routes signals to
// the frame loop, and runs it (ui/app.cpp).
#include <csignal>
#include <iostream>

#include "model/options.hpp"
#include "model/target.hpp"
#include "ui/app.hpp"

namespace {

gavel::display::Requests requests;

void on_signal(int signal) {
  if (signal == SIGUSR1) requests.screenshot = true;
  else requests.quit = true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gavel::display;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGUSR1, on_signal);
  auto parsed = parse_options(argc, argv);
  if (std::holds_alternative<ShowHelp>(parsed)) {
    std::cout << kUsage;
    return 0;
  }
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "gavel-display: " << *error << "\n\n" << kUsage;
    return 2;
  }
  const Options& options = std::get<Options>(parsed);
  // A typo in the URL or the access file's path will not mend itself: say so
  // now rather than retry forever. (Later failures to read the file, while
  // gaveld rewrites it, are retried.)
  if (auto target = resolve_target(options); !target) {
    std::cerr << "gavel-display: " << gavel::client::describe(target.error()) << "\n";
    return 2;
  }
  return run_display(options, requests);
}
