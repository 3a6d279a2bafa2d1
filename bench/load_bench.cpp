// Durable commands through the real gaveld: secret ballots from many
// participant connections, each acknowledged only once it is on disk.
//
//   load_bench closed K B    K voters, each changing its ballot B times back
//                            to back (the next as soon as the last is acked)
//   load_bench press N W     N voters each press once, at random moments
//                            spread over W ms (the design target: 5,000 in 2,000)
//
// A chair and a projector (display role) are connected throughout, as in a
// real room; the projector's view of each ballot is timed too. gaveld limits
// every connection to 20 commands/s with bursts of 60, and the hello and the
// check-in spend two of them: a closed run stays within each voter's burst.
#include <google/protobuf/io/coded_stream.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>

#include "commands.hpp"
#include "support/assembly.hpp"
#include "support/gaveld_runner.hpp"
#include "support/report.hpp"
#include "support/swarm.hpp"
#include "support/temp_dir.hpp"

namespace {
using namespace gavel;
using namespace gavel::bench;
using std::chrono::milliseconds;

constexpr milliseconds kStepLimit{60000};

// The last event seq a projector message shows: an event batch's last
// event, or a snapshot's seq (its first field), read without parsing the
// whole snapshot.
std::uint64_t shown_seq(int body, std::string_view bytes) {
  if (body == v1::ServerMessage::kEventsFieldNumber) {
    v1::ServerMessage message;
    if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return 0;
    const auto& events = message.events().events();
    return events.empty() ? 0 : events.rbegin()->seq();
  }
  if (body != v1::ServerMessage::kSnapshotFieldNumber) return 0;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  while (std::uint32_t tag = in.ReadTag()) {
    if (static_cast<int>(tag >> 3) == v1::ServerMessage::kSnapshotFieldNumber) {
      std::uint32_t length = 0;
      std::uint64_t seq = 0;
      if (in.ReadVarint32(&length) && in.ReadTag() == ((v1::MeetingSnapshot::kSeqFieldNumber << 3) | 0) &&
          in.ReadVarint64(&seq))
        return seq;
      return 0;
    }
    std::uint64_t skipped = 0;
    if ((tag & 7) != 0 || !in.ReadVarint64(&skipped)) return 0;
  }
  return 0;
}

std::string error_name(const v1::ServerMessage& message) {
  return message.has_error() ? v1::ErrorCode_Name(message.error().code()) : "no answer";
}

// A meeting of `voters` with a secret vote open, every voter connected and
// checked in, and the chair and the projector watching.
class Scene {
 public:
  explicit Scene(int voters)
      : dir_("gavel-load-bench"), server_(dir_.path() / "data") {
    auto meeting = write_assembly(dir_.path() / "meeting", voters);
    server_.start(meeting);
    Tokens tokens = server_.tokens();
    swarm_ = std::make_unique<Swarm>("127.0.0.1", server_.port());
    std::vector<std::string> everyone = {tokens.chair, tokens.display};
    for (int i = 1; i <= voters; ++i) everyone.push_back(tokens.participants.at(person(i)));
    auto began = Clock::now();
    swarm_->open(everyone, kStepLimit);
    if (swarm_->welcomed() != everyone.size())
      throw std::runtime_error("only " + std::to_string(swarm_->welcomed()) + " of " +
                               std::to_string(everyone.size()) + " connections were welcomed");
    std::printf("  %zu connections welcomed in %.1f s (a welcome: %s bytes)\n", everyone.size(), seconds_since(began),
                grouped(static_cast<double>(swarm_->welcome_bytes()) / static_cast<double>(everyone.size())).c_str());
    swarm_->watch(kDisplay, [this](int body, std::string_view bytes, Clock::time_point at) {
      std::uint64_t seq = shown_seq(body, bytes);
      if (seq > (shown_.empty() ? 0 : shown_.back().second)) shown_.emplace_back(at, seq);
    });

    expect(swarm_->call(kChair, test::cmd::start_meeting()), "start_meeting");
    began = Clock::now();
    std::size_t answered = 0;
    for (int i = 0; i < voters; ++i)
      swarm_->send(voter(i), test::cmd::check_in(), [&](const Reply& reply) {
        ++answered;
        expect(reply, "check_in");
      });
    if (!swarm_->run_until([&] { return answered == static_cast<std::size_t>(voters); }, kStepLimit))
      throw std::runtime_error("check-ins not answered in time");
    std::printf("  %d check-ins acknowledged in %.1f s\n", voters, seconds_since(began));
    expect(swarm_->call(kChair, test::cmd::open_item(kItem)), "open_item");
    auto motion = swarm_->call(voter(0), test::cmd::propose("批准年度维修预算"));
    expect(motion, "propose_motion");
    expect(swarm_->call(voter(1 % voters), test::cmd::second(motion.message.ack().created_id())), "second_motion");
    expect(swarm_->call(kChair, test::cmd::open_vote(motion.message.ack().created_id(), true)), "open_vote");
  }

  ~Scene() {
    swarm_.reset();
    server_.stop();
  }
  Scene(const Scene&) = delete;
  Scene& operator=(const Scene&) = delete;

  static std::size_t voter(int i) { return 2 + static_cast<std::size_t>(i); }
  Swarm& swarm() { return *swarm_; }
  Gaveld& server() { return server_; }

  // The close, which seals the ballot box (rewrites the file): timed alone.
  double close_vote_ms() {
    auto reply = swarm_->call(kChair, test::cmd::close_vote());
    expect(reply, "close_vote");
    return reply.ms();
  }

  // Lets the projector receive what was acknowledged last.
  void let_projector_catch_up(std::uint64_t seq) {
    swarm_->run_until([&] { return !shown_.empty() && shown_.back().second >= seq; }, std::chrono::seconds(10));
  }

  // When the projector first showed each acknowledged seq, measured from
  // the press and from the voter's ack.
  std::pair<Spread, Spread> projector_lag(const std::vector<std::pair<std::uint64_t, Reply>>& acks) const {
    std::vector<double> from_press, from_ack;
    for (const auto& [seq, reply] : acks) {
      auto it = std::lower_bound(shown_.begin(), shown_.end(), seq,
                                 [](const auto& shown, std::uint64_t s) { return shown.second < s; });
      if (it == shown_.end()) continue;
      from_press.push_back(std::chrono::duration<double, std::milli>(it->first - reply.sent).count());
      from_ack.push_back(std::chrono::duration<double, std::milli>(it->first - reply.received).count());
    }
    return {spread(from_press), spread(from_ack)};
  }

  static void expect(const Reply& reply, const std::string& what) {
    if (!reply.answered || reply.message.has_error())
      throw std::runtime_error(what + " failed: " + error_name(reply.message) +
                               (reply.message.has_error() ? " " + reply.message.error().message_en() : ""));
  }

 private:
  static constexpr std::size_t kChair = 0, kDisplay = 1;
  static double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

  TempDir dir_;
  Gaveld server_;
  std::unique_ptr<Swarm> swarm_;
  std::vector<std::pair<Clock::time_point, std::uint64_t>> shown_;  // (arrival, seq), seq rising
};

// What one measured run saw.
struct Outcome {
  std::vector<std::pair<std::uint64_t, Reply>> acks;  // (seq, reply)
  std::map<std::string, std::size_t> errors;
  Clock::time_point first_sent = Clock::time_point::max(), last_answer;

  void take(const Reply& reply) {
    first_sent = std::min(first_sent, reply.sent);
    last_answer = std::max(last_answer, reply.received);
    if (reply.answered && reply.message.has_ack()) acks.emplace_back(reply.message.ack().seq(), reply);
    else ++errors[error_name(reply.message)];
  }
  std::size_t answered() const {
    std::size_t n = acks.size();
    for (const auto& [name, count] : errors) n += count;
    return n;
  }
  double seconds() const { return std::chrono::duration<double>(last_answer - first_sent).count(); }
  Spread latency() const {
    std::vector<double> ms;
    for (const auto& [seq, reply] : acks) ms.push_back(reply.ms());
    return spread(ms);
  }
};

// CPU used by gaveld and by this load generator over a measured phase: on
// two shared cores, whichever saturates them bounds the figures.
class CpuMeter {
 public:
  explicit CpuMeter(const Gaveld& server)
      : server_(server), began_(Clock::now()), server_cpu_(server.cpu_seconds()), own_cpu_(own_cpu_seconds()) {}
  std::string describe() const {
    double wall = std::chrono::duration<double>(Clock::now() - began_).count();
    double server = server_.cpu_seconds() - server_cpu_, own = own_cpu_seconds() - own_cpu_;
    return "gaveld " + fixed(server, 2) + " s, load generator " + fixed(own, 2) + " s, over " + fixed(wall, 2) +
           " s wall (" + fixed(100 * (server + own) / (2 * wall), 0) + "% of 2 cores)";
  }

 private:
  const Gaveld& server_;
  Clock::time_point began_;
  double server_cpu_, own_cpu_;
};

void report(Scene& scene, const Outcome& outcome, std::optional<std::uint64_t> fsyncs, const CpuMeter& cpu) {
  std::printf("  cpu:         %s\n", cpu.describe().c_str());
  std::uint64_t last_seq = 0;
  for (const auto& [seq, reply] : outcome.acks) last_seq = std::max(last_seq, seq);
  scene.let_projector_catch_up(last_seq);
  double rate = static_cast<double>(outcome.acks.size()) / outcome.seconds();
  std::printf("  acks:        %zu in %.3f s = %s acks/s\n", outcome.acks.size(), outcome.seconds(),
              grouped(rate).c_str());
  for (const auto& [name, count] : outcome.errors) std::printf("  refused:     %zu %s\n", count, name.c_str());
  std::printf("  ack latency: %s\n", describe(outcome.latency()).c_str());
  if (fsyncs)
    std::printf("  fsyncs:      %s (%.1f acks per fsync; one fsync per SQLite commit)\n", grouped(static_cast<double>(*fsyncs)).c_str(),
                static_cast<double>(outcome.acks.size()) / static_cast<double>(std::max<std::uint64_t>(*fsyncs, 1)));
  else
    std::printf("  fsyncs:      not counted (perf unavailable)\n");
  auto [from_press, from_ack] = scene.projector_lag(outcome.acks);
  std::printf("  projector:   press to projector %s\n", describe(from_press).c_str());
  std::printf("               voter's ack to projector %s\n", describe(from_ack).c_str());
  std::printf("  connections lost: %zu\n", scene.swarm().lost());
}

int closed(int voters, int changes) {
  std::printf("closed loop: %d voters, each changing its secret ballot %d times as fast as acks come\n", voters, changes);
  Scene scene(voters);
  Swarm& swarm = scene.swarm();
  std::vector<std::string> receipts(static_cast<std::size_t>(voters));
  std::size_t answered = 0;
  for (int i = 0; i < voters; ++i)
    swarm.send(Scene::voter(i), test::cmd::cast(0), [&, i](const Reply& reply) {
      Scene::expect(reply, "first ballot");
      receipts[static_cast<std::size_t>(i)] = reply.message.ack().receipt();
      ++answered;
    });
  if (!swarm.run_until([&] { return answered == receipts.size(); }, kStepLimit))
    throw std::runtime_error("first ballots not answered in time");

  Outcome outcome;
  SyncCounter fsyncs(scene.server().pid());
  CpuMeter cpu(scene.server());
  std::vector<int> left(static_cast<std::size_t>(voters), changes);
  std::function<void(int)> next = [&](int i) {
    auto& remaining = left[static_cast<std::size_t>(i)];
    if (remaining-- == 0) return;
    auto choice = static_cast<std::uint32_t>(remaining % 3);
    swarm.send(Scene::voter(i), test::cmd::cast(choice, "", receipts[static_cast<std::size_t>(i)]),
               [&, i](const Reply& reply) {
                 outcome.take(reply);
                 if (reply.answered) next(i);
               });
  };
  for (int i = 0; i < voters; ++i) next(i);
  auto expected = static_cast<std::size_t>(voters) * static_cast<std::size_t>(changes);
  if (!swarm.run_until([&] { return outcome.answered() == expected; }, kStepLimit))
    std::printf("  (time limit: %zu of %zu answered)\n", outcome.answered(), expected);
  auto synced = fsyncs.stop();
  report(scene, outcome, synced, cpu);
  double close_ms = scene.close_vote_ms();
  std::printf("  close_vote (seals the ballot box): %.1f ms\n", close_ms);
  std::printf("  gaveld peak RSS: %s KiB\n", grouped(static_cast<double>(scene.server().peak_rss_kib())).c_str());

  double rate = static_cast<double>(outcome.acks.size()) / outcome.seconds();
  std::string name = "gaveld, " + std::to_string(voters) + " connections, closed loop";
  std::string measured = grouped(rate) + " acks/s; " + describe(outcome.latency());
  if (synced) measured += "; " + fixed(static_cast<double>(outcome.acks.size()) / static_cast<double>(std::max<std::uint64_t>(*synced, 1)), 1) + " acks/fsync";
  summary(name, measured, ">= 20,000 durable votes/s", verdict(rate >= 20000));
  return 0;
}

int press(int voters, int window_ms) {
  if (window_ms > 0)
    std::printf("press: %d voters each cast one secret ballot at a random moment within %d ms\n", voters, window_ms);
  else
    std::printf("press: %d voters each cast one secret ballot, all at once\n", voters);
  Scene scene(voters);
  Swarm& swarm = scene.swarm();
  Outcome outcome;
  SyncCounter fsyncs(scene.server().pid());
  CpuMeter cpu(scene.server());
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> moment(0, std::max(window_ms, 1) * 1000 - 1);
  auto start = Clock::now() + milliseconds(10);
  for (int i = 0; i < voters; ++i)
    swarm.at(start + std::chrono::microseconds(window_ms > 0 ? moment(random) : 0), [&, i] {
      swarm.send(Scene::voter(i), test::cmd::cast(static_cast<std::uint32_t>(i % 3)),
                 [&](const Reply& reply) { outcome.take(reply); });
    });
  if (!swarm.run_until([&] { return outcome.answered() == static_cast<std::size_t>(voters); },
                       milliseconds(window_ms) + kStepLimit))
    std::printf("  (time limit: %zu of %d answered)\n", outcome.answered(), voters);
  auto synced = fsyncs.stop();
  report(scene, outcome, synced, cpu);
  double close_ms = scene.close_vote_ms();
  std::printf("  close_vote (seals the ballot box): %.1f ms\n", close_ms);
  std::printf("  gaveld peak RSS: %s KiB\n", grouped(static_cast<double>(scene.server().peak_rss_kib())).c_str());

  Spread latency = outcome.latency();
  auto [from_press, from_ack] = scene.projector_lag(outcome.acks);
  std::string who = std::to_string(voters) +
                    (window_ms > 0 ? " press within " + std::to_string(window_ms) + " ms" : " press at once");
  bool everyone = latency.count == static_cast<std::size_t>(voters);
  if (voters >= 5000 && window_ms <= 2000) {
    summary("ack latency, " + who, describe(latency), "p99 <= 2 ms (5,000 press within 2 s)",
            verdict(everyone && latency.p99 <= 2.0));
    summary("press to projector, " + who, describe(from_press), "on the projector within 50 ms",
            verdict(everyone && from_press.p99 <= 50.0));
  }
  if (window_ms == 0) {
    double rate = static_cast<double>(outcome.acks.size()) / outcome.seconds();
    summary("gaveld, " + who, grouped(rate) + " acks/s; " + describe(latency),
            ">= 20,000 durable votes/s", verdict(rate >= 20000));
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto number = [&](std::size_t i, int low, int high) {
    int value = i < args.size() ? std::atoi(args[i].c_str()) : -1;
    if (value < low || value > high) throw std::invalid_argument("argument " + std::to_string(i + 1) + " out of range");
    return value;
  };
  try {
    raise_fd_limit();
    if (!args.empty() && args[0] == "closed") return closed(number(1, 2, 5000), number(2, 1, 55));
    if (!args.empty() && args[0] == "press") return press(number(1, 2, 10000), number(2, 0, 10000));
    std::cerr << "usage: load_bench closed VOTERS CHANGES (<= 55) | press VOTERS WINDOW_MS\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "load_bench: " << e.what() << "\n";
    return 1;
  }
}
