#include "display_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cinttypes>
#include <random>
#include <stdexcept>

namespace gavel::display::test {

DisplayProcess::DisplayProcess(std::vector<std::string> args) {
  std::random_device random;
  dir_ = std::filesystem::temp_directory_path() / ("gavel-display-test-" + std::to_string(random()));
  std::filesystem::create_directories(dir_);
  shot_ = dir_ / "shot.png";
  args.insert(args.begin(), {GAVEL_DISPLAY_PATH, "--status", "--screenshot", shot_.string()});

  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], 1);
    dup2(out[1], 2);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  reader_ = std::thread([this, fd = out[0]] { read_output(fd); });
}

DisplayProcess::~DisplayProcess() {
  if (!wait_exit(std::chrono::milliseconds(0))) {
    kill(pid_, SIGTERM);
    if (!wait_exit(std::chrono::seconds(5))) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  reader_.join();
  std::filesystem::remove_all(dir_);
}

void DisplayProcess::read_output(int fd) {
  std::string pending;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) {
    pending.append(buffer, static_cast<std::size_t>(n));
    std::size_t end;
    while ((end = pending.find('\n')) != std::string::npos) {
      std::lock_guard lock(mutex_);
      lines_.push_back(pending.substr(0, end));
      pending.erase(0, end + 1);
      changed_.notify_all();
    }
  }
  close(fd);
  std::lock_guard lock(mutex_);
  if (!pending.empty()) lines_.push_back(pending);
  changed_.notify_all();
}

std::optional<std::size_t> DisplayProcess::wait_for_line(const std::function<bool(const std::string&)>& match,
                                                         std::chrono::milliseconds limit, std::size_t from) {
  std::unique_lock lock(mutex_);
  std::optional<std::size_t> found;
  changed_.wait_for(lock, limit, [&] {
    for (std::size_t i = from; i < lines_.size(); ++i)
      if (match(lines_[i])) {
        found = i;
        return true;
      }
    return false;
  });
  return found;
}

std::optional<std::size_t> DisplayProcess::wait_for_state(const std::string& view, std::uint64_t min_seq,
                                                          std::chrono::milliseconds limit) {
  return wait_for_line(
      [&](const std::string& line) {
        std::uint64_t seq = 0;
        char seen[32] = {};
        return std::sscanf(line.c_str(), "state seq=%" SCNu64 " view=%31s", &seq, seen) == 2 && seq >= min_seq &&
               view == seen;
      },
      limit);
}

std::size_t DisplayProcess::lines_seen() {
  std::lock_guard lock(mutex_);
  return lines_.size();
}

client::Result<Image, std::string> DisplayProcess::screenshot(std::chrono::milliseconds limit) {
  const std::size_t from = lines_seen();
  kill(pid_, SIGUSR1);
  if (!wait_for_line([](const std::string& line) { return line.starts_with("screenshot "); }, limit, from))
    return "gavel-display wrote no screenshot within " + std::to_string(limit.count()) + " ms; it said:\n" + output();
  return read_png(shot_.string());
}

std::optional<int> DisplayProcess::wait_exit(std::chrono::milliseconds limit) {
  if (exit_code_) return exit_code_;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  do {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

std::string DisplayProcess::output() {
  std::lock_guard lock(mutex_);
  std::string all;
  for (const std::string& line : lines_) all += "  | " + line + "\n";
  return all;
}

}  // namespace gavel::display::test
