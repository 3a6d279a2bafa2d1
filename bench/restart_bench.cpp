// Restart time: a meeting of 10,000 whose log holds BALLOTS secret ballots
// (votes of everyone present, closed one after another, the last still
// open), then gaveld killed with SIGKILL and started again, timed from the
// fork to the first answer from /healthz.
//
//   restart_bench BALLOTS
//
// The log is written in process, through the store gaveld uses, in large
// transactions to be quick. Everything but the ballots goes through the
// engine; each ballot is made as the engine makes it (a ballot_recorded
// event and a row for the box) and folded directly, because the engine's
// eligibility check scans the whole list of voters, which would make
// recording a million ballots take minutes.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <random>

#include "codec/codec.hpp"
#include "commands.hpp"
#include "gaveld/open_meeting.hpp"
#include "support/assembly.hpp"
#include "support/gaveld_runner.hpp"
#include "support/report.hpp"
#include "support/swarm.hpp"
#include "support/temp_dir.hpp"

namespace {
using namespace gavel;
using namespace gavel::bench;

constexpr int kPeople = 10000;
constexpr std::size_t kCommitsPerTransaction = 10000;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Drives the engine as the hall would, and appends what it decides.
class Recorder {
 public:
  explicit Recorder(const std::filesystem::path& db) : store_(open(db)) {
    auto active = store_.active_meeting();
    if (!active || !active.value()) throw std::runtime_error("no meeting in " + db.string());
    id_ = active.value()->id;
    auto replayed = gaveld::replay(store_, id_, active.value()->setup, nullptr, nullptr);
    if (!replayed) throw std::runtime_error(replayed.error().message_en);
    meeting_.emplace(std::move(replayed.value()));
    now_ = std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count() - 24 * 3600 * 1000;
  }

  core::Decision run(const core::Command& command, const core::Actor& actor) {
    auto decided = meeting_->handle(command, actor, ++now_);
    if (!decided) throw std::runtime_error(std::string(core::command_name(command)) + ": " + decided.error().message_en);
    record(decided.value());
    return std::move(decided.value());
  }

  // A secret ballot on the open vote, as CastBallot would decide it.
  void cast(const std::string& voter, std::uint32_t choice, std::string receipt) {
    core::Decision decision;
    core::Id vote = meeting_->state().open_vote()->id;
    decision.events.push_back({meeting_->state().seq + 1, ++now_, voter, core::ev::BallotRecorded{vote, voter, {}, false, ""}});
    decision.secret_ballots.push_back({vote, std::move(receipt), {choice}, 1.0, ""});
    meeting_->apply(decision.events.back());
    meeting_->apply(decision.secret_ballots.back());
    record(decision);
  }

  void flush() {
    std::vector<const store::Commit*> commits;
    for (const store::Commit& commit : pending_) commits.push_back(&commit);
    if (auto ok = store_.append(id_, commits); !ok) throw std::runtime_error(ok.error().message_en);
    pending_.clear();
  }

  void seal() {
    flush();
    if (auto ok = store_.seal_ballots(); !ok) throw std::runtime_error(ok.error().message_en);
  }

  std::size_t events() const { return meeting_->state().seq; }

 private:
  void record(const core::Decision& decision) {
    store::Commit commit;
    for (const core::Event& event : decision.events) {
      v1::Event wire;
      codec::to_wire(event, &wire);
      commit.events.push_back({event.seq, event.at, core::event_name(event.body), event.actor, wire.SerializeAsString()});
    }
    commit.ballots = decision.secret_ballots;
    pending_.push_back(std::move(commit));
    if (pending_.size() >= kCommitsPerTransaction) flush();
  }

  static store::MeetingStore open(const std::filesystem::path& db) {
    auto store = store::MeetingStore::open(db);
    if (!store) throw std::runtime_error(store.error().message_en);
    return std::move(store.value());
  }

  store::MeetingStore store_;
  store::MeetingId id_ = 0;
  std::optional<core::Meeting> meeting_;
  core::Millis now_ = 0;
  std::vector<store::Commit> pending_;
};

// Returns how long sealing the ballot box took: what each vote's close
// costs once the file is this large.
double record_ballots(const std::filesystem::path& db, std::size_t ballots) {
  Recorder recorder(db);
  const core::Actor chair{core::Role::chair, ""};
  auto participant = [](int i) { return core::Actor{core::Role::participant, person(i)}; };
  recorder.run(core::cmd::StartMeeting{}, chair);
  for (int i = 1; i <= kPeople; ++i) recorder.run(core::cmd::CheckIn{person(i)}, chair);
  recorder.run(core::cmd::OpenItem{kItem}, chair);

  std::mt19937_64 random(20261128);
  double seal_ms = 0;
  std::size_t cast = 0, closed = 0;
  while (cast < ballots) {
    core::cmd::ProposeMotion propose;
    propose.text = "第" + std::to_string(cast / kPeople + 1) + "项预算调整";
    core::Id motion = recorder.run(propose, participant(1)).created_id;
    recorder.run(core::cmd::SecondMotion{motion, ""}, participant(2));
    core::cmd::OpenVote open;
    open.spec.motion_id = motion;
    open.spec.secret = true;
    recorder.run(open, chair);
    for (int i = 1; i <= kPeople && cast < ballots; ++i, ++cast) {
      // Rising receipts: with random ones, once the box outgrows SQLite's
      // page cache nearly every ballot in these large transactions reads a
      // page, and recording a million takes minutes. The seal rewrites the
      // box in receipt order either way.
      char receipt[33];
      std::snprintf(receipt, sizeof receipt, "%016llx%016llx", static_cast<unsigned long long>(cast),
                    static_cast<unsigned long long>(random()));
      recorder.cast(person(i), static_cast<std::uint32_t>(random() % 3), receipt);
    }
    if (cast >= ballots) break;  // the last vote stays open, as in a crash mid-vote
    recorder.run(core::cmd::CloseVote{}, chair);
    // gaveld seals at every close. Here every fifth close, to be quicker,
    // and the last: enough that no more than a few closed votes' large
    // events lie unsealed in the log, which would make each append slower
    // than a running gaveld's ever are.
    if (++closed % 5 == 0 || cast + kPeople >= ballots) {
      auto began = Clock::now();
      recorder.seal();
      seal_ms = ms_since(began);
    }
  }
  recorder.flush();
  std::printf("  %s events in the log\n", grouped(static_cast<double>(recorder.events())).c_str());
  return seal_ms;
}

std::string replay_line(const std::string& log) {
  auto at = log.rfind("events replayed in");
  if (at == std::string::npos) return "?";
  auto start = log.rfind(": ", at);
  return log.substr(start + 2, log.find('\n', at) - start - 2);
}

// Drops the database's pages from the page cache, as after a reboot.
void forget_cached(const std::filesystem::path& data) {
  for (const char* name : {"gavel.db", "gavel.db-wal"}) {
    int fd = ::open((data / name).c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

int restart(std::size_t ballots) {
  std::printf("restart: %s secret ballots from %d people, then kill -9 and start again\n",
              grouped(static_cast<double>(ballots)).c_str(), kPeople);
  TempDir dir("gavel-restart-bench");
  Gaveld server(dir.path() / "data");
  server.start(write_assembly(dir.path() / "meeting", kPeople));
  server.stop();

  auto began = Clock::now();
  double seal_ms = record_ballots(server.data() / "gavel.db", ballots);
  std::uintmax_t bytes = std::filesystem::file_size(server.data() / "gavel.db");
  std::printf("  recorded in %.1f s; gavel.db is %s MiB; sealing the ballot box (each close_vote) took %.0f ms\n",
              ms_since(began) / 1000, grouped(static_cast<double>(bytes) / (1 << 20)).c_str(), seal_ms);

  std::vector<double> warm;
  double cold = 0;
  for (int round = 0; round < 4; ++round) {
    bool first_cold = round == 3;
    if (first_cold) forget_cached(server.data());
    double took = static_cast<double>(server.start().count()) / 1000;
    (first_cold ? cold : warm.emplace_back()) = took;
    std::printf("  %s start: serving after %.0f ms (gaveld: %s), RSS %s MiB\n", first_cold ? "cold-cache" : "warm-cache",
                took, replay_line(server.log()).c_str(), grouped(static_cast<double>(server.rss_kib()) / 1024).c_str());
    // Something acknowledged (so durable) just before the kill.
    Swarm swarm("127.0.0.1", server.port());
    swarm.open({server.tokens().chair}, std::chrono::seconds(30));
    auto ack = swarm.call(0, test::cmd::record_dissent("重启前的最后一条记录"));
    if (!ack.answered || !ack.message.has_ack()) throw std::runtime_error("no ack before the kill");
    server.kill_hard();
  }
  std::sort(warm.begin(), warm.end());
  double median = warm[warm.size() / 2];
  summary("restart after kill -9, " + grouped(static_cast<double>(ballots)) + " ballots",
          fixed(median, 0) + " ms warm (median of 3), " + fixed(cold, 0) + " ms cold cache",
          "serving within 1 s", verdict(median <= 1000 && cold <= 1000));
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  long ballots = argc > 1 ? std::atol(argv[1]) : 0;
  if (ballots < 1 || ballots > 5'000'000) {
    std::cerr << "usage: restart_bench BALLOTS (1..5000000)\n";
    return 2;
  }
  try {
    return restart(static_cast<std::size_t>(ballots));
  } catch (const std::exception& e) {
    std::cerr << "restart_bench: " << e.what() << "\n";
    return 1;
  }
}
