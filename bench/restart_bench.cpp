// Restart after kill -9 with BALLOTS recorded secret ballots: the time from
// the fork of gaveld to its first answer from /healthz, and its resident
// memory then. A meeting of 10,000 votes on one motion after another
// (secret votes of everyone present, closed one after another, the last
// still open, as in a crash mid-vote).
//
//   restart_bench BALLOTS
//
// The log is written in process, the way gaveld writes it: every command
// through the engine (Meeting::handle), every commit built as the hall
// builds it (its ballots, the vote it closes, a checkpoint of the fold when
// one is due) and made durable by the store's one writer, in group commits.
// Only the network is left out, to be quick.
//
// Prints the human text, the summary row, and one JSON line per figure:
//   {"figure":"restart_seconds","value":0.42,"unit":"s","goal":1.0}
//   {"figure":"restart_resident_mib","value":120,"unit":"MiB","goal":200}
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>

#include "codec/codec.hpp"
#include "commands.hpp"
#include "gaveld/open_meeting.hpp"
#include "store/log_writer.hpp"
#include "support/assembly.hpp"
#include "support/gaveld_runner.hpp"
#include "support/report.hpp"
#include "support/swarm.hpp"
#include "support/temp_dir.hpp"

namespace {
using namespace gavel;
using namespace gavel::bench;

constexpr int kPeople = 10000;
// Commits handed to the writer before waiting for them: large group commits.
constexpr std::size_t kInFlight = 20000;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Drives the engine as the hall would, and writes what it decides through
// the store's one writer.
class Recorder {
 public:
  explicit Recorder(const std::filesystem::path& db) {
    auto store = store::MeetingStore::open(db);
    if (!store) throw std::runtime_error(store.error().message_en);
    auto active = store.value().active_meeting();
    if (!active || !active.value()) throw std::runtime_error("no meeting in " + db.string());
    id_ = active.value()->id;
    auto replayed = gaveld::replay(store.value(), id_, active.value()->setup, nullptr, nullptr);
    if (!replayed) throw std::runtime_error(replayed.error().message_en);
    meeting_.emplace(std::move(replayed.value()));
    writer_ = std::make_unique<store::LogWriter>(std::move(store.value()), id_);
    now_ = std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count() - 24 * 3600 * 1000;
  }
  core::Decision run(const core::Command& command, const core::Actor& actor) {
    auto decided = meeting_->handle(command, actor, ++now_);
    if (!decided) throw std::runtime_error(std::string(core::command_name(command)) + ": " + decided.error().message_en);
    record(decided.value());
    return std::move(decided.value());
  }

  // Waits until everything submitted is durable.
  void flush() {
    std::unique_lock lock(mutex_);
    durable_.wait(lock, [&] { return outstanding_ == 0; });
    if (failed_) throw std::runtime_error("the writer failed: " + *failed_);
  }

  std::size_t events() const { return meeting_->state().seq; }

 private:
  // As Hall::record builds a commit.
  void record(const core::Decision& decision) {
    store::Commit commit;
    for (const core::Event& event : decision.events) {
      v1::Event wire;
      codec::to_wire(event, &wire);
      commit.events.push_back({event.seq, event.at, core::event_name(event.body), event.actor, wire.SerializeAsString()});
    }
    commit.ballots = decision.secret_ballots;
    commit.veto = decision.veto;
    commit.closed_vote = store::closed_vote(decision.events);
    commit.image = writer_->image_if_due(meeting_->state(), commit.closed_vote);
    {
      std::unique_lock lock(mutex_);
      durable_.wait(lock, [&] { return outstanding_ < kInFlight; });
      ++outstanding_;
    }
    writer_->submit(std::move(commit), [this](const core::Status& status) {
      std::lock_guard lock(mutex_);
      if (!status && !failed_) failed_ = status.error().message_en;
      --outstanding_;
      durable_.notify_all();
    });
  }

  std::mutex mutex_;
  std::condition_variable durable_;
  std::size_t outstanding_ = 0;
  std::optional<std::string> failed_;
  store::MeetingId id_ = 0;
  std::optional<core::Meeting> meeting_;
  std::unique_ptr<store::LogWriter> writer_;  // last: stopped (and drained) first
  core::Millis now_ = 0;
};

void record_ballots(const std::filesystem::path& db, std::size_t ballots) {
  Recorder recorder(db);
  const core::Actor chair{core::Role::chair, ""};
  auto participant = [](int i) { return core::Actor{core::Role::participant, person(i)}; };
  recorder.run(core::cmd::StartMeeting{}, chair);
  for (int i = 1; i <= kPeople; ++i) recorder.run(core::cmd::CheckIn{person(i)}, chair);
  recorder.run(core::cmd::OpenItem{kItem}, chair);

  std::mt19937_64 random(20261128);
  std::size_t cast = 0;
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
      char receipt[33];
      std::snprintf(receipt, sizeof receipt, "%016llx%016llx", static_cast<unsigned long long>(random()),
                    static_cast<unsigned long long>(random()));
      core::cmd::CastBallot ballot;
      ballot.choices = {static_cast<std::uint32_t>(random() % 3)};
      ballot.fresh_receipt = receipt;
      recorder.run(ballot, participant(i));
    }
    if (cast >= ballots) break;  // the last vote stays open, as in a crash mid-vote
    recorder.run(core::cmd::CloseVote{}, chair);
  }
  recorder.flush();
  std::printf("  %s events in the log\n", grouped(static_cast<double>(recorder.events())).c_str());
}

std::string replay_line(const std::string& log) {
  auto at = log.rfind("events replayed in");
  if (at == std::string::npos) return "?";
  auto start = log.rfind(": ", at);
  return log.substr(start + 2, log.find('\n', at) - start - 2);
}

// Drops the data folder's pages from the page cache, as after a reboot.
void forget_cached(const std::filesystem::path& data) {
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    int fd = ::open(entry.path().c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

int restart(std::size_t ballots) {
  std::printf("restart: %s secret ballots from %d people, then kill -9 and start again (load average %s)\n",
              grouped(static_cast<double>(ballots)).c_str(), kPeople, load_average().c_str());
  TempDir dir("gavel-restart-bench");
  Gaveld server(dir.path() / "data");
  server.start(write_assembly(dir.path() / "meeting", kPeople));
  server.stop();

  auto began = Clock::now();
  record_ballots(server.data() / "gavel.db", ballots);
  std::uintmax_t bytes = std::filesystem::file_size(server.data() / "gavel.db");
  std::printf("  recorded in %.1f s; gavel.db is %s MiB\n", ms_since(began) / 1000,
              grouped(static_cast<double>(bytes) / (1 << 20)).c_str());

  // Killed once while serving first, so every start below is a start after kill -9.
  server.start();
  server.kill_hard();
  std::vector<double> warm;
  double cold = 0, resident = 0;
  for (int round = 0; round < 4; ++round) {
    bool first_cold = round == 3;
    if (first_cold) forget_cached(server.data());
    double took = static_cast<double>(server.start().count()) / 1000;
    (first_cold ? cold : warm.emplace_back()) = took;
    double mib = static_cast<double>(server.rss_kib()) / 1024;
    resident = std::max(resident, mib);
    std::printf("  %s start after kill -9: serving after %.0f ms (gaveld: %s), resident %s MiB\n",
                first_cold ? "cold-cache" : "warm-cache", took, replay_line(server.log()).c_str(),
                grouped(mib).c_str());
    // Something acknowledged (so durable) just before the kill.
    Swarm swarm("127.0.0.1", server.port());
    swarm.open({server.tokens().chair}, std::chrono::seconds(30));
    auto ack = swarm.call(0, test::cmd::record_dissent("重启前的最后一条记录"));
    if (!ack.answered || !ack.message.has_ack()) throw std::runtime_error("no ack before the kill");
    server.kill_hard();
  }
  std::sort(warm.begin(), warm.end());
  double median = warm[warm.size() / 2];
  std::printf("  load average after: %s\n", load_average().c_str());
  summary("restart after kill -9, " + grouped(static_cast<double>(ballots)) + " ballots",
          fixed(median, 0) + " ms warm (median of 3), " + fixed(cold, 0) + " ms cold cache, resident " +
              fixed(resident, 0) + " MiB",
          "serving within 1 s, resident <= 200 MiB", verdict(median <= 1000 && cold <= 1000 && resident <= 200));
  figure("restart_seconds", median / 1000, "s", 1.0);
  figure("restart_resident_mib", resident, "MiB", 200);
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
