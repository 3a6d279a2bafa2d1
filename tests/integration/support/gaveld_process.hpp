// The real gaveld, started on a loopback port with a temporary data folder,
// for integration and chaos tests. Waits on predicates, never fixed sleeps.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "client_lib/connection.hpp"

namespace gavel::test {

// Polls `ready` until it holds or `limit` passes.
bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds limit = std::chrono::seconds(10));

class GaveldProcess {
 public:
  struct Options {
    bool tls = false;  // a fresh self-signed certificate, trusted by connect()
    std::filesystem::path meeting;  // default: tests/integration/fixtures/meeting.toml
    std::filesystem::path web;      // --web: the web clients' folder, if any
  };
  // Starts gaveld on the fixture meeting (tests/integration/fixtures).
  GaveldProcess() : GaveldProcess(Options{}) {}
  explicit GaveldProcess(Options options);
  ~GaveldProcess();

  void start();       // (re)starts on the same data folder; waits until it serves
  void kill_hard();   // SIGKILL: no chance to flush or clean up
  void stop();        // SIGTERM and wait
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }  // e.g. to limit its file sizes (prlimit)
  // The server's resident memory (VmRSS), in KiB; 0 when it is not running.
  long resident_kib() const;

  const std::filesystem::path& data() const { return data_; }
  std::string log() const;  // what gaveld wrote to stderr and stdout
  const client::Endpoint& endpoint() const { return endpoint_; }
  std::string token(const std::string& role) const;               // chair, secretary, display
  // A Wi-Fi clicker's or base station's own credential, from DIR/clickers.json.
  std::string clicker_token(const std::string& id) const;
  std::string participant_token(const std::string& id) const;
  std::string participant_code(const std::string& id) const;  // the short personal code

  std::unique_ptr<client::Connection> connect(const std::string& token, std::uint64_t resume = 0) const;
  std::unique_ptr<client::Connection> connect_as(const std::string& role) const { return connect(token(role)); }
  std::unique_ptr<client::Connection> connect_clicker(const std::string& id) const {
    return connect(clicker_token(id));
  }
  std::unique_ptr<client::Connection> connect_participant(const std::string& id) const {
    return connect(participant_token(id));
  }

 private:
  void read_access();
  std::string exit_report() const;

  Options options_;
  std::filesystem::path data_;
  mutable pid_t pid_ = 0;  // 0 once reaped, also by a const exit_report()
  client::Endpoint endpoint_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace gavel::test
