// gavelctl: parse, then run. Ctrl-C ends `watch` cleanly through a flag the
// run loop polls; the handler does nothing else.
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "lang.hpp"

#include "invocation.hpp"
#include "record_cli/record_cli.hpp"
#include "run.hpp"

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_signal(int) { g_stop.store(true); }

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gavel::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  // verify, record: read the record itself, no server involved.
  if (auto status = gavel::record_cli::run(args, std::cout, std::cerr)) return *status;
  const Parsed parsed =
      parse_command_line(args, {env("GAVEL_SERVER"), env("GAVEL_TOKEN"), env("GAVEL_ACCESS"), env("LC_ALL"),
                                env("LANG")});

  if (const auto* help = std::get_if<Help>(&parsed)) {
    std::cout << help->text;
    return kExitOk;
  }
  if (const auto* usage = std::get_if<UsageError>(&parsed)) {
    const std::string topic = usage->topic.empty() ? "" : usage->topic + " ";
    // Chinese says what the page holds: the command list, or this command's usage.
    const std::string zh_hint =
        topic.empty() ? "（命令列表见 gavelctl --help）" : "（用法见 gavelctl " + topic + "--help）";
    std::cerr << "gavelctl: " << usage->message(usage->lang)
              << say(usage->lang, zh_hint, " (see gavelctl " + topic + "--help)") << "\n";
    return kExitUsage;
  }
  const Invocation& invocation = std::get<Invocation>(parsed);
  if (std::holds_alternative<Watch>(invocation.action)) {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
  }
  return run(invocation, std::cout, std::cerr, std::cin, g_stop);
}
