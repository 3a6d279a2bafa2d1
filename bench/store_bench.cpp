// Sealing a secret vote in a large database: the time to close a vote of
// BALLOTS ballots (default 10,000) in a database already holding SEALED
// sealed ballots (default 1,000,000), and the longest gap between two
// acknowledgements of another writer that commits through the same store
// while the vote closes (a secretary recording, the chair checking people
// in: its acks must still flow).
//
//   store_bench [SEALED [BALLOTS]]
//
// In process, through the store gaveld uses (its one writer thread, WAL,
// synchronous=FULL), with events encoded by the codec as gaveld encodes
// them: ballot_recorded for each ballot, vote_closed with the published
// receipts. The close is timed from its submission to its acknowledgement.
//
// Prints the human text, the summary row, and one JSON line per figure:
//   {"figure":"seal_close_ms","value":42.0,"unit":"ms","goal":100}
//   {"figure":"seal_ack_gap_ms","value":45.0,"unit":"ms","goal":100}
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include "codec/codec.hpp"
#include "store/log_writer.hpp"
#include "support/report.hpp"

namespace {
using namespace gavel;
using namespace gavel::bench;
using Clock = std::chrono::steady_clock;

constexpr int kPeople = 10000;

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string voter(std::size_t i) {
  char id[8];
  std::snprintf(id, sizeof id, "P%05zu", i % kPeople + 1);
  return id;
}

// A meeting's log written commit by commit, as the hall commits it.
class Meeting {
 public:
  explicit Meeting(const std::filesystem::path& db) {
    auto store = store::MeetingStore::open(db);
    if (!store) throw std::runtime_error(store.error().message_en);
    auto id = store.value().create_meeting("store_bench", "", {}, 0);
    if (!id) throw std::runtime_error(id.error().message_en);
    writer_ = std::make_unique<store::LogWriter>(std::move(store.value()), id.value());
  }

  // Each call numbers its event and submits it at once (under one lock,
  // so the writer gets them in order from any thread); `done` runs when it
  // is durable. `cast` is a secret ballot, `close` closes the vote (its
  // commit is built first; `submitted` is when it reached the writer).
  void cast(core::Id vote, std::size_t i) {
    std::lock_guard order(order_);
    char receipt[33];
    std::snprintf(receipt, sizeof receipt, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                  static_cast<unsigned long long>(random_()));
    auto choice = static_cast<std::uint32_t>(random_() % 3);
    store::Commit commit = event(core::ev::BallotRecorded{vote, voter(i), {}, false, ""}, voter(i));
    commit.ballots.push_back({vote, receipt, {choice}, 1.0, ""});
    published_.push_back(std::string(receipt) + "=" + (choice == 0 ? "赞成" : choice == 1 ? "反对" : "弃权"));
    submit(std::move(commit), {});
  }

  void close(core::Id vote, std::function<void()> done = {}, Clock::time_point* submitted = nullptr) {
    std::lock_guard order(order_);
    core::VoteResult result;
    result.eligible = kPeople;
    result.cast = static_cast<std::uint32_t>(published_.size());
    std::sort(published_.begin(), published_.end());
    result.receipts_published = {published_.begin(), published_.end()};
    published_.clear();
    store::Commit commit = event(core::ev::VoteClosed{vote, std::move(result)}, "chair");
    if (submitted) *submitted = Clock::now();
    submit(std::move(commit), std::move(done));
  }

  void record_dissent(core::Id id, std::function<void()> done) {
    std::lock_guard order(order_);
    submit(event(core::ev::DissentRecorded{id, "budget", core::DissentKind::objection, "", "记录"}, "secretary"),
           std::move(done));
  }

  void flush() {
    std::unique_lock lock(mutex_);
    durable_.wait(lock, [&] { return outstanding_ == 0; });
  }

 private:
  store::Commit event(core::EventBody body, const std::string& actor) {
    core::Event event{++seq_, 1'790'000'000'000 + static_cast<core::Millis>(seq_), actor, std::move(body)};
    v1::Event wire;
    codec::to_wire(event, &wire);
    store::Commit commit;
    commit.events.push_back({event.seq, event.at, core::event_name(event.body), actor, wire.SerializeAsString()});
    commit.closed_vote = store::closed_vote({event});
    return commit;
  }

  // Hands the commit to the writer; `done` runs once it is durable.
  void submit(store::Commit commit, std::function<void()> done) {
    {
      std::unique_lock lock(mutex_);
      durable_.wait(lock, [&] { return outstanding_ < 20000; });
      ++outstanding_;
    }
    writer_->submit(std::move(commit), [this, done = std::move(done)](const core::Status& status) {
      if (!status) {
        std::cerr << "store_bench: " << status.error().message_en << "\n";
        std::exit(1);
      }
      if (done) done();
      std::lock_guard lock(mutex_);
      --outstanding_;
      durable_.notify_all();
    });
  }

  std::mutex order_;
  std::mutex mutex_;
  std::condition_variable durable_;
  std::size_t outstanding_ = 0;
  core::Seq seq_ = 0;
  std::mt19937_64 random_{20261201};
  std::vector<std::string> published_;
  std::unique_ptr<store::LogWriter> writer_;  // last: stopped (and drained) first
};

int seal(std::size_t sealed, std::size_t ballots) {
  std::printf("seal: closing a secret vote of %zu ballots in a database holding %zu sealed ones (load average %s)\n",
              ballots, sealed, load_average().c_str());
  std::random_device seed;
  auto dir = std::filesystem::temp_directory_path() / ("gavel-store-bench-" + std::to_string(seed()));
  std::filesystem::create_directories(dir);
  double close_ms = 0, gap_ms = 0;
  std::size_t acks_during = 0;
  {
    Meeting meeting(dir / "gavel.db");
    auto began = Clock::now();
    core::Id vote = 1;
    for (std::size_t cast = 0; cast < sealed; ++vote) {
      for (std::size_t i = 0; i < kPeople && cast < sealed; ++i, ++cast) meeting.cast(vote, i);
      meeting.close(vote);
    }
    for (std::size_t i = 0; i < ballots; ++i) meeting.cast(vote, i);
    meeting.flush();
    std::printf("  %zu votes sealed and %zu ballots in the open one, written in %.1f s; gavel.db is %.0f MiB\n",
                static_cast<std::size_t>(vote - 1), ballots, ms_between(began, Clock::now()) / 1000,
                static_cast<double>(std::filesystem::file_size(dir / "gavel.db")) / (1 << 20));

    // Another writer in a closed loop: one dissent record at a time, each
    // submitted when the last is acknowledged.
    std::mutex mutex;
    std::vector<Clock::time_point> acks;
    std::atomic<bool> stop{false};
    std::condition_variable acked;
    std::size_t answered = 0;
    std::thread other([&] {
      std::unique_lock lock(mutex);
      for (std::size_t n = 0; !stop; ++n) {
        lock.unlock();
        meeting.record_dissent(n + 1, [&] {
          std::lock_guard done(mutex);
          acks.push_back(Clock::now());
          ++answered;
          acked.notify_all();
        });
        lock.lock();
        acked.wait(lock, [&] { return answered > n; });
      }
    });
    {
      // Let the other writer settle into its rhythm first.
      std::unique_lock lock(mutex);
      acked.wait(lock, [&] { return answered >= 50; });
    }
    std::mutex close_mutex;
    std::condition_variable closed;
    bool done = false;
    Clock::time_point close_acked;
    Clock::time_point submitted;
    meeting.close(
        vote,
        [&] {
          std::lock_guard lock(close_mutex);
          close_acked = Clock::now();
          done = true;
          closed.notify_all();
        },
        &submitted);
    {
      std::unique_lock lock(close_mutex);
      closed.wait(lock, [&] { return done; });
    }
    {
      // And a few acks after the close, so the gap that spans it is seen.
      std::unique_lock lock(mutex);
      std::size_t wanted = answered + 10;
      acked.wait(lock, [&] { return answered >= wanted; });
      stop = true;
    }
    other.join();
    meeting.flush();
    close_ms = ms_between(submitted, close_acked);
    // The longest wait between acks that overlaps the close.
    for (std::size_t i = 1; i < acks.size(); ++i) {
      if (acks[i] < submitted || acks[i - 1] > close_acked) continue;
      gap_ms = std::max(gap_ms, ms_between(acks[i - 1], acks[i]));
      if (acks[i] <= close_acked) ++acks_during;
    }
    bool key_left = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      key_left = key_left || entry.path().filename().string().find("-key-") != std::string::npos;
    std::printf("  close acknowledged after %.1f ms; the other writer's longest gap across it %.1f ms "
                "(%zu of its acks during the close); vote's key file left: %s\n",
                close_ms, gap_ms, acks_during, key_left ? "yes" : "no");
  }
  std::filesystem::remove_all(dir);
  std::printf("  load average after: %s\n", load_average().c_str());
  std::printf("summary|closing a %zu-ballot secret vote in a %zu-ballot database|%.0f ms, longest ack gap %.0f ms|"
              "<= 100 ms, acks flow|%s\n",
              ballots, sealed, close_ms, gap_ms, close_ms <= 100 && gap_ms <= 100 ? "met" : "NOT met");
  figure("seal_close_ms", close_ms, "ms", 100);
  figure("seal_ack_gap_ms", gap_ms, "ms", 100);
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  long sealed = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  long ballots = argc > 2 ? std::atol(argv[2]) : 10'000;
  if (sealed < 0 || sealed > 5'000'000 || ballots < 1 || ballots > kPeople) {
    std::cerr << "usage: store_bench [SEALED (0..5000000) [BALLOTS (1..10000)]]\n";
    return 2;
  }
  try {
    return seal(static_cast<std::size_t>(sealed), static_cast<std::size_t>(ballots));
  } catch (const std::exception& e) {
    std::cerr << "store_bench: " << e.what() << "\n";
    return 1;
  }
}
