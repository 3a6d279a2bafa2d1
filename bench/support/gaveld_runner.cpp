#include "support/gaveld_runner.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gavel::bench {

namespace {
using Clock = std::chrono::steady_clock;

std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  auto* generic = reinterpret_cast<sockaddr*>(&address);
  if (fd < 0 || ::bind(fd, generic, size) != 0 || ::getsockname(fd, generic, &size) != 0)
    throw std::runtime_error("no free loopback port");
  ::close(fd);
  return ntohs(address.sin_port);
}

// One GET /healthz; true on a 200.
bool healthy(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  timeval timeout{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const char request[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    char answer[32] = {};
    if (::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof request - 1)) {
      auto got = ::recv(fd, answer, sizeof answer - 1, MSG_WAITALL);
      ok = got > 12 && std::string_view(answer, static_cast<std::size_t>(got)).starts_with("HTTP/1.1 200");
    }
  }
  ::close(fd);
  return ok;
}

std::size_t status_field_kib(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with(field + ":")) return std::stoul(line.substr(field.size() + 1));
  return 0;
}

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& output) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& arg : copy) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::string out = output.string();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

double cpu_seconds_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  if (stat.empty()) return 0;
  // Fields 14 and 15 (utime, stime), counted after the parenthesised command name.
  std::stringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i >= 14) ticks += std::stod(field);
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

bool accepts(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

void end(pid_t& pid, int signal) {
  if (pid <= 0) return;
  ::kill(pid, signal);
  ::waitpid(pid, nullptr, 0);
  pid = 0;
}
}  // namespace

double own_cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::size_t raise_fd_limit() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  return limit.rlim_cur;
}

Gaveld::Gaveld(std::filesystem::path data) : data_(std::move(data)) { std::filesystem::create_directories(data_); }

Gaveld::~Gaveld() { end(pid_, SIGKILL); }

std::chrono::microseconds Gaveld::start(const std::optional<std::filesystem::path>& meeting,
                                        std::chrono::seconds limit) {
  port_ = free_port();
  std::vector<std::string> args = {GAVELD_PATH, "--data", data_.string(), "--bind", "127.0.0.1",
                                   "--port", std::to_string(port_)};
  if (meeting) args.insert(args.end(), {"--meeting", meeting->string()});
  // A profiler's command line, say, to run gaveld under.
  if (const char* prefix = std::getenv("GAVEL_BENCH_GAVELD_PREFIX")) {
    std::vector<std::string> before;
    std::stringstream words(prefix);
    for (std::string word; words >> word;) before.push_back(word);
    args.insert(args.begin(), before.begin(), before.end());
    limit = std::max(limit, std::chrono::seconds(600));  // a profiler runs it tens of times slower
  }
  auto began = Clock::now();
  pid_ = spawn(args, data_ / "gaveld.log");
  // Polled every millisecond: the resolution of the restart figure.
  while (!healthy(port_)) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = 0;
      throw std::runtime_error("gaveld exited:\n" + log());
    }
    if (Clock::now() - began > limit) throw std::runtime_error("gaveld did not serve in time:\n" + log());
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - began);
}

// SIGTERM, and SIGKILL if it has not ended within 10 s: a server swamped
// past the memory guard may take minutes to shut down, and the run goes on.
void Gaveld::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  auto began = Clock::now();
  while (::waitpid(pid_, nullptr, WNOHANG) != pid_) {
    if (Clock::now() - began > std::chrono::seconds(10)) {
      end(pid_, SIGKILL);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pid_ = 0;
}
void Gaveld::kill_hard() { end(pid_, SIGKILL); }

std::size_t Gaveld::rss_kib() const { return status_field_kib(pid_, "VmRSS"); }
std::size_t Gaveld::peak_rss_kib() const { return status_field_kib(pid_, "VmHWM"); }

double Gaveld::cpu_seconds() const { return cpu_seconds_of(pid_); }

Tokens Gaveld::tokens() const {
  Tokens tokens;
  std::ifstream access(data_ / "access.json");
  auto json = nlohmann::json::parse(access);
  tokens.chair = json.at("chair_token");
  tokens.secretary = json.at("secretary_token");
  tokens.display = json.at("display_token");
  std::ifstream csv(data_ / "participants.csv");
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream parts(line);
    for (std::string field; std::getline(parts, field, ',');) fields.push_back(field);
    return fields;
  };
  // The header names the columns (id,name,group,code,token,join_url today): find the token's.
  std::string line;
  std::getline(csv, line);
  auto header = split(line);
  auto column = static_cast<std::size_t>(std::find(header.begin(), header.end(), "token") - header.begin());
  if (column == header.size()) throw std::runtime_error("participants.csv has no token column");
  while (std::getline(csv, line)) {
    auto fields = split(line);
    if (fields.size() > column) tokens.participants[fields[0]] = fields[column];
  }
  return tokens;
}

std::string Gaveld::log() const {
  std::ifstream in(data_ / "gaveld.log");
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

Baseline::~Baseline() { end(pid_, SIGKILL); }

void Baseline::start(std::chrono::seconds limit) {
  port_ = free_port();
  pid_ = spawn({BASELINE_PATH, std::to_string(port_), "2"}, "/dev/null");
  auto began = Clock::now();
  while (!accepts(port_)) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = 0;
      throw std::runtime_error("the baseline server exited at start");
    }
    if (Clock::now() - began > limit) throw std::runtime_error("the baseline server did not listen in time");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void Baseline::stop() { end(pid_, SIGTERM); }
std::size_t Baseline::rss_kib() const { return status_field_kib(pid_, "VmRSS"); }
std::size_t Baseline::peak_rss_kib() const { return status_field_kib(pid_, "VmHWM"); }
double Baseline::cpu_seconds() const { return cpu_seconds_of(pid_); }

SyncCounter::SyncCounter(pid_t pid) : output_(std::filesystem::temp_directory_path() /
                                              ("gavel-bench-perf-" + std::to_string(pid))) {
  std::filesystem::remove(output_);
  perf_ = spawn({"perf", "stat", "-x,", "-o", output_.string(), "-e",
                 "syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync", "-p", std::to_string(pid)},
                "/dev/null");
  // perf needs a moment to attach; what it misses would be undercounted.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
}

SyncCounter::~SyncCounter() {
  end(perf_, SIGINT);
  std::filesystem::remove(output_);
}

std::optional<std::uint64_t> SyncCounter::stop() {
  end(perf_, SIGINT);
  // CSV lines: count,unit,event,...; "<not counted>" or "<not supported>" where perf could not.
  std::ifstream in(output_);
  std::uint64_t total = 0;
  int events = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find("syscalls:sys_enter_f") == std::string::npos) continue;
    if (line.empty() || line[0] < '0' || line[0] > '9') return std::nullopt;
    total += std::stoull(line.substr(0, line.find(',')));
    ++events;
  }
  if (events != 2) return std::nullopt;
  return total;
}

}  // namespace gavel::bench
