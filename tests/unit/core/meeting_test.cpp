// The meeting's frame: the setup carried into the state, start and end,
// the event envelope (seq, time, actor) and signing the minutes.
#include "core/meeting.hpp"

#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

TEST(Meeting, StartsFromTheSetup) {
  MeetingSetup setup = sample_setup();
  Meeting meeting(setup);
  const MeetingState& s = meeting.state();
  EXPECT_EQ(s.info.title, setup.info.title);
  EXPECT_EQ(s.info.scheduled_start, kMeetingDay);
  EXPECT_EQ(s.phase, Phase::scheduled);
  EXPECT_EQ(s.seq, 0u);
  EXPECT_EQ(s.minutes, MinutesState::not_started);
  ASSERT_EQ(s.roster.size(), setup.roster.size());
  for (std::size_t i = 0; i < setup.roster.size(); ++i) {
    EXPECT_EQ(s.roster[i].info.id, setup.roster[i].id);
    EXPECT_FALSE(s.roster[i].present) << setup.roster[i].id << " is present before checking in";
    ASSERT_NE(s.member(setup.roster[i].id), nullptr);
  }
  ASSERT_EQ(s.agenda.size(), 3u);
  EXPECT_EQ(s.agenda[0].info.id, "parking");
  EXPECT_EQ(s.agenda[1].info.id, "lift");
  EXPECT_EQ(s.agenda[2].info.id, "greening");
  for (const Item& item : s.agenda) EXPECT_EQ(item.state, ItemState::pending) << item.info.id;
  EXPECT_EQ(s.member("nobody"), nullptr);
  EXPECT_EQ(s.item("nothing"), nullptr);
  EXPECT_EQ(s.open_item(), nullptr);
  EXPECT_EQ(s.open_vote(), nullptr);
}

TEST(Meeting, StartRecordsTheTimeAndHappensOnce) {
  MeetingDriver m;
  m.clock.advance_s(90);
  Decision d = m.ok(cmd::StartMeeting{}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ev::MeetingStarted>(d.events[0].body));
  EXPECT_EQ(m.state().phase, Phase::in_session);
  EXPECT_EQ(m.state().started, kMeetingDay + 90 * kSecond);
  m.rejects(cmd::StartMeeting{}, chair(), ErrorCode::invalid_state);
}

TEST(Meeting, EventsCarrySequenceTimeAndActor) {
  MeetingDriver m;
  Decision started = m.ok(cmd::StartMeeting{}, chair());
  m.clock.advance_s(5);
  Decision checked = m.ok(cmd::CheckIn{}, participant("youth1"));
  m.clock.advance_s(5);
  Decision attached = m.ok(cmd::AttachOpinion{"lift", "三号楼住户", "支持加装电梯"}, secretary());
  ASSERT_EQ(started.events.size(), 1u);
  ASSERT_EQ(checked.events.size(), 1u);
  ASSERT_EQ(attached.events.size(), 1u);
  EXPECT_EQ(started.events[0].seq, 1u);
  EXPECT_EQ(started.events[0].at, kMeetingDay);
  EXPECT_EQ(started.events[0].actor, "chair");
  EXPECT_EQ(checked.events[0].seq, 2u);
  EXPECT_EQ(checked.events[0].at, kMeetingDay + 5 * kSecond);
  EXPECT_EQ(checked.events[0].actor, "youth1");
  EXPECT_EQ(attached.events[0].seq, 3u);
  EXPECT_EQ(attached.events[0].actor, "secretary");
  EXPECT_EQ(m.state().seq, 3u);
  EXPECT_STREQ(event_name(checked.events[0].body), "checked_in");
}

TEST(Meeting, ParticipantNotOnTheRosterIsUnauthenticated) {
  MeetingDriver m;
  m.start();
  m.rejects(cmd::CheckIn{}, participant("stranger"), ErrorCode::unauthenticated);
  m.rejects(cmd::CheckIn{}, clicker("stranger"), ErrorCode::unauthenticated);
  m.rejects(cmd::CheckIn{}, participant(""), ErrorCode::unauthenticated);
}

TEST(Meeting, NothingHappensOnTheAgendaBeforeTheStart) {
  MeetingDriver m;
  m.rejects(cmd::OpenItem{"parking"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::NextItem{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::EndMeeting{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::SignMinutes{"记录员"}, secretary(), ErrorCode::invalid_state);
}

TEST(Meeting, ForcedEndClosesTheItemEndsTheSpeechAndDraftsTheMinutes) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(42);
  const Millis end = m.clock.now();
  Decision d = m.ok(cmd::EndMeeting{true}, chair());

  ASSERT_EQ(d.events.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<ev::SpeechEnded>(d.events[0].body));
  ASSERT_TRUE(std::holds_alternative<ev::ItemClosed>(d.events[1].body));
  EXPECT_EQ(std::get<ev::ItemClosed>(d.events[1].body).item_id, "parking");
  ASSERT_TRUE(std::holds_alternative<ev::MeetingEnded>(d.events[2].body));
  EXPECT_TRUE(std::get<ev::MeetingEnded>(d.events[2].body).forced);

  const MeetingState& s = m.state();
  EXPECT_EQ(s.phase, Phase::ended);
  EXPECT_EQ(s.ended, end);
  EXPECT_EQ(s.item("parking")->state, ItemState::closed);
  EXPECT_EQ(s.open_item(), nullptr);
  EXPECT_FALSE(s.speech.has_value());
  ASSERT_EQ(s.speeches.size(), 1u);
  EXPECT_EQ(s.speeches[0].ended, end);
  EXPECT_EQ(s.minutes, MinutesState::draft);
  EXPECT_EQ(s.minutes_due, end + 24 * 3600 * kSecond) << "minutes are due within 24 hours";
}

TEST(Meeting, EndWithNoItemOpenRecordsThePendingItemsAsNotReached) {
  MeetingDriver m;
  m.start();
  Decision d = m.ok(cmd::EndMeeting{}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<ev::MeetingEnded>(d.events[0].body));
  const auto& ended = std::get<ev::MeetingEnded>(d.events[0].body);
  EXPECT_FALSE(ended.forced);
  EXPECT_EQ(ended.not_reached.size(), m.state().agenda.size());
  for (const Item& item : m.state().agenda)
    EXPECT_EQ(item.state, ItemState::not_reached) << item.info.id << " was never opened";
}

TEST(Meeting, EndIsRefusedWhileAVoteIsOpen) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  m.ok(cmd::ProposeMotion{"增设临时车位", 0, ""}, participant("elderly1"));
  m.ok(cmd::SecondMotion{1, ""}, participant("youth1"));
  m.ok(cmd::OpenVote{vote_on(1)}, chair());
  m.rejects(cmd::EndMeeting{}, chair(), ErrorCode::invalid_state);
  m.ok(cmd::CloseVote{}, chair());
  m.ok(cmd::CloseItem{}, chair());
  m.ok(cmd::EndMeeting{}, chair());
}

TEST(Meeting, AfterTheEndTheMeetingCannotBeRestartedOrResumed) {
  MeetingDriver m;
  m.start();
  m.ok(cmd::EndMeeting{}, chair());
  m.rejects(cmd::StartMeeting{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::EndMeeting{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::OpenItem{"parking"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::NextItem{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::CheckIn{"elderly1"}, chair(), ErrorCode::invalid_state);
}

TEST(Meeting, MinutesAreSignedOnlyAfterTheEndAndOnlyOnce) {
  MeetingDriver m;
  m.start();
  m.rejects(cmd::SignMinutes{"王记录"}, secretary(), ErrorCode::invalid_state);
  m.ok(cmd::EndMeeting{}, chair());
  m.rejects(cmd::SignMinutes{""}, secretary(), ErrorCode::invalid_argument);
  m.clock.advance_s(3600);
  m.ok(signing(m.state(), "王记录"), secretary());
  EXPECT_EQ(m.state().minutes, MinutesState::signed_off);
  EXPECT_EQ(m.state().minutes_signed_by, "王记录");
  EXPECT_EQ(m.state().minutes_signed, m.clock.now());
  m.rejects(signing(m.state(), "王记录"), secretary(), ErrorCode::duplicate);
}

TEST(Meeting, CommandAndEventNamesAreStable) {
  EXPECT_STREQ(command_name(Command{cmd::StartMeeting{}}), "start_meeting");
  EXPECT_STREQ(command_name(Command{cmd::SignMinutes{}}), "sign_minutes");
  EXPECT_STREQ(command_name(Command{cmd::CastBallot{}}), "cast_ballot");
  EXPECT_STREQ(event_name(EventBody{ev::MeetingStarted{}}), "meeting_started");
  EXPECT_STREQ(event_name(EventBody{ev::MinutesSigned{}}), "minutes_signed");
  EXPECT_STREQ(event_name(EventBody{ev::BallotRecorded{}}), "ballot_recorded");
}

}  // namespace
}  // namespace gavel::test
