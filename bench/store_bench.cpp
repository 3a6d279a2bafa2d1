// The store alone, in process: how many secret ballots per second the one
// writer thread makes durable (WAL, synchronous=FULL), and in how many
// transactions, when a burst of them is submitted at once (what a room
// pressing together looks like to the writer). A burst of 1 is one
// transaction per ballot: the cost of a single commit.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>

#include "codec/codec.hpp"
#include "store/log_writer.hpp"

namespace {
using namespace gavel;

class Scratch {
 public:
  Scratch() {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("gavel-store-bench-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
    auto store = store::MeetingStore::open(dir_ / "gavel.db");
    if (!store) throw std::runtime_error(store.error().message_en);
    auto meeting = store.value().create_meeting("bench", "", {}, 0);
    if (!meeting) throw std::runtime_error(meeting.error().message_en);
    writer_ = std::make_unique<store::LogWriter>(std::move(store.value()), meeting.value());
  }
  ~Scratch() {
    writer_.reset();
    std::filesystem::remove_all(dir_);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // A secret ballot as the hall commits it: the ballot_recorded event (who
  // took part, not what they chose) and the ballot box's row.
  store::Commit ballot() {
    ++seq_;
    std::string voter = "P" + std::to_string(10000 + seq_ % 10000);
    core::Event event{seq_, 1'790'000'000'000 + static_cast<core::Millis>(seq_), voter,
                      core::ev::BallotRecorded{1, voter, {}, false, ""}};
    v1::Event wire;
    codec::to_wire(event, &wire);
    char receipt[33];
    std::snprintf(receipt, sizeof receipt, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                  static_cast<unsigned long long>(random_()));
    store::Commit commit;
    commit.events.push_back({event.seq, event.at, core::event_name(event.body), voter, wire.SerializeAsString()});
    commit.ballots.push_back({1, receipt, {static_cast<std::uint32_t>(seq_ % 3)}, 1.0, ""});
    return commit;
  }

  // Submits every commit at once and returns once all are durable.
  void write(std::vector<store::Commit>& commits) {
    std::unique_lock lock(mutex_);
    outstanding_ = commits.size();
    for (store::Commit& commit : commits)
      writer_->submit(std::move(commit), [this](const core::Status& status) {
        if (!status) std::abort();
        std::lock_guard done(mutex_);
        if (--outstanding_ == 0) all_done_.notify_one();
      });
    all_done_.wait(lock, [&] { return outstanding_ == 0; });
  }

  std::size_t transactions() const { return writer_->transactions(); }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::LogWriter> writer_;
  core::Seq seq_ = 0;
  std::mt19937_64 random_{20261128};
  std::mutex mutex_;
  std::condition_variable all_done_;
  std::size_t outstanding_ = 0;
};

void BM_DurableBallots(benchmark::State& state) {
  Scratch scratch;
  auto burst = static_cast<std::size_t>(state.range(0));
  std::vector<store::Commit> commits;
  std::size_t transactions_before = scratch.transactions();
  for (auto _ : state) {
    state.PauseTiming();
    commits.clear();
    for (std::size_t i = 0; i < burst; ++i) commits.push_back(scratch.ballot());
    state.ResumeTiming();
    scratch.write(commits);
  }
  auto transactions = static_cast<double>(scratch.transactions() - transactions_before);
  state.counters["ballots/s"] = benchmark::Counter(static_cast<double>(burst), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["txn/burst"] = benchmark::Counter(transactions / static_cast<double>(state.iterations()));
  state.counters["ballots/txn"] =
      benchmark::Counter(static_cast<double>(burst) * static_cast<double>(state.iterations()) / transactions);
}
BENCHMARK(BM_DurableBallots)
    ->Arg(1)->Arg(100)->Arg(1000)->Arg(10000)
    ->UseRealTime()->Unit(benchmark::kMillisecond)
    ->MinTime(0.5)->Repetitions(3)->ReportAggregatesOnly(true);

// The floor under every durable ack: one 4 KiB page rewritten in place and
// fdatasync'd, as SQLite commits to a WAL it reuses, on the same file system.
void BM_Fdatasync(benchmark::State& state) {
  auto file = std::filesystem::temp_directory_path() / ("gavel-fsync-bench-" + std::to_string(std::random_device()()));
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return state.SkipWithError("cannot create a temp file");
  std::vector<char> page(4096, 'g');
  constexpr int kPages = 256;
  for (int i = 0; i < kPages; ++i) (void)!::pwrite(fd, page.data(), page.size(), static_cast<off_t>(i) * 4096);
  ::fsync(fd);
  long i = 0;
  for (auto _ : state) {
    (void)!::pwrite(fd, page.data(), page.size(), static_cast<off_t>(i++ % kPages) * 4096);
    ::fdatasync(fd);
  }
  ::close(fd);
  std::filesystem::remove(file);
}
BENCHMARK(BM_Fdatasync)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5)->Repetitions(3)->ReportAggregatesOnly(true);

// Prints the usual table (without colours: it goes to logs), then the
// summary rows scripts/bench.sh gathers.
class Reporter : public benchmark::ConsoleReporter {
 public:
  Reporter() : ConsoleReporter(OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs)
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") medians_.push_back(run);
  }
  void summarize() const {
    for (const Run& run : medians_) {
      if (run.run_name.function_name == "BM_Fdatasync") {
        std::printf("summary|one fdatasync on this disk (4 KiB rewrite)|%.2f ms|-|-\n",
                    run.GetAdjustedRealTime());
        continue;
      }
      auto name = run.run_name.str();
      auto burst = name.substr(name.find('/') + 1, name.find('/', name.find('/') + 1) - name.find('/') - 1);
      double rate = run.counters.at("ballots/s").value;
      char measured[160];
      std::snprintf(measured, sizeof measured, "%.0f ballots/s in %.1f txn per burst", rate,
                    run.counters.at("txn/burst").value);
      bool target = burst == "10000";
      std::printf("summary|store alone, burst of %s ballots|%s|%s|%s\n", burst.c_str(), measured,
                  target ? ">= 20,000 durable votes/s" : "-",
                  target ? (rate >= 20000 ? "met" : "NOT met") : "-");
    }
  }

 private:
  std::vector<Run> medians_;
};
}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.summarize();
  benchmark::Shutdown();
  return 0;
}
