// gavel-display run by a test: started with --status and --screenshot, its
// output collected line by line on a reader thread, screenshots taken on
// demand with SIGUSR1. Waits on predicates, never on fixed sleeps.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "client_lib/result.hpp"
#include "model/png_file.hpp"

namespace gavel::display::test {

class DisplayProcess {
 public:
  // `args` go after the ones added here: --status --screenshot FILE.
  explicit DisplayProcess(std::vector<std::string> args);
  ~DisplayProcess();  // SIGTERM, then SIGKILL if it lingers
  DisplayProcess(const DisplayProcess&) = delete;
  DisplayProcess& operator=(const DisplayProcess&) = delete;

  // The index of the first output line from `from` on that satisfies
  // `match`, waiting up to `limit` for it.
  std::optional<std::size_t> wait_for_line(const std::function<bool(const std::string&)>& match,
                                           std::chrono::milliseconds limit, std::size_t from = 0);
  // "state seq=N view=VIEW" with N >= min_seq.
  std::optional<std::size_t> wait_for_state(const std::string& view, std::uint64_t min_seq,
                                            std::chrono::milliseconds limit = std::chrono::seconds(10));
  std::size_t lines_seen();

  // Asks for a screenshot and reads it once the display says it is written.
  client::Result<Image, std::string> screenshot(std::chrono::milliseconds limit = std::chrono::seconds(10));

  // The exit code once it exits by itself within `limit`; nullopt if not.
  std::optional<int> wait_exit(std::chrono::milliseconds limit);

  const std::filesystem::path& screenshot_path() const { return shot_; }
  // Everything it printed, for failure messages.
  std::string output();

 private:
  void read_output(int fd);

  std::filesystem::path dir_;
  std::filesystem::path shot_;
  pid_t pid_ = 0;
  std::optional<int> exit_code_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  std::thread reader_;
};

}  // namespace gavel::display::test
