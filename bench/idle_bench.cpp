// Server memory per idle connection: gaveld's resident set before and after
// N participants connect and sit idle past a WebSocket ping round (gaveld
// pings a quiet peer after 10 s), and after they all leave again.
//
//   idle_bench N PARALLEL [IDLE_SECONDS]
//
// PARALLEL handshakes are in flight at a time: a few, as when a room drifts
// in, or hundreds, as in a reconnect storm after the Wi-Fi drops. Each
// welcome carries the whole meeting, so a storm's transient peak can stay in
// the resident set after it has passed.
#include <cstdio>
#include <iostream>
#include <thread>

#include "support/assembly.hpp"
#include "support/gaveld_runner.hpp"
#include "support/report.hpp"
#include "support/swarm.hpp"
#include "support/temp_dir.hpp"

namespace {
using namespace gavel::bench;

int idle(int people, int idle_seconds, int parallel) {
  std::printf("idle: %d participants connect (%d handshakes at a time) and stay idle for %d s\n", people, parallel,
              idle_seconds);
  TempDir dir("gavel-idle-bench");
  Gaveld server(dir.path() / "data");
  server.start(write_assembly(dir.path() / "meeting", people));
  Tokens tokens = server.tokens();
  std::vector<std::string> everyone;
  for (int i = 1; i <= people; ++i) everyone.push_back(tokens.participants.at(person(i)));
  // Let start-up finish allocating before the baseline.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  std::size_t before = server.rss_kib();

  auto swarm = std::make_unique<Swarm>("127.0.0.1", server.port());
  auto began = Clock::now();
  swarm->open(everyone, std::chrono::seconds(120), static_cast<std::size_t>(parallel));
  double opening = std::chrono::duration<double>(Clock::now() - began).count();
  if (swarm->welcomed() != everyone.size())
    throw std::runtime_error("only " + std::to_string(swarm->welcomed()) + " of " + std::to_string(people) +
                             " welcomed");
  std::size_t connected = server.rss_kib();
  swarm->run_until([] { return false; }, std::chrono::seconds(idle_seconds));
  std::size_t idle_rss = server.rss_kib(), peak = server.peak_rss_kib();
  std::size_t lost = swarm->lost(), welcome_bytes = swarm->welcome_bytes();
  swarm.reset();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::size_t after = server.rss_kib();
  server.stop();

  auto per = [&](std::size_t rss) { return (static_cast<double>(rss) - static_cast<double>(before)) / people; };
  std::printf("  welcomed %d in %.1f s (a welcome: %s bytes); %zu connections lost while idle\n", people, opening,
              grouped(static_cast<double>(welcome_bytes) / people).c_str(), lost);
  std::printf("  gaveld VmRSS: %s KiB before, %s KiB once all are welcomed, %s KiB after %d s idle, "
              "%s KiB after they left; peak %s KiB\n",
              grouped(static_cast<double>(before)).c_str(), grouped(static_cast<double>(connected)).c_str(),
              grouped(static_cast<double>(idle_rss)).c_str(), idle_seconds, grouped(static_cast<double>(after)).c_str(),
              grouped(static_cast<double>(peak)).c_str());
  std::printf("  per connection: %s KiB once welcomed, %s KiB idle\n", fixed(per(connected), 1).c_str(),
              fixed(per(idle_rss), 1).c_str());
  summary("memory per idle connection, " + std::to_string(people) + " connected, " + std::to_string(parallel) +
              " handshakes at a time",
          fixed(per(idle_rss), 1) + " KiB (peak RSS " + grouped(static_cast<double>(peak) / 1024) + " MiB)",
          "<= 16 KiB", verdict(per(idle_rss) <= 16.0 && lost == 0));
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  int people = argc > 1 ? std::atoi(argv[1]) : 0;
  int parallel = argc > 2 ? std::atoi(argv[2]) : 0;
  int idle_seconds = argc > 3 ? std::atoi(argv[3]) : 12;
  if (people < 1 || people > 15000 || parallel < 1 || parallel > 1000 || idle_seconds < 0 || idle_seconds > 60) {
    std::cerr << "usage: idle_bench CONNECTIONS (1..15000) PARALLEL (1..1000) [IDLE_SECONDS (0..60)]\n";
    return 2;
  }
  try {
    std::size_t files = raise_fd_limit();
    if (files < static_cast<std::size_t>(people) + 100)
      throw std::runtime_error("only " + std::to_string(files) + " open files allowed (ulimit -n)");
    return idle(people, idle_seconds, parallel);
  } catch (const std::exception& e) {
    std::cerr << "idle_bench: " << e.what() << "\n";
    return 1;
  }
}
