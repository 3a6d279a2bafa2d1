// Rounds of kill -9: hundreds of clients of the real gaveld vote, change
// their votes, ask for and withdraw from the floor and record dissent, and
// at a random moment gaveld is killed. After each restart every command a
// client saw acknowledged is there exactly once, a command whose answer never
// came is there at most once, the running speech keeps its deadline, the
// queue and the open vote are as acknowledged, and clients resume from their
// last seq. GAVEL_CRASH_ROUNDS (10 by default; scripts/chaos.sh runs 100)
// and GAVEL_CRASH_CLIENTS (200) size it; the figures go to stdout.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "commands.hpp"
#include "gaveld_process.hpp"

namespace gavel::test {
namespace {

std::size_t from_env(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  return value ? std::strtoul(value, nullptr, 10) : fallback;
}

// What one participant was told, across rounds; a command whose answer
// never came (the server died) may or may not have been applied.
struct Resident {
  std::string id;
  std::uint64_t last_seq = 0;
  std::optional<std::uint32_t> choice;  // the last acknowledged ballot
  bool queued = false;                  // after the last acknowledged request or withdrawal
  // A ballot was in flight at a kill: unknown until the next acknowledged one.
  bool vote_unknown = false;
  bool queue_unsure = false;
  std::set<std::string> markers;        // acknowledged dissent records
  std::string unsure_marker;            // the dissent in flight when gaveld died
};

struct Figures {
  std::size_t rounds = 0, acknowledged = 0, unanswered = 0, lost = 0, doubled = 0, phantom = 0;
  std::size_t reconnects = 0, resumed = 0, bad_resumes = 0;
};

// One client's burst: until the server dies or its budget is spent.
void burst(const GaveldProcess& server, Resident& r, std::size_t round, std::uint64_t seed,
           std::atomic<std::size_t>& acks, Figures& figures, std::mutex& mutex) {
  std::unique_ptr<client::Connection> connection;
  try {
    connection = server.connect(server.participant_token(r.id), r.last_seq);
  } catch (const std::exception&) {
    return;  // killed before this client got in
  }
  {
    std::lock_guard lock(mutex);
    if (r.last_seq > 0) ++figures.reconnects;
    const auto& welcome = connection->welcome();
    if (welcome.resumed()) {
      ++figures.resumed;
      std::uint64_t expect = r.last_seq + 1;
      for (const auto& e : welcome.missed()) figures.bad_resumes += e.seq() == expect++ ? 0u : 1u;
      if (expect != welcome.snapshot().seq() + 1) ++figures.bad_resumes;
    }
  }
  r.queue_unsure = false;
  r.unsure_marker.clear();
  std::mt19937_64 random(seed);
  for (int n = 0; n < 40; ++n) {  // below the per-connection rate limit's burst
    v1::Command command;
    std::string marker;
    auto kind = random() % 4;
    std::uint32_t choice = static_cast<std::uint32_t>(random() % 3);
    if (kind == 0) command = cmd::cast(choice);
    else if (kind == 1) command = cmd::request_floor();
    else if (kind == 2) command = cmd::withdraw_request();
    else command = cmd::record_dissent(marker = r.id + "-" + std::to_string(round) + "-" + std::to_string(n));
    auto answer = connection->call(command);
    r.last_seq = std::max<std::uint64_t>(r.last_seq, connection->last_seq());
    if (!answer && answer.error().kind != client::ErrorKind::server) {
      // No answer: the server died with this command in flight.
      if (kind == 0) r.vote_unknown = true;
      else if (kind == 3) r.unsure_marker = marker;
      else r.queue_unsure = true;
      return;
    }
    if (!answer) {
      if (answer.error().server.code() == v1::ERROR_RATE_LIMITED) return;
      continue;  // refused: nothing changed
    }
    ++acks;
    if (kind == 0) {
      r.choice = choice;
      r.vote_unknown = false;
    }
    else if (kind == 1) r.queued = true;
    else if (kind == 2) r.queued = false;
    else r.markers.insert(marker);
  }
}

TEST(CrashRounds, EveryAcknowledgedCommandSurvivesEachKillExactlyOnce) {
  const std::size_t rounds = from_env("GAVEL_CRASH_ROUNDS", 10), clients = from_env("GAVEL_CRASH_CLIENTS", 200);
  GaveldProcess::Options options;
  options.meeting = std::filesystem::path(GAVEL_CHAOS_FIXTURES) / "meeting.toml";
  GaveldProcess server(options);
  std::vector<Resident> residents(clients);
  for (std::size_t i = 0; i < clients; ++i) residents[i].id = "R" + std::string(i + 1 < 10 ? "00" : i + 1 < 100 ? "0" : "") + std::to_string(i + 1);
  {
    auto chair = server.connect_as("chair");
    ASSERT_TRUE(chair->call(cmd::start_meeting()));
    // Each checks in themselves (the chair's own commands are rate-limited like anyone's).
    std::atomic<std::size_t> present{0};
    std::vector<std::thread> arriving;
    for (const Resident& r : residents)
      arriving.emplace_back([&, id = r.id] {
        if (server.connect_participant(id)->call(cmd::check_in())) ++present;
      });
    for (auto& t : arriving) t.join();
    ASSERT_EQ(present.load(), clients);
    ASSERT_TRUE(chair->call(cmd::open_item("budget")));
    auto motion = server.connect_participant("R001")->call(cmd::propose("通过预算"));
    ASSERT_TRUE(motion);
    ASSERT_TRUE(server.connect_participant("R002")->call(cmd::second(motion.value().created_id())));
    ASSERT_TRUE(chair->call(cmd::open_vote(motion.value().created_id())));
    v1::Command grant;
    grant.mutable_grant_floor()->set_participant_id("R003");
    ASSERT_TRUE(chair->call(grant));
  }
  const auto deadline = server.connect_as("display")->welcome().snapshot().current_speech().deadline_ms();
  ASSERT_GT(deadline, 0);

  std::random_device entropy;
  const std::uint64_t base = from_env("GAVEL_CRASH_SEED", entropy());
  std::mt19937_64 random(base);
  Figures figures;
  std::mutex mutex;
  for (std::size_t round = 0; round < rounds; ++round) {
    std::atomic<std::size_t> acks{0};
    const std::size_t kill_after = 50 + random() % (clients * 4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < clients; ++i)
      threads.emplace_back(burst, std::cref(server), std::ref(residents[i]), round, base + round * clients + i,
                           std::ref(acks), std::ref(figures), std::ref(mutex));
    wait_until([&] { return acks.load() >= kill_after; }, std::chrono::seconds(30));
    server.kill_hard();
    for (auto& t : threads) t.join();
    server.start();

    auto display = server.connect_as("display");
    const auto& state = display->welcome().snapshot();
    std::map<std::string, int> recorded;
    for (const auto& d : state.dissent()) ++recorded[d.text()];
    std::set<std::string> in_queue;
    for (const auto& q : state.queue().requests()) in_queue.insert(q.participant_id());
    std::size_t sure_voters = 0, unsure = 0, unknown_votes = 0;
    std::map<std::uint32_t, std::size_t> sure_counts;
    for (Resident& r : residents) {
      for (const std::string& m : r.markers) {
        auto times = recorded.count(m) ? recorded[m] : 0;
        if (times == 0) ++figures.lost;
        if (times > 1) ++figures.doubled;
        EXPECT_EQ(times, 1) << m << " (round " << round << ", seed " << base << ")";
        recorded.erase(m);
      }
      if (!r.unsure_marker.empty()) {
        ++unsure;
        EXPECT_LE(recorded[r.unsure_marker], 1) << r.unsure_marker;
        if (recorded[r.unsure_marker] == 1) r.markers.insert(r.unsure_marker);  // it was applied after all
        recorded.erase(r.unsure_marker);
      }
      if (r.queue_unsure) {
        ++unsure;
        r.queued = in_queue.count(r.id) > 0;  // whichever way it went
      } else {
        EXPECT_EQ(in_queue.count(r.id) > 0, r.queued) << r.id << " in the queue (round " << round << ")";
      }
      if (r.vote_unknown) {
        ++unknown_votes;
      } else if (r.choice) {
        ++sure_voters;
        ++sure_counts[*r.choice];
      }
    }
    for (const auto& [text, times] : recorded) {
      ++figures.phantom;
      ADD_FAILURE() << text << " recorded " << times << " times but never sent by this test's clients";
    }
    const auto& vote = state.current_vote();
    EXPECT_TRUE(vote.open()) << "the open vote survives";
    EXPECT_GE(vote.cast(), sure_voters);
    EXPECT_LE(vote.cast(), sure_voters + unknown_votes);
    for (std::uint32_t option = 0; option < static_cast<std::uint32_t>(vote.counts_size()); ++option) {
      EXPECT_GE(vote.counts(static_cast<int>(option)).count() + unknown_votes, sure_counts[option]) << "option " << option;
      EXPECT_LE(vote.counts(static_cast<int>(option)).count(), sure_counts[option] + unknown_votes) << "option " << option;
    }
    EXPECT_EQ(state.current_speech().participant_id(), "R003");
    EXPECT_EQ(state.current_speech().deadline_ms(), deadline) << "the speech keeps its deadline";
    figures.acknowledged += acks.load();
    figures.unanswered += unsure;
    ++figures.rounds;
    if (HasFailure()) break;
  }
  std::cout << "kill -9: " << figures.rounds << " rounds, " << clients << " clients, " << figures.acknowledged
            << " commands acknowledged, " << figures.lost << " lost, " << figures.doubled << " doubled, "
            << figures.phantom << " recorded without being sent; " << figures.unanswered
            << " in flight at a kill; " << figures.resumed << " of " << figures.reconnects
            << " reconnects resumed from their last seq (" << figures.bad_resumes << " with a gap); seed " << base
            << "\n";
}

}  // namespace
}  // namespace gavel::test
