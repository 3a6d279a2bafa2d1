// The speaking timer: limits by item and kind of speech, pause/resume/
// extend, the warning phase at 60 s left, overtime, and the record of every
// speech's start, end and duration. The timer is a function of the recorded
// speech and a given time, so tests read it at chosen instants.
#include "core/speech_timer.hpp"

#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

const char* name_of_phase(TimerPhase p) {
  switch (p) {
    case TimerPhase::normal:
      return "normal";
    case TimerPhase::warning:
      return "warning";
    case TimerPhase::overtime:
      return "overtime";
  }
  return "?";
}

class SpeechTimer : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.ok(cmd::CheckIn{"expert1"}, chair());
  }
  const Speech& speech() {
    EXPECT_TRUE(m.state().speech.has_value()) << "nobody has the floor";
    return *m.state().speech;
  }
  Millis left() { return remaining(speech(), m.clock.now()); }
  MeetingDriver m;
};

TEST_F(SpeechTimer, DefaultLimitIsFiveMinutes) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  EXPECT_EQ(speech().limit_s, 300u);
  EXPECT_EQ(allowed_ms(speech()), 300 * kSecond);
  EXPECT_EQ(deadline(speech(), m.clock.now()), m.clock.now() + 300 * kSecond);
}

struct LimitCase {
  const char* name;
  std::uint32_t item_limit_s;
  RequestKind kind;
  std::uint32_t expected_s;
};

class SpeechLimit : public ::testing::TestWithParam<LimitCase> {};

TEST_P(SpeechLimit, ComesFromTheItemAndTheKindOfSpeech) {
  const LimitCase& c = GetParam();
  MeetingDriver m(SetupBuilder().members("r", 2).item("x").speech_limit(c.item_limit_s).build());
  m.start();
  m.check_in_fixed_members();
  m.open("x");
  Id r = m.ok(cmd::RequestFloor{c.kind, ""}, participant("r1")).created_id;
  Decision d = m.ok(cmd::GrantFloor{r, {}}, chair());
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(std::get<ev::SpeechStarted>(d.events.back().body).limit_s, c.expected_s);
  EXPECT_EQ(m.state().speech->limit_s, c.expected_s);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SpeechLimit,
    ::testing::Values(LimitCase{"contribution_default", 300, RequestKind::contribution, 300},
                      LimitCase{"pro_default", 300, RequestKind::pro, 300},
                      LimitCase{"contra_item_limit", 180, RequestKind::contra, 180},
                      LimitCase{"long_item", 600, RequestKind::contribution, 600},
                      LimitCase{"reply_at_most_60", 300, RequestKind::reply, 60},
                      LimitCase{"point_of_order_at_most_60", 300, RequestKind::point_of_order, 60},
                      LimitCase{"reply_shorter_item", 45, RequestKind::reply, 45},
                      LimitCase{"point_of_order_shorter_item", 30, RequestKind::point_of_order,
                                30}),
    [](const ::testing::TestParamInfo<LimitCase>& p) { return p.param.name; });

TEST_F(SpeechTimer, PerItemLimitApplies) {
  m.open("lift");
  m.ok(cmd::GrantFloor{0, "expert1"}, chair());
  EXPECT_EQ(speech().limit_s, 120u);
}

struct PhaseCase {
  std::int64_t after_s;
  Millis remaining_ms;
  TimerPhase phase;
  Millis overtime_ms;
};

TEST_F(SpeechTimer, WarnsAtSixtySecondsLeftThenCountsOvertime) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  const Millis start = m.clock.now();
  const PhaseCase cases[] = {
      {0, 300'000, TimerPhase::normal, 0},
      {239, 61'000, TimerPhase::normal, 0},
      {240, 60'000, TimerPhase::warning, 0},
      {299, 1'000, TimerPhase::warning, 0},
      {300, 0, TimerPhase::warning, 0},
      {301, -1'000, TimerPhase::overtime, 1'000},
      {330, -30'000, TimerPhase::overtime, 30'000},
  };
  for (const PhaseCase& c : cases) {
    const Millis at = start + c.after_s * kSecond;
    EXPECT_EQ(remaining(speech(), at), c.remaining_ms) << "after " << c.after_s << " s";
    EXPECT_EQ(timer_phase(speech(), at), c.phase)
        << "after " << c.after_s << " s: " << name_of_phase(timer_phase(speech(), at));
    EXPECT_EQ(overtime(speech(), at), c.overtime_ms) << "after " << c.after_s << " s";
    EXPECT_EQ(spoken(speech(), at), c.after_s * kSecond);
  }
  EXPECT_EQ(timer_phase(speech(), start + 240 * kSecond - 1), TimerPhase::normal);
}

TEST_F(SpeechTimer, PauseStopsTheClockAndResumeRestartsIt) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(100);
  m.ok(cmd::PauseTimer{}, chair());
  EXPECT_EQ(left(), 200 * kSecond);
  m.clock.advance_s(50);
  EXPECT_EQ(left(), 200 * kSecond) << "a paused timer does not run";
  EXPECT_EQ(deadline(speech(), m.clock.now()), m.clock.now() + 200 * kSecond)
      << "paused: the deadline is as if resumed now";
  m.ok(cmd::ResumeTimer{}, chair());
  EXPECT_EQ(left(), 200 * kSecond);
  m.clock.advance_s(10);
  EXPECT_EQ(left(), 190 * kSecond);
  EXPECT_EQ(deadline(speech(), m.clock.now()), m.clock.now() + 190 * kSecond);

  // A second pause adds to the first.
  m.ok(cmd::PauseTimer{}, chair());
  m.clock.advance_s(25);
  m.ok(cmd::ResumeTimer{}, chair());
  m.clock.advance_s(5);
  EXPECT_EQ(left(), 185 * kSecond);
  EXPECT_EQ(speech().paused_total, 75 * kSecond);
  EXPECT_EQ(spoken(speech(), m.clock.now()), 115 * kSecond);
}

TEST_F(SpeechTimer, PauseAndResumeMustAlternate) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.rejects(cmd::ResumeTimer{}, chair(), ErrorCode::invalid_state);
  m.ok(cmd::PauseTimer{}, chair());
  m.rejects(cmd::PauseTimer{}, chair(), ErrorCode::invalid_state);
}

TEST_F(SpeechTimer, TimerCommandsNeedASpeech) {
  m.open("parking");
  m.rejects(cmd::PauseTimer{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::ResumeTimer{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::ExtendTimer{30}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::EndSpeech{}, chair(), ErrorCode::invalid_state);
}

TEST_F(SpeechTimer, ExtendAddsTime) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(280);
  m.ok(cmd::ExtendTimer{60}, chair());
  EXPECT_EQ(speech().extended_s, 60u);
  EXPECT_EQ(left(), 80 * kSecond);
  EXPECT_EQ(timer_phase(speech(), m.clock.now()), TimerPhase::normal);
  m.ok(cmd::ExtendTimer{30}, chair());
  EXPECT_EQ(allowed_ms(speech()), 390 * kSecond);
  m.rejects(cmd::ExtendTimer{0}, chair(), ErrorCode::invalid_argument);
  m.rejects(cmd::ExtendTimer{3601}, chair(), ErrorCode::invalid_argument);
  m.ok(cmd::ExtendTimer{3600}, chair());
}

TEST_F(SpeechTimer, ExtendWorksWhilePaused) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(100);
  m.ok(cmd::PauseTimer{}, chair());
  m.ok(cmd::ExtendTimer{20}, chair());
  EXPECT_EQ(left(), 220 * kSecond);
}

TEST_F(SpeechTimer, EveryFinishedSpeechRecordsStartEndAndDuration) {
  m.open("parking");
  const Millis start = m.clock.now();
  Decision granted = m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.clock.advance_s(40);
  m.ok(cmd::PauseTimer{}, chair());
  m.clock.advance_s(15);
  m.ok(cmd::ResumeTimer{}, chair());
  m.clock.advance_s(20);
  Decision ended = m.ok(cmd::EndSpeech{}, chair());
  ASSERT_EQ(ended.events.size(), 1u);
  EXPECT_EQ(std::get<ev::SpeechEnded>(ended.events[0].body).speech_id, granted.created_id);
  EXPECT_FALSE(m.state().speech.has_value());
  ASSERT_EQ(m.state().speeches.size(), 1u);
  const Speech& sp = m.state().speeches[0];
  EXPECT_EQ(sp.id, granted.created_id);
  EXPECT_EQ(sp.participant_id, "youth1");
  EXPECT_EQ(sp.item_id, "parking");
  EXPECT_EQ(sp.started, start);
  EXPECT_EQ(sp.ended, start + 75 * kSecond);
  EXPECT_EQ(spoken(sp, sp.ended + 999 * kSecond), 60 * kSecond)
      << "a finished speech's duration does not grow";
  EXPECT_EQ(m.state().totals_by_person.at("youth1").spoken, 60 * kSecond);
}

TEST_F(SpeechTimer, EndingWhilePausedCountsOnlyTheTimeSpoken) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.clock.advance_s(30);
  m.ok(cmd::PauseTimer{}, chair());
  m.clock.advance_s(100);
  m.ok(cmd::EndSpeech{}, chair());
  const Speech& sp = m.state().speeches.at(0);
  EXPECT_EQ(sp.paused_at, 0) << "the pause is over when the speech ends";
  EXPECT_EQ(sp.paused_total, 100 * kSecond);
  EXPECT_EQ(spoken(sp, m.clock.now()), 30 * kSecond);
}

TEST_F(SpeechTimer, OvertimeIsKeptInTheRecord) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.clock.advance_s(345);
  m.ok(cmd::EndSpeech{}, chair());
  const Speech& sp = m.state().speeches.at(0);
  EXPECT_EQ(spoken(sp, m.clock.now()), 345 * kSecond);
  EXPECT_EQ(overtime(sp, m.clock.now()), 45 * kSecond);
  EXPECT_EQ(timer_phase(sp, m.clock.now()), TimerPhase::overtime);
}

TEST_F(SpeechTimer, OneSpeechAtATime) {
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.ok(cmd::GrantFloor{0, "youth2"}, chair());
  EXPECT_EQ(m.state().speech->participant_id, "youth2");
  ASSERT_EQ(m.state().speeches.size(), 1u);
  EXPECT_NE(m.state().speeches[0].id, m.state().speech->id);
}

// The timer functions on their own, with hand-made speeches.
TEST(SpeechTimerFunctions, ComputeFromTheRecordedSpeech) {
  Speech sp;
  sp.started = 1'000'000;
  sp.limit_s = 60;
  sp.extended_s = 30;
  EXPECT_EQ(allowed_ms(sp), 90'000);
  EXPECT_EQ(remaining(sp, 1'000'000 + 30'000), 60'000);
  EXPECT_EQ(timer_phase(sp, 1'000'000 + 30'000), TimerPhase::warning);
  EXPECT_EQ(timer_phase(sp, 1'000'000 + 29'999), TimerPhase::normal);
  sp.paused_total = 10'000;
  EXPECT_EQ(remaining(sp, 1'000'000 + 30'000), 70'000);
  sp.paused_at = 1'000'000 + 40'000;
  EXPECT_EQ(spoken(sp, 1'000'000 + 90'000), 30'000) << "paused: time stops at the pause";
  sp.ended = 1'000'000 + 50'000;
  sp.paused_at = 0;
  EXPECT_EQ(spoken(sp, 2'000'000), 40'000);
}

}  // namespace
}  // namespace gavel::test
