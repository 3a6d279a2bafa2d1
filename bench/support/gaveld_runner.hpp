// The real gaveld as a child process on a loopback port, for the end-to-end
// benchmarks: started and timed until it serves, killed or stopped, and
// watched from /proc (memory) and, when perf allows, the kernel (fsyncs).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace gavel::bench {

struct Tokens {
  std::string chair, secretary, display;
  std::map<std::string, std::string> participants;  // by participant id
};

// User + system CPU time this process has used so far, all threads.
double own_cpu_seconds();

// Raises the soft limit on open files to the hard one (children inherit it);
// returns the new limit.
std::size_t raise_fd_limit();

class Gaveld {
 public:
  explicit Gaveld(std::filesystem::path data);
  ~Gaveld();  // kills a server still running: a benchmark that failed
  Gaveld(const Gaveld&) = delete;
  Gaveld& operator=(const Gaveld&) = delete;

  // Starts gaveld on the data folder (creating the meeting from `meeting`
  // the first time) and returns the time from fork to the first `200` from
  // /healthz. Throws if it does not serve within `limit`.
  std::chrono::microseconds start(const std::optional<std::filesystem::path>& meeting = std::nullopt,
                                  std::chrono::seconds limit = std::chrono::seconds(60));
  void stop();       // SIGTERM, then wait (SIGKILL after 10 s)
  void kill_hard();  // SIGKILL, then wait

  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data() const { return data_; }
  std::size_t rss_kib() const;       // VmRSS
  std::size_t peak_rss_kib() const;  // VmHWM
  double cpu_seconds() const;        // user + system time so far, all threads
  Tokens tokens() const;             // from access.json and participants.csv
  std::string log() const;           // gaveld's stdout and stderr

 private:
  std::filesystem::path data_;
  pid_t pid_ = 0;
  std::uint16_t port_ = 0;
};

// The baseline (bench/echo_server.cpp) as a child process on a loopback port.
class Baseline {
 public:
  Baseline() = default;
  ~Baseline();  // kills a server still running
  Baseline(const Baseline&) = delete;
  Baseline& operator=(const Baseline&) = delete;

  void start(std::chrono::seconds limit = std::chrono::seconds(10));  // until it accepts connections
  void stop();

  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }
  std::size_t rss_kib() const;
  std::size_t peak_rss_kib() const;
  double cpu_seconds() const;

 private:
  pid_t pid_ = 0;
  std::uint16_t port_ = 0;
};

// Counts the fsync and fdatasync calls a process makes, through `perf stat`
// on the syscall tracepoints: with synchronous=FULL, one per SQLite commit.
// Counts nothing (nullopt) where perf is missing or not permitted.
class SyncCounter {
 public:
  explicit SyncCounter(pid_t pid);
  ~SyncCounter();
  SyncCounter(const SyncCounter&) = delete;
  SyncCounter& operator=(const SyncCounter&) = delete;
  std::optional<std::uint64_t> stop();

 private:
  pid_t perf_ = 0;
  std::filesystem::path output_;
};

}  // namespace gavel::bench
