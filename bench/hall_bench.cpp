// The hall benchmark: gaveld and the bare Beast baseline (gavel-bench-echo)
// driven by the same one-thread load generator in the same run,
// interleaved (gaveld, baseline, gaveld, baseline, ...), each on a fresh
// server, through three scenes:
//
//   press   V voters, a chair and a projector connected; the chair opens a
//           secret vote; each voter presses once at a random moment within
//           W ms (open loop: a slow ack does not delay the next press).
//   hall    N voters (and the chair and the projector) arrive all at once;
//           they sit idle, then S of them drop and reconnect all at once
//           (a Wi-Fi storm); then all N vote within W ms.
//   closed  C connections each change their ballot K times, the next as
//           soon as the last is acked (gaveld allows 20 commands/s per
//           connection with bursts of 60: K stays within the burst).
//
// The baseline gets the same connections, the same frames of the same
// sizes and the same pattern; it answers each frame with a frame of the
// size gaveld answered with in the same round (its ack, its welcome). It
// has no meeting: no check-ins, no projector, no vote to close.
//
//   hall_bench [--smoke] [--rounds R] [--scene press|hall|closed] [--gaveld-only]
//              [--press VOTERS WINDOW_MS]
//
// GAVEL_BENCH_GAVELD_PREFIX, if set, is put before gaveld's command line
// (e.g. "valgrind --tool=callgrind" for a profile).
// Prints one JSON line per figure on stdout ({"figure":..., "system":
// "gaveld"|"baseline", "round":..., "value":..., "unit":..., "goal":...,
// "load1":...}) for bench_table, and what it is doing on stderr. --smoke
// runs a few hundred voters for seconds: the CI check that every figure is
// produced (tests/integration/bench_smoke.sh), never a timing goal.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

#include <google/protobuf/io/coded_stream.h>

#include "commands.hpp"
#include "gavel/v1/envelope.pb.h"
#include "support/assembly.hpp"
#include "support/crowd.hpp"
#include "support/gaveld_runner.hpp"
#include "support/report.hpp"
#include "support/temp_dir.hpp"

namespace {
using namespace gavel;
using namespace gavel::bench;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Sizes of a scene and of its limits.
struct Plan {
  int rounds = 3;
  int press_voters = 5000, press_window_ms = 2000;
  int hall_voters = 10000, storm = 1000, hall_window_ms = 500, idle_seconds = 3;
  int closed_connections = 1000, closed_changes = 50;
  milliseconds step_limit{90000};
};

Plan smoke_plan() {
  Plan plan;
  plan.rounds = 1;
  plan.press_voters = 300;
  plan.press_window_ms = 300;
  plan.hall_voters = 400;
  plan.storm = 40;
  plan.hall_window_ms = 200;
  plan.idle_seconds = 0;
  plan.closed_connections = 50;
  plan.closed_changes = 10;
  plan.step_limit = milliseconds(30000);
  return plan;
}

// A server this large would be past any meeting's memory: stop the scene
// rather than the machine (it is shared).
constexpr std::size_t kRssGuardKib = 6u << 20;

double load1() {
  std::ifstream in("/proc/loadavg");
  double value = 0;
  in >> value;
  return value;
}

double seconds_between(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }
double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// One figure, one JSON line. `complete` false: not every answer came
// within the limit, and the value is a bound (the limit or what was seen).
struct Figure {
  std::string figure, system, unit, scene;
  int round = 0;
  double value = 0;
  std::optional<double> goal, goal_ratio;
  bool higher_is_better = false, complete = true;
  std::string note;
};

// A JSON string's contents: quotes, backslashes and control characters escaped.
std::string json_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) out += ' ';
    else out += c;
  }
  return out;
}

void emit(const Figure& f) {
  std::string line = "{\"figure\":\"" + f.figure + "\",\"system\":\"" + f.system + "\",\"scene\":\"" + json_text(f.scene) +
                     "\",\"round\":" + std::to_string(f.round) + ",\"value\":" + fixed(f.value, 3) +
                     ",\"unit\":\"" + f.unit + "\"";
  if (f.goal) line += ",\"goal\":" + fixed(*f.goal, 3);
  if (f.goal_ratio) line += ",\"goal_ratio\":" + fixed(*f.goal_ratio, 3);
  line += std::string(",\"better\":\"") + (f.higher_is_better ? "higher" : "lower") + "\"";
  line += std::string(",\"complete\":") + (f.complete ? "true" : "false");
  if (!f.note.empty()) line += ",\"note\":\"" + json_text(f.note) + "\"";
  line += ",\"load1\":" + fixed(load1(), 2) + "}";
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

void say(const std::string& text) { std::cerr << text << std::endl; }

// Nearest-rank percentile over `expected` answers, the missing ones counted
// as slower than any seen: if the rank falls on one, the value is unknown
// (nullopt) and the caller reports the limit.
std::optional<double> percentile(std::vector<double> values, std::size_t expected, double q) {
  if (expected == 0) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(expected)));
  rank = std::clamp<std::size_t>(rank, 1, expected);
  if (rank > values.size()) return std::nullopt;
  return values[rank - 1];
}

// ---------------------------------------------------------------------------
// How each system is spoken to.

constexpr std::size_t kChair = 0, kDisplay = 1;
std::size_t voter(int i) { return 2 + static_cast<std::size_t>(i); }

Head gaveld_framing(std::string_view bytes) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  Head head;
  while (std::uint32_t tag = in.ReadTag()) {
    int field = static_cast<int>(tag >> 3);
    if ((tag & 7) != 0) {
      head.kind = field;
      break;
    }
    std::uint64_t value = 0;
    if (!in.ReadVarint64(&value)) break;
    if (field == v1::ServerMessage::kRequestIdFieldNumber) head.request_id = value;
  }
  head.keep_whole = head.kind != v1::ServerMessage::kWelcomeFieldNumber &&
                    head.kind != v1::ServerMessage::kSnapshotFieldNumber;
  return head;
}

Head echo_framing(std::string_view bytes) {
  Head head;
  if (bytes.size() >= 8) std::memcpy(&head.request_id, bytes.data(), 8);
  return head;
}

// The frame sizes gaveld used in this round, for the baseline to copy.
struct Sizes {
  std::size_t hello = 64, welcome = 64, cast = 32, change = 64, ack = 16;
};

// What a scene needs from the system under test.
class Target {
 public:
  virtual ~Target() = default;
  virtual const char* name() const = 0;
  virtual void start(int people) = 0;
  virtual void stop() = 0;
  virtual std::uint16_t port() const = 0;
  virtual double cpu_seconds() const = 0;
  virtual std::size_t rss_kib() const = 0;
  virtual Framing framing() const = 0;
  virtual int welcome_kind() const = 0;
  virtual void hello(std::size_t client, std::string& out) = 0;
  // Gets the room to an open secret vote with every voter checked in.
  virtual void open_vote(Crowd& crowd, int voters, milliseconds limit) = 0;
  // A ballot (a change when `receipt` is set) from `client`, into its outbox.
  virtual void cast(Crowd& crowd, std::size_t client, std::uint32_t choice, const std::string& receipt) = 0;
  // What an answer carries that the scene needs: whether it is an ack, its
  // seq and receipt (the baseline's answers are all "acks" with no seq).
  virtual bool read_ack(const Answer& answer, std::uint64_t& seq, std::string& receipt) = 0;
  virtual bool has_meeting() const = 0;
  Sizes& sizes() { return sizes_; }

 protected:
  Sizes sizes_;
};

class GaveldTarget final : public Target {
 public:
  const char* name() const override { return "gaveld"; }
  void start(int people) override {
    dir_.emplace("gavel-hall-bench");
    server_.emplace(dir_->path() / "data");
    server_->start(write_assembly(dir_->path() / "meeting", people));
    tokens_ = server_->tokens();
    order_.clear();
    order_.push_back(tokens_.chair);
    order_.push_back(tokens_.display);
    for (int i = 1; i <= people; ++i) order_.push_back(tokens_.participants.at(person(i)));
  }
  void stop() override {
    if (server_) server_->stop();
    server_.reset();
    dir_.reset();
  }
  std::uint16_t port() const override { return server_->port(); }
  double cpu_seconds() const override { return server_->cpu_seconds(); }
  std::size_t rss_kib() const override { return server_->rss_kib(); }
  Framing framing() const override { return gaveld_framing; }
  int welcome_kind() const override { return v1::ServerMessage::kWelcomeFieldNumber; }
  bool has_meeting() const override { return true; }

  void hello(std::size_t client, std::string& out) override {
    out_message_.Clear();
    out_message_.set_request_id(1);
    auto* hello = out_message_.mutable_hello();
    hello->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
    hello->set_token(order_.at(client));
    hello->set_client_name("gavel-hall-bench");
    out_message_.SerializeToString(&out);
    sizes_.hello = out.size();
  }

  void command(Crowd& crowd, std::size_t client, const v1::Command& command) {
    std::string& out = crowd.outbox(client);
    out_message_.Clear();
    out_message_.set_request_id(crowd.next_request(client));
    *out_message_.mutable_command() = command;
    out_message_.SerializeToString(&out);
    crowd.send(client);
  }

  // Sends and waits: for setting the scene up, not for measuring.
  v1::ServerMessage call(Crowd& crowd, std::size_t client, const v1::Command& cmd, const std::string& what,
                         milliseconds limit) {
    std::optional<v1::ServerMessage> reply;
    crowd.on_answer([&](const Answer& answer) {
      reply.emplace();
      if (answer.answered) reply->ParseFromArray(answer.data.data(), static_cast<int>(answer.data.size()));
    });
    command(crowd, client, cmd);
    if (!crowd.run_until([&] { return reply.has_value(); }, limit)) throw std::runtime_error(what + ": no answer in time");
    if (!reply->has_ack())
      throw std::runtime_error(what + " refused: " +
                               (reply->has_error() ? reply->error().message_en() : std::string("no answer")));
    return *reply;
  }

  void open_vote(Crowd& crowd, int voters, milliseconds limit) override {
    call(crowd, kChair, test::cmd::start_meeting(), "start_meeting", limit);
    std::size_t answered = 0, refused = 0;
    crowd.on_answer([&](const Answer& answer) {
      ++answered;
      if (!answer.answered || answer.kind != v1::ServerMessage::kAckFieldNumber) ++refused;
    });
    v1::Command check_in = test::cmd::check_in();
    for (int i = 0; i < voters; ++i) command(crowd, voter(i), check_in);
    auto began = Clock::now();
    if (!crowd.run_until([&] { return answered == static_cast<std::size_t>(voters); }, limit) || refused > 0)
      throw std::runtime_error("check-ins: " + std::to_string(answered) + " answered, " + std::to_string(refused) +
                               " refused of " + std::to_string(voters));
    say("  " + std::to_string(voters) + " check-ins acknowledged in " + fixed(seconds_between(began, Clock::now()), 1) +
        " s");
    call(crowd, kChair, test::cmd::open_item(kItem), "open_item", limit);
    auto motion = call(crowd, voter(0), test::cmd::propose("批准年度维修预算"), "propose_motion", limit).ack().created_id();
    call(crowd, voter(1 % voters), test::cmd::second(motion), "second_motion", limit);
    call(crowd, kChair, test::cmd::open_vote(motion, true), "open_vote", limit);
  }

  void cast(Crowd& crowd, std::size_t client, std::uint32_t choice, const std::string& receipt) override {
    std::string& out = crowd.outbox(client);
    out_message_.Clear();
    out_message_.set_request_id(crowd.next_request(client));
    auto* ballot = out_message_.mutable_command()->mutable_cast_ballot();
    ballot->add_choices(choice);
    if (!receipt.empty()) ballot->set_receipt(receipt);
    out_message_.SerializeToString(&out);
    (receipt.empty() ? sizes_.cast : sizes_.change) = out.size();
    crowd.send(client);
  }

  bool read_ack(const Answer& answer, std::uint64_t& seq, std::string& receipt) override {
    if (!answer.answered || answer.kind != v1::ServerMessage::kAckFieldNumber) return false;
    if (!in_message_.ParseFromArray(answer.data.data(), static_cast<int>(answer.data.size()))) return false;
    seq = in_message_.ack().seq();
    receipt = in_message_.ack().receipt();
    sizes_.ack = answer.bytes;
    return true;
  }

  v1::ServerMessage& scratch() { return in_message_; }

 private:
  std::optional<TempDir> dir_;
  std::optional<Gaveld> server_;
  Tokens tokens_;
  std::vector<std::string> order_;  // client index -> token
  v1::ClientMessage out_message_;   // reused: no per-message allocation of the envelope
  v1::ServerMessage in_message_;
};

class BaselineTarget final : public Target {
 public:
  explicit BaselineTarget(const Sizes& gaveld) : gaveld_(gaveld) {}
  const char* name() const override { return "baseline"; }
  void start(int) override {
    server_.emplace();
    server_->start();
  }
  void stop() override {
    if (server_) server_->stop();
    server_.reset();
  }
  std::uint16_t port() const override { return server_->port(); }
  double cpu_seconds() const override { return server_->cpu_seconds(); }
  std::size_t rss_kib() const override { return server_->rss_kib(); }
  Framing framing() const override { return echo_framing; }
  int welcome_kind() const override { return 0; }
  bool has_meeting() const override { return false; }
  void hello(std::size_t, std::string& out) override { frame(out, 1, gaveld_.hello, gaveld_.welcome); }
  void open_vote(Crowd&, int, milliseconds) override {}
  void cast(Crowd& crowd, std::size_t client, std::uint32_t, const std::string& receipt) override {
    frame(crowd.outbox(client), crowd.next_request(client), receipt.empty() ? gaveld_.cast : gaveld_.change,
          gaveld_.ack);
    crowd.send(client);
  }
  bool read_ack(const Answer& answer, std::uint64_t& seq, std::string& receipt) override {
    seq = 0;
    receipt = "r";  // so that the closed loop sends changes, the size of gaveld's
    return answer.answered;
  }

 private:
  static void frame(std::string& out, std::uint64_t id, std::size_t size, std::size_t answer) {
    out.assign(std::max<std::size_t>(size, 12), '\0');
    auto answer32 = static_cast<std::uint32_t>(answer);
    std::memcpy(out.data(), &id, 8);
    std::memcpy(out.data() + 8, &answer32, 4);
  }
  const Sizes& gaveld_;
  std::optional<Baseline> server_;
};

// ---------------------------------------------------------------------------
// Measuring.

// CPU used by the server and by this generator over a measured phase.
class CpuMeter {
 public:
  explicit CpuMeter(const Target& target)
      : target_(target), server_(target.cpu_seconds()), own_(own_cpu_seconds()), began_(Clock::now()) {}
  void stop() {
    server_ = target_.cpu_seconds() - server_;
    own_ = own_cpu_seconds() - own_;
    wall_ = seconds_between(began_, Clock::now());
  }
  double share() const { return server_ + own_ > 0 ? 100 * own_ / (server_ + own_) : 0; }
  std::string describe() const {
    return "server " + fixed(server_, 2) + " s CPU, generator " + fixed(own_, 2) + " s, over " + fixed(wall_, 2) +
           " s (generator " + fixed(share(), 0) + "% of the two)";
  }

 private:
  const Target& target_;
  double server_, own_;
  Clock::time_point began_;
  double wall_ = 0;
};

// When the projector (the display connection) first had each seq: from
// event batches (their last event) and snapshots (their seq). It also keeps
// when the server accepted each event (the event's at_ms, before its commit,
// from the chair's stream, which has every event), to time a ballot from its
// commit rather than from the press.
class Projector {
 public:
  explicit Projector(GaveldTarget* gaveld)
      : gaveld_(gaveld),
        wall_minus_steady_ms_(
            std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count() -
            std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count()) {}
  void watch(Crowd& crowd) {
    if (!gaveld_) return;
    crowd.watch(kDisplay, [this](std::size_t, const Answer& message) {
      std::uint64_t seq = shown_seq(message);
      if (seq > (shown_.empty() ? 0 : shown_.back().second)) shown_.emplace_back(message.received, seq);
    });
    crowd.watch(kChair, [this](std::size_t, const Answer& message) {
      if (message.kind != v1::ServerMessage::kEventsFieldNumber) return;
      auto& parsed = gaveld_->scratch();
      if (!parsed.ParseFromArray(message.data.data(), static_cast<int>(message.data.size()))) return;
      for (const auto& event : parsed.events().events()) accepted_at_.emplace(event.seq(), event.at_ms());
    });
  }
  // Milliseconds from the server accepting `seq` to the projector having
  // it; at_ms is whole milliseconds rounded down, so this errs long by <1 ms.
  std::optional<double> since_accepted(std::uint64_t seq) const {
    auto shown = first_showing(seq);
    auto accepted = accepted_at_.find(seq);
    if (!shown || accepted == accepted_at_.end()) return std::nullopt;
    double shown_wall_ms =
        std::chrono::duration<double, std::milli>(shown->time_since_epoch()).count() + wall_minus_steady_ms_;
    return shown_wall_ms - static_cast<double>(accepted->second);
  }
  std::optional<Clock::time_point> first_showing(std::uint64_t seq) const {
    auto it = std::lower_bound(shown_.begin(), shown_.end(), seq,
                               [](const auto& shown, std::uint64_t s) { return shown.second < s; });
    if (it == shown_.end()) return std::nullopt;
    return it->first;
  }
  std::uint64_t last() const { return shown_.empty() ? 0 : shown_.back().second; }

 private:
  std::uint64_t shown_seq(const Answer& message) {
    if (message.kind == v1::ServerMessage::kEventsFieldNumber) {
      auto& parsed = gaveld_->scratch();
      if (!parsed.ParseFromArray(message.data.data(), static_cast<int>(message.data.size()))) return 0;
      const auto& events = parsed.events().events();
      return events.empty() ? 0 : events.rbegin()->seq();
    }
    if (message.kind != v1::ServerMessage::kSnapshotFieldNumber) return 0;
    // Only the head was kept: the snapshot's seq is its first field.
    google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(message.data.data()),
                                              static_cast<int>(message.data.size()));
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
  GaveldTarget* gaveld_;
  double wall_minus_steady_ms_;
  std::vector<std::pair<Clock::time_point, std::uint64_t>> shown_;  // (arrival, seq), seq rising
  std::unordered_map<std::uint64_t, std::int64_t> accepted_at_;      // seq -> the server's at_ms
};

// The acks of one measured burst of ballots.
struct Burst {
  std::vector<double> latency_ms;
  std::vector<std::pair<std::uint64_t, Clock::time_point>> seq_sent;  // for the projector
  std::size_t answered = 0, refused = 0;
  Clock::time_point first_sent = Clock::time_point::max(), last_answer{};
  std::vector<std::string> receipts;
  std::string receipt;  // scratch
  std::uint64_t seq = 0;

  void take(Target& target, const Answer& answer, std::size_t voter_index) {
    ++answered;
    first_sent = std::min(first_sent, answer.sent);
    last_answer = std::max(last_answer, answer.received);
    if (!target.read_ack(answer, seq, receipt)) {
      ++refused;
      return;
    }
    latency_ms.push_back(ms_between(answer.sent, answer.received));
    if (seq) seq_sent.emplace_back(seq, answer.sent);
    if (voter_index < receipts.size() && !receipt.empty()) receipts[voter_index] = receipt;
  }
};

struct Round {
  int number;
  Target& target;
  const Plan& plan;
  GaveldTarget* gaveld() { return dynamic_cast<GaveldTarget*>(&target); }
  Figure figure(const std::string& scene, const std::string& name, double value, const std::string& unit) const {
    Figure f;
    f.figure = name;
    f.system = target.name();
    f.scene = scene;
    f.round = number;
    f.value = value;
    f.unit = unit;
    return f;
  }
};

// The turnout's lag on the projector for every acknowledged ballot: the
// goal's figure from the moment the server accepted it (its commit lies
// after that, so this is still an upper bound), and from the press, which
// adds the wait to be read and taken by the hall.
void turnout_on_projector(const Round& r, Crowd& crowd, const Projector& projector, const std::string& scene,
                          const Burst& burst, std::size_t expected, double limit_ms) {
  std::uint64_t last_seq = 0;
  for (const auto& [seq, sent] : burst.seq_sent) last_seq = std::max(last_seq, seq);
  crowd.run_until([&] { return projector.last() >= last_seq; }, seconds(10));
  std::vector<double> from_press, from_commit;
  for (const auto& [seq, sent] : burst.seq_sent) {
    auto shown = projector.first_showing(seq);
    if (!shown) continue;
    from_press.push_back(ms_between(sent, *shown));
    // An event the chair's stream never had (it fell behind and was sent a
    // snapshot): then the press, the looser bound.
    from_commit.push_back(projector.since_accepted(seq).value_or(from_press.back()));
  }
  auto p99 = [&](const std::vector<double>& lags) { return percentile(lags, expected, 0.99).value_or(limit_ms); };
  Figure t = r.figure(scene, "turnout_on_projector_p99_ms", p99(from_commit), "ms");
  t.goal = 50;
  t.complete = from_commit.size() == expected;
  emit(t);
  Figure p = r.figure(scene, "press_to_projector_p99_ms", p99(from_press), "ms");
  p.complete = from_press.size() == expected;
  emit(p);
}

// A crowd for `target` whose every run is cut short if the server's memory
// passes the guard.
std::unique_ptr<Crowd> crowd_for(Target& target) {
  auto crowd = std::make_unique<Crowd>(target.port(), target.framing(),
                                       [&target](std::size_t client, std::string& out) { target.hello(client, out); });
  crowd->abort_when([&target] {
    if (target.rss_kib() <= kRssGuardKib) return false;
    say("  stopped: the server's resident set passed " + grouped(kRssGuardKib / 1024.0) + " MiB");
    return true;
  });
  return crowd;
}

void open_all(Round& r, Crowd& crowd, std::size_t count, std::size_t parallel) {
  crowd.expect_welcome(r.target.welcome_kind());
  auto began = Clock::now();
  crowd.open(count, parallel, r.plan.step_limit);
  say("  " + std::to_string(crowd.welcomed()) + " of " + std::to_string(count) + " welcomed in " +
      fixed(seconds_between(began, Clock::now()), 1) + " s");
  if (crowd.welcomed() != count)
    throw std::runtime_error("only " + std::to_string(crowd.welcomed()) + " of " + std::to_string(count) +
                             " connections were welcomed");
  if (crowd.welcomed() > 0 && r.target.has_meeting())
    r.target.sizes().welcome = crowd.welcome_bytes() / crowd.welcomed();
}

// Everyone presses once within `window_ms`; ack p99 and max, turnout on the projector.
void press(Round& r, Crowd& crowd, Projector& projector, const std::string& scene, int voters, int window_ms,
           double goal_p99, double goal_ratio, std::optional<double> goal_max) {
  Burst burst;
  crowd.on_answer([&](const Answer& answer) { burst.take(r.target, answer, answer.client); });
  std::mt19937 random(20261128 + static_cast<unsigned>(r.number));
  std::uniform_int_distribution<int> moment(0, std::max(window_ms, 1) * 1000 - 1);
  std::vector<std::pair<Clock::time_point, int>> presses;
  auto start = Clock::now() + milliseconds(20);
  for (int i = 0; i < voters; ++i) presses.emplace_back(start + std::chrono::microseconds(moment(random)), i);
  std::sort(presses.begin(), presses.end());
  std::vector<Clock::time_point> moments;
  for (const auto& p : presses) moments.push_back(p.first);
  CpuMeter cpu(r.target);
  crowd.at_moments(std::move(moments), [&](std::size_t k) {
    int i = presses[k].second;
    r.target.cast(crowd, voter(i), static_cast<std::uint32_t>(i % 3), "");
  });
  bool all = crowd.run_until([&] { return burst.answered == static_cast<std::size_t>(voters); },
                             milliseconds(window_ms) + r.plan.step_limit);
  cpu.stop();
  say("  " + std::to_string(burst.latency_ms.size()) + " acks, " + std::to_string(burst.refused) + " refused, " +
      std::to_string(voters - static_cast<int>(burst.answered)) + " unanswered; " + cpu.describe());

  auto expected = static_cast<std::size_t>(voters);
  double limit_ms = static_cast<double>((milliseconds(window_ms) + r.plan.step_limit).count());
  auto p99 = percentile(burst.latency_ms, expected, 0.99);
  Figure f = r.figure(scene, "ack_p99_ms", p99.value_or(limit_ms), "ms");
  f.goal = goal_p99;
  f.goal_ratio = goal_ratio;
  f.complete = all && burst.refused == 0;
  emit(f);
  if (goal_max) {
    auto max = percentile(burst.latency_ms, expected, 1.0);
    Figure m = r.figure(scene, "ack_max_ms", max.value_or(limit_ms), "ms");
    m.goal = goal_max;
    m.complete = f.complete;
    emit(m);
  }
  Figure share = r.figure(scene, "generator_cpu_share_pct", cpu.share(), "%");
  emit(share);

  if (r.target.has_meeting()) turnout_on_projector(r, crowd, projector, scene, burst, expected, limit_ms);
}

// The chair closes the vote: when the projector has the result, from the close command.
void close_vote(Round& r, Crowd& crowd, Projector& projector, const std::string& scene) {
  GaveldTarget* gaveld = r.gaveld();
  if (!gaveld) return;
  auto sent = Clock::now();
  auto ack = gaveld->call(crowd, kChair, test::cmd::close_vote(), "close_vote", r.plan.step_limit).ack();
  bool shown = crowd.run_until([&] { return projector.last() >= ack.seq(); }, seconds(10));
  auto at = projector.first_showing(ack.seq());
  Figure f = r.figure(scene, "result_on_projector_after_close_ms", at ? ms_between(sent, *at) : 10000.0, "ms");
  f.goal = 100;
  f.complete = shown;
  emit(f);
}

void press_scene(Round& r) {
  const Plan& p = r.plan;
  std::string scene = "press " + std::to_string(p.press_voters) + " within " + std::to_string(p.press_window_ms) + " ms";
  say("round " + std::to_string(r.number) + ", " + r.target.name() + ": " + scene + " (load " + fixed(load1(), 2) + ")");
  r.target.start(p.press_voters);
  {
    auto crowd = crowd_for(r.target);
    Projector projector(r.gaveld());
    open_all(r, *crowd, static_cast<std::size_t>(p.press_voters) + 2, 200);
    projector.watch(*crowd);
    r.target.open_vote(*crowd, p.press_voters, p.step_limit);
    press(r, *crowd, projector, scene, p.press_voters, p.press_window_ms, 2, 8, 20);
    close_vote(r, *crowd, projector, scene);
  }
  r.target.stop();
}

void hall_scene(Round& r) {
  const Plan& p = r.plan;
  std::string scene = "hall of " + std::to_string(p.hall_voters);
  say("round " + std::to_string(r.number) + ", " + r.target.name() + ": " + scene + " (load " + fixed(load1(), 2) + ")");
  r.target.start(p.hall_voters);
  std::this_thread::sleep_for(milliseconds(500));  // let start-up finish allocating before the baseline
  std::size_t before = r.target.rss_kib();
  {
    auto crowd = crowd_for(r.target);
    Projector projector(r.gaveld());
    bool drifted_in = false;
    auto everyone = static_cast<std::size_t>(p.hall_voters) + 2;
    crowd->expect_welcome(r.target.welcome_kind());
    CpuMeter cpu(r.target);
    auto began = Clock::now();
    crowd->open(everyone, 0, p.step_limit);
    cpu.stop();
    bool all = crowd->welcomed() == everyone;
    double took = seconds_between(began, all ? crowd->last_welcome() : Clock::now());
    say("  " + std::to_string(crowd->welcomed()) + " of " + std::to_string(everyone) + " welcomed at once in " +
        fixed(took, 1) + " s; " + cpu.describe());
    Figure w = r.figure(scene, "welcome_all_at_once_s", took, "s");
    w.goal = 5;
    w.goal_ratio = 3;
    w.complete = all;
    emit(w);
    emit(r.figure(scene + ", welcome", "generator_cpu_share_pct", cpu.share(), "%"));
    if (!all) {
      // The rest of the hall is still worth measuring: a fresh server, the
      // room drifting in 100 at a time instead.
      say("  not everyone was welcomed at once: again on a fresh server, 100 handshakes at a time");
      crowd.reset();
      r.target.stop();
      r.target.start(p.hall_voters);
      std::this_thread::sleep_for(milliseconds(500));
      before = r.target.rss_kib();
      crowd = crowd_for(r.target);
      drifted_in = true;
      open_all(r, *crowd, everyone, 100);
    }
    projector.watch(*crowd);
    if (r.target.has_meeting()) r.target.sizes().welcome = crowd->welcome_bytes() / crowd->welcomed();

    crowd->run_until([] { return false; }, seconds(p.idle_seconds));
    std::size_t idle = r.target.rss_kib();
    auto per = [&](std::size_t rss) {
      return (static_cast<double>(rss) - static_cast<double>(before)) / static_cast<double>(everyone);
    };
    Figure m = r.figure(scene, "memory_per_idle_connection_kib", per(idle), "KiB");
    if (drifted_in) m.note = "welcomed 100 at a time";
    m.goal = 16;
    m.goal_ratio = 2.5;
    m.complete = crowd->lost() == 0;
    emit(m);

    auto storm_began = Clock::now();
    crowd->reconnect(voter(0), static_cast<std::size_t>(p.storm), p.step_limit);
    say("  storm: " + std::to_string(p.storm) + " reconnected at once in " +
        fixed(seconds_between(storm_began, Clock::now()), 1) + " s");
    crowd->run_until([] { return false; }, seconds(1));
    std::size_t after = r.target.rss_kib();
    Figure s = r.figure(scene, "memory_per_idle_connection_after_storm_kib", per(after), "KiB");
    s.goal = 16;
    s.goal_ratio = 2.5;
    s.complete = crowd->welcomed() == everyone && crowd->lost() == 0;
    s.note = std::to_string(p.storm) + " reconnected at once" + (drifted_in ? "; welcomed 100 at a time" : "");
    emit(s);
    say("  RSS " + grouped(static_cast<double>(before)) + " KiB before, " + grouped(static_cast<double>(idle)) +
        " KiB idle, " + grouped(static_cast<double>(after)) + " KiB after the storm");

    r.target.open_vote(*crowd, p.hall_voters, p.step_limit);
    press(r, *crowd, projector, scene + ", all vote within " + std::to_string(p.hall_window_ms) + " ms",
          p.hall_voters, p.hall_window_ms, 5, 15, std::nullopt);
    close_vote(r, *crowd, projector, scene);
  }
  r.target.stop();
}

void closed_scene(Round& r) {
  const Plan& p = r.plan;
  std::string scene = "closed loop, " + std::to_string(p.closed_connections) + " connections";
  say("round " + std::to_string(r.number) + ", " + r.target.name() + ": " + scene + " (load " + fixed(load1(), 2) + ")");
  r.target.start(p.closed_connections);
  {
    auto crowd = crowd_for(r.target);
    Projector projector(r.gaveld());
    open_all(r, *crowd, static_cast<std::size_t>(p.closed_connections) + 2, 200);
    projector.watch(*crowd);
    r.target.open_vote(*crowd, p.closed_connections, p.step_limit);
    auto voters = static_cast<std::size_t>(p.closed_connections);

    Burst first;
    first.receipts.resize(voters + 2);
    crowd->on_answer([&](const Answer& answer) { first.take(r.target, answer, answer.client); });
    for (std::size_t i = 0; i < voters; ++i) r.target.cast(*crowd, voter(static_cast<int>(i)), 0, "");
    if (!crowd->run_until([&] { return first.answered == voters; }, p.step_limit) || first.refused > 0)
      throw std::runtime_error("first ballots: " + std::to_string(first.answered - first.refused) + " acked of " +
                               std::to_string(voters));

    Burst loop;
    loop.receipts = first.receipts;
    std::vector<int> left(voters + 2, p.closed_changes);
    crowd->on_answer([&](const Answer& answer) {
      loop.take(r.target, answer, answer.client);
      if (!answer.answered || --left[answer.client] <= 0) return;
      r.target.cast(*crowd, answer.client, static_cast<std::uint32_t>(left[answer.client] % 3),
                    loop.receipts[answer.client]);
    });
    CpuMeter cpu(r.target);
    for (std::size_t i = 0; i < voters; ++i) {
      std::size_t c = voter(static_cast<int>(i));
      r.target.cast(*crowd, c, 1, loop.receipts[c]);
    }
    auto expected = voters * static_cast<std::size_t>(p.closed_changes);
    bool all = crowd->run_until([&] { return loop.answered == expected; }, p.step_limit);
    cpu.stop();
    double took = seconds_between(loop.first_sent, loop.last_answer);
    double rate = took > 0 ? static_cast<double>(loop.latency_ms.size()) / took : 0;
    say("  " + std::to_string(loop.latency_ms.size()) + " acks, " + std::to_string(loop.refused) + " refused in " +
        fixed(took, 2) + " s; " + cpu.describe());
    Figure f = r.figure(scene, "votes_per_s", rate, "/s");
    f.goal = 20000;
    f.goal_ratio = 0.3;
    f.higher_is_better = true;
    f.complete = all && loop.refused == 0;
    emit(f);
    emit(r.figure(scene, "generator_cpu_share_pct", cpu.share(), "%"));

    if (r.target.has_meeting()) turnout_on_projector(r, *crowd, projector, scene, loop, expected, 10000.0);
    close_vote(r, *crowd, projector, scene);
  }
  r.target.stop();
}

using Scene = void (*)(Round&);

// Runs a scene; a failure is reported and the run goes on with the next.
void run(Scene scene, Round round) {
  try {
    scene(round);
  } catch (const std::exception& e) {
    say("  FAILED (" + std::string(round.target.name()) + "): " + e.what());
    std::printf("{\"failed\":\"%s\",\"system\":\"%s\",\"round\":%d}\n", json_text(e.what()).c_str(),
                round.target.name(), round.number);
    std::fflush(stdout);
    round.target.stop();
  }
}
}  // namespace

int main(int argc, char** argv) {
  Plan plan;
  std::vector<std::pair<std::string, Scene>> scenes = {
      {"press", press_scene}, {"hall", hall_scene}, {"closed", closed_scene}};
  std::string only;
  bool gaveld_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--smoke") {
      plan = smoke_plan();  // first: what follows may change it
    } else if (arg == "--rounds" && i + 1 < argc) {
      plan.rounds = std::clamp(std::atoi(argv[++i]), 1, 10);
    } else if (arg == "--scene" && i + 1 < argc) {
      only = argv[++i];
    } else if (arg == "--gaveld-only") {
      gaveld_only = true;
    } else if (arg == "--press" && i + 2 < argc) {
      plan.press_voters = std::clamp(std::atoi(argv[++i]), 2, 10000);
      plan.press_window_ms = std::clamp(std::atoi(argv[++i]), 0, 10000);
    } else {
      std::cerr << "usage: hall_bench [--smoke] [--rounds R] [--scene press|hall|closed] [--gaveld-only]\n"
                   "                  [--press VOTERS WINDOW_MS]\n";
      return 2;
    }
  }
  // Under a profiler gaveld runs tens of times slower: every step gets longer.
  if (std::getenv("GAVEL_BENCH_GAVELD_PREFIX")) plan.step_limit = milliseconds(600000);
  try {
    std::size_t files = raise_fd_limit();
    if (files < static_cast<std::size_t>(plan.hall_voters) + 100)
      throw std::runtime_error("only " + std::to_string(files) + " open files allowed (ulimit -n)");
    GaveldTarget gaveld;
    BaselineTarget baseline(gaveld.sizes());
    // Interleaved: every scene runs on gaveld and then on the baseline,
    // round after round, so both see the same machine at nearly the same time.
    for (int round = 1; round <= plan.rounds; ++round)
      for (const auto& [name, scene] : scenes) {
        if (!only.empty() && name != only) continue;
        run(scene, Round{round, gaveld, plan});
        if (!gaveld_only) run(scene, Round{round, baseline, plan});
      }
  } catch (const std::exception& e) {
    std::cerr << "hall_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
