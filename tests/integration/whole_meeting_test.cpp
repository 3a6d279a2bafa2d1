// A whole meeting through the real server, from several clients at once:
// check-in, agenda, speeches with a short timer, dissent, a motion, a vote,
// a resolution; the projector follows every step.
#include <gtest/gtest.h>

#include <thread>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "observer.hpp"

namespace gavel::test {
namespace {

template <class R>
void expect_ok(const R& result, const char* what) {
  ASSERT_TRUE(result.ok()) << what << ": " << client::describe(result.error());
}

TEST(WholeMeeting, RunsAnAgendaFromSeveralClientsAtOnce) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  auto secretary = server.connect_as("secretary");
  auto display = server.connect_as("display");
  Observer room(*display);

  expect_ok(chair->call(cmd::start_meeting()), "start");

  // Six people check in from their phones at the same moment.
  std::vector<std::string> ids = {"P01", "P02", "P03", "P04", "P05", "P06"};
  std::vector<std::unique_ptr<client::Connection>> phones;
  for (const auto& id : ids) phones.push_back(server.connect_participant(id));
  std::vector<std::thread> threads;
  std::atomic<int> acknowledged{0};
  for (auto& phone : phones)
    threads.emplace_back([&] { if (phone->call(cmd::check_in())) ++acknowledged; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(acknowledged.load(), 6);
  expect_ok(secretary->call(cmd::check_in("P07")), "secretary checks P07 in");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.attendance().present() == 7; }));
  EXPECT_TRUE(room.snapshot().attendance().quorate());

  expect_ok(chair->call(cmd::open_item("parking")), "open item");
  auto& wang = phones[0];   // P01
  auto& li = phones[2];     // P03
  auto& chen = phones[4];   // P05
  expect_ok(li->call(cmd::request_floor()), "P03 asks to speak");
  expect_ok(wang->call(cmd::request_floor(v1::REQUEST_PRO)), "P01 asks to speak");
  expect_ok(chen->call(cmd::request_floor(v1::REQUEST_POINT_OF_ORDER)), "P05 point of order");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.queue().requests_size() == 3; }));
  EXPECT_EQ(room.snapshot().queue().requests(0).participant_id(), "P05") << "a point of order goes first";

  // The point of order gets the floor; its timer is the item's 10 s limit.
  expect_ok(chair->call(cmd::next_speaker()), "next speaker");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_speech().participant_id() == "P05"; }));
  const auto& speech = room.snapshot().current_speech();
  EXPECT_EQ(speech.limit_s(), 10u);
  EXPECT_EQ(speech.deadline_ms() - speech.started_ms(), 10000);
  expect_ok(chair->call(cmd::pause_timer()), "pause");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_speech().paused(); }));
  EXPECT_GT(room.snapshot().current_speech().remaining_ms(), 9000);
  expect_ok(chair->call(cmd::resume_timer()), "resume");
  expect_ok(chair->call(cmd::extend_timer(5)), "extend");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_speech().extended_s() == 5; }));
  expect_ok(chair->call(cmd::end_speech()), "end speech");

  // The next speech runs past its limit: overtime is counted by the server.
  expect_ok(chair->call(cmd::next_speaker()), "next speaker");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_speech().participant_id() == "P03"; }));
  std::int64_t deadline = room.snapshot().current_speech().deadline_ms();
  ASSERT_TRUE(wait_until([&] { return display->server_now_ms() > deadline + 300; }, std::chrono::seconds(15)));
  expect_ok(chair->call(cmd::end_speech()), "end overtime speech");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.speeches_size() == 2; }));
  EXPECT_GT(room.snapshot().speeches(1).overtime_ms(), 0);
  EXPECT_GE(room.snapshot().speeches(1).spoken_ms(), 10000);

  // Dissent: the secretary records one, a participant objects in person.
  expect_ok(secretary->call(cmd::record_dissent("夜班护士的车无处可停", v1::DISSENT_MINORITY, "P05")), "dissent");
  expect_ok(phones[1]->call(cmd::record_dissent("反对占用绿地", v1::DISSENT_OBJECTION)), "objection");

  // A motion needs a second from someone else before it can be voted on.
  auto moved = wang->call(cmd::propose("采用方案A：与商场错峰共享车位"));
  expect_ok(moved, "propose");
  std::uint64_t motion = moved.value().created_id();
  auto own_second = wang->call(cmd::second(motion));
  ASSERT_FALSE(own_second);
  EXPECT_EQ(own_second.error().server.code(), v1::ERROR_NOT_ALLOWED);
  auto premature = chair->call(cmd::open_vote(motion));
  ASSERT_FALSE(premature);
  EXPECT_EQ(premature.error().server.code(), v1::ERROR_INVALID_STATE);
  expect_ok(phones[1]->call(cmd::second(motion)), "second");

  expect_ok(chair->call(cmd::open_vote(motion)), "open vote");
  std::vector<std::uint32_t> choices = {0, 0, 0, 0, 0, 1};
  threads.clear();
  std::atomic<int> cast{0};
  for (std::size_t i = 0; i < phones.size(); ++i)
    threads.emplace_back([&, i] { if (phones[i]->call(cmd::cast(choices[i], "press-1"))) ++cast; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(cast.load(), 6);
  // The same press again is acknowledged and not counted twice.
  expect_ok(phones[5]->call(cmd::cast(1, "press-1")), "repeat press");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_vote().cast() == 6; }));
  expect_ok(chair->call(cmd::close_vote()), "close vote");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.votes_size() == 1; }));
  const auto& result = room.snapshot().votes(0).result();
  EXPECT_EQ(result.outcome(), v1::OUTCOME_CARRIED);
  EXPECT_EQ(result.counts(0).count(), 5u);
  EXPECT_EQ(result.counts(1).count(), 1u);
  EXPECT_EQ(result.eligible(), 7u);

  expect_ok(secretary->call(cmd::resolution(motion, "物业公司", "2026-12-31")), "resolution");
  expect_ok(chair->call(cmd::next_item()), "next item");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.current_item_id() == "lift"; }));
  // Ending with an item open is refused with what is open, and changes nothing.
  auto refused = chair->call(cmd::end_meeting());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().server.code(), v1::ERROR_INVALID_STATE);
  EXPECT_NE(refused.error().server.message_zh().find("议题"), std::string::npos);
  expect_ok(chair->call(cmd::close_item()), "close item");
  expect_ok(chair->call(cmd::end_meeting()), "end");
  ASSERT_TRUE(room.wait_for([](const auto& s) { return s.phase() == v1::MEETING_ENDED; }));
  EXPECT_EQ(room.snapshot().minutes().state(), v1::MINUTES_DRAFT);
  EXPECT_EQ(room.snapshot().resolutions_size(), 1);
  EXPECT_EQ(room.snapshot().dissent_size(), 2);

  // The projector drew all of it from its snapshots: it was sent no events.
  EXPECT_TRUE(room.events().empty());
}

}  // namespace
}  // namespace gavel::test
