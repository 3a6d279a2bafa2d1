// The list of speakers: requests of every kind, withdrawal, the chair's
// grant/next/move/remove, closing the list, the ordering rules (points of
// order first, then replies; first-time speakers first; alternating groups),
// the per-item cap, presence and eligibility, and speaking totals.
#include "core/speaker_queue.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

std::vector<std::string> who_is_queued(const MeetingState& s) {
  std::vector<std::string> out;
  for (const SpeakRequest& r : s.queue) out.push_back(r.participant_id);
  return out;
}

using Names = std::vector<std::string>;

class SpeakerQueue : public ::testing::Test {
 protected:
  explicit SpeakerQueue(MeetingSetup setup = sample_setup()) : m(std::move(setup)) {}
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("parking");
  }
  Id request(const std::string& who, RequestKind kind = RequestKind::contribution,
             test::Where where = test::Where::here()) {
    return m.ok(cmd::RequestFloor{kind, ""}, participant(who), where).created_id;
  }
  void speak(const std::string& who, std::int64_t seconds,
             RequestKind kind = RequestKind::contribution,
             test::Where where = test::Where::here()) {
    Id id = request(who, kind, where);
    m.ok(cmd::GrantFloor{id, {}}, chair(), where);
    m.clock.advance_s(seconds);
    m.ok(cmd::EndSpeech{}, chair(), where);
  }
  MeetingDriver m;
};

TEST_F(SpeakerQueue, RequestsJoinTheEndOfTheListInArrivalOrder) {
  m.clock.advance_s(3);
  Decision d = m.ok(cmd::RequestFloor{}, participant("youth1"));
  ASSERT_EQ(d.events.size(), 1u);
  const auto& requested = std::get<ev::FloorRequested>(d.events[0].body);
  EXPECT_EQ(requested.participant_id, "youth1");
  EXPECT_EQ(requested.kind, RequestKind::contribution);
  EXPECT_EQ(d.created_id, requested.request_id);
  request("elderly1");
  request("tenant1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"youth1", "elderly1", "tenant1"}));
  EXPECT_EQ(m.state().queue[0].requested, kMeetingDay + 3 * kSecond);
  EXPECT_EQ(m.state().queue[1].id, m.state().queue[0].id + 1) << "request ids count up";
}

TEST_F(SpeakerQueue, EveryKindOfRequestIsAccepted) {
  const RequestKind kinds[] = {RequestKind::contribution, RequestKind::pro, RequestKind::contra,
                               RequestKind::reply, RequestKind::point_of_order};
  for (RequestKind kind : kinds) {
    Decision d = m.ok(cmd::RequestFloor{kind, ""}, participant("tenant2"));
    ASSERT_EQ(d.events.size(), 1u) << name_of(kind);
    EXPECT_EQ(std::get<ev::FloorRequested>(d.events[0].body).kind, kind);
  }
  EXPECT_EQ(m.state().queue.size(), 5u);
}

TEST_F(SpeakerQueue, UnknownKindIsInvalid) {
  m.rejects(cmd::RequestFloor{static_cast<RequestKind>(0), ""}, participant("youth1"),
            ErrorCode::invalid_argument);
  m.rejects(cmd::RequestFloor{static_cast<RequestKind>(6), ""}, participant("youth1"),
            ErrorCode::invalid_argument);
}

TEST_F(SpeakerQueue, SameKindTwiceIsDuplicate) {
  request("youth1", RequestKind::pro);
  m.rejects(cmd::RequestFloor{RequestKind::pro, ""}, participant("youth1"), ErrorCode::duplicate);
}

TEST_F(SpeakerQueue, RequestNeedsAnOpenItem) {
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::RequestFloor{}, participant("youth1"), ErrorCode::invalid_state);
}

TEST_F(SpeakerQueue, ChairRequestsForSomeoneButAParticipantOnlyForThemselves) {
  m.ok(cmd::RequestFloor{RequestKind::contribution, "elderly4"}, chair());
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly4"}));
  m.rejects(cmd::RequestFloor{RequestKind::contribution, "elderly2"}, participant("youth1"),
            ErrorCode::not_allowed);
  m.ok(cmd::RequestFloor{}, clicker("elderly2"));
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly4", "elderly2"}));
}

TEST_F(SpeakerQueue, PointOfOrderJumpsTheQueue) {
  request("elderly1");
  request("elderly2");
  request("youth1", RequestKind::point_of_order);
  EXPECT_EQ(who_is_queued(m.state()), (Names{"youth1", "elderly1", "elderly2"}));
  request("tenant1", RequestKind::point_of_order);
  EXPECT_EQ(who_is_queued(m.state()), (Names{"youth1", "tenant1", "elderly1", "elderly2"}))
      << "points of order among themselves keep arrival order";
}

TEST_F(SpeakerQueue, RepliesComeAfterPointsOfOrderAndBeforeContributions) {
  request("elderly1");
  request("youth1", RequestKind::reply);
  request("tenant1", RequestKind::point_of_order);
  request("youth2", RequestKind::reply);
  request("elderly2", RequestKind::pro);
  EXPECT_EQ(who_is_queued(m.state()),
            (Names{"tenant1", "youth1", "youth2", "elderly1", "elderly2"}));
}

TEST_F(SpeakerQueue, ClosedListTakesOnlyPointsOfOrder) {
  request("elderly1");
  m.ok(cmd::CloseList{}, chair());
  EXPECT_TRUE(m.state().list_closed);
  for (RequestKind kind :
       {RequestKind::contribution, RequestKind::pro, RequestKind::contra, RequestKind::reply})
    m.rejects(cmd::RequestFloor{kind, ""}, participant("youth1"), ErrorCode::invalid_state);
  request("youth1", RequestKind::point_of_order);
  EXPECT_EQ(who_is_queued(m.state()), (Names{"youth1", "elderly1"}));
  m.rejects(cmd::CloseList{}, chair(), ErrorCode::duplicate);
  m.ok(cmd::ReopenList{}, chair());
  EXPECT_FALSE(m.state().list_closed);
  m.rejects(cmd::ReopenList{}, chair(), ErrorCode::duplicate);
  request("youth2");
  EXPECT_EQ(m.state().queue.back().participant_id, "youth2");
}

TEST_F(SpeakerQueue, ParticipantWithdrawsTheirOwnRequestOnly) {
  Id mine = request("youth1");
  Id theirs = request("elderly1");
  m.rejects(cmd::WithdrawRequest{theirs}, participant("youth1"), ErrorCode::not_allowed);
  m.ok(cmd::WithdrawRequest{mine}, participant("youth1"));
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1"}));
  m.rejects(cmd::WithdrawRequest{mine}, participant("youth1"), ErrorCode::not_found);
  m.ok(cmd::WithdrawRequest{}, participant("elderly1"));  // no id: the sender's own
  EXPECT_TRUE(m.state().queue.empty());
  m.rejects(cmd::WithdrawRequest{}, participant("elderly1"), ErrorCode::not_found);
}

TEST_F(SpeakerQueue, ChairWithdrawsOrRemovesAnyRequest) {
  Id a = request("youth1");
  Id b = request("elderly1");
  m.ok(cmd::WithdrawRequest{a}, chair());
  Decision d = m.ok(cmd::RemoveRequest{b}, chair());
  EXPECT_EQ(std::get<ev::RequestRemoved>(d.events[0].body).request_id, b);
  EXPECT_TRUE(m.state().queue.empty());
  m.rejects(cmd::RemoveRequest{b}, chair(), ErrorCode::not_found);
  m.rejects(cmd::WithdrawRequest{}, chair(), ErrorCode::not_found);
}

TEST_F(SpeakerQueue, ChairMovesARequest) {
  request("elderly1");
  request("elderly2");
  Id c = request("youth1");
  m.ok(cmd::MoveRequest{c, 0}, chair());
  EXPECT_EQ(who_is_queued(m.state()), (Names{"youth1", "elderly1", "elderly2"}));
  m.ok(cmd::MoveRequest{c, 1}, chair());
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1", "youth1", "elderly2"}));
  m.ok(cmd::MoveRequest{c, 99}, chair());
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1", "elderly2", "youth1"}))
      << "a position past the end means the end";
  m.rejects(cmd::MoveRequest{777, 0}, chair(), ErrorCode::not_found);
}

TEST_F(SpeakerQueue, GrantByRequestGivesTheFloorAndTakesItOffTheList) {
  request("elderly1");
  Id r = request("youth1", RequestKind::contra);
  Decision d = m.ok(cmd::GrantFloor{r, {}}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  const auto& started = std::get<ev::SpeechStarted>(d.events[0].body);
  EXPECT_EQ(started.participant_id, "youth1");
  EXPECT_EQ(started.request_id, r);
  EXPECT_EQ(started.kind, RequestKind::contra);
  EXPECT_EQ(d.created_id, started.speech_id);
  ASSERT_TRUE(m.state().speech.has_value());
  EXPECT_EQ(m.state().speech->participant_id, "youth1");
  EXPECT_EQ(m.state().speech->item_id, "parking");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1"}));
  m.rejects(cmd::GrantFloor{r, {}}, chair(), ErrorCode::not_found);
}

TEST_F(SpeakerQueue, GrantByNameNeedsNoRequest) {
  Decision d = m.ok(cmd::GrantFloor{0, "merchant1"}, chair());
  const auto& started = std::get<ev::SpeechStarted>(d.events[0].body);
  EXPECT_EQ(started.participant_id, "merchant1");
  EXPECT_EQ(started.request_id, 0u);
  EXPECT_EQ(started.kind, RequestKind::contribution);
  m.rejects(cmd::GrantFloor{0, "ghost"}, chair(), ErrorCode::not_found);
  m.rejects(cmd::GrantFloor{0, ""}, chair(), ErrorCode::not_found);
}

TEST_F(SpeakerQueue, GrantingTheFloorEndsThePreviousSpeech) {
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(10);
  Decision d = m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ev::SpeechEnded>(d.events[0].body));
  EXPECT_TRUE(std::holds_alternative<ev::SpeechStarted>(d.events[1].body));
  ASSERT_EQ(m.state().speeches.size(), 1u);
  EXPECT_EQ(m.state().speeches[0].participant_id, "elderly1");
  EXPECT_EQ(m.state().speech->participant_id, "youth1");
}

TEST_F(SpeakerQueue, NextSpeakerTakesTheHeadOfTheList) {
  request("elderly1");
  request("youth1", RequestKind::point_of_order);
  m.ok(cmd::NextSpeaker{}, chair());
  EXPECT_EQ(m.state().speech->participant_id, "youth1");
  EXPECT_EQ(m.state().speech->kind, RequestKind::point_of_order);
  m.ok(cmd::NextSpeaker{}, chair());
  EXPECT_EQ(m.state().speech->participant_id, "elderly1");
  EXPECT_EQ(m.state().speeches.size(), 1u);
  m.rejects(cmd::NextSpeaker{}, chair(), ErrorCode::invalid_state);
}

TEST_F(SpeakerQueue, AbsentPeopleCannotAskForOrBeGivenTheFloor) {
  m.ok(cmd::CheckOut{}, participant("youth2"));
  m.rejects(cmd::RequestFloor{}, participant("youth2"), ErrorCode::not_present);
  m.rejects(cmd::RequestFloor{RequestKind::point_of_order, ""}, participant("youth2"),
            ErrorCode::not_present);
  m.rejects(cmd::GrantFloor{0, "youth2"}, chair(), ErrorCode::not_present);
}

TEST_F(SpeakerQueue, InvitedMembersSpeakOnlyOnTheirItems) {
  m.ok(cmd::CheckIn{"expert1"}, chair());
  m.rejects(cmd::RequestFloor{}, participant("expert1"), ErrorCode::not_eligible);
  m.rejects(cmd::RequestFloor{RequestKind::point_of_order, ""}, participant("expert1"),
            ErrorCode::not_eligible);
  m.rejects(cmd::GrantFloor{0, "expert1"}, chair(), ErrorCode::not_eligible);
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  Id r = request("expert1");
  m.ok(cmd::GrantFloor{r, {}}, chair());
  EXPECT_EQ(m.state().speech->participant_id, "expert1");
}

TEST_F(SpeakerQueue, TotalsArePerPersonAndPerGroup) {
  speak("elderly1", 30);
  speak("elderly2", 45);
  speak("youth1", 20);
  speak("elderly1", 15, RequestKind::reply);
  const MeetingState& s = m.state();
  EXPECT_EQ(s.totals_by_person.at("elderly1").spoken, 45 * kSecond);
  EXPECT_EQ(s.totals_by_person.at("elderly1").speeches, 2u);
  EXPECT_EQ(s.totals_by_person.at("elderly2").spoken, 45 * kSecond);
  EXPECT_EQ(s.totals_by_person.at("youth1").speeches, 1u);
  EXPECT_EQ(s.totals_by_group.at("elderly").spoken, 90 * kSecond);
  EXPECT_EQ(s.totals_by_group.at("elderly").speeches, 3u);
  EXPECT_EQ(s.totals_by_group.at("youth").spoken, 20 * kSecond);
  EXPECT_EQ(s.totals_by_group.count("tenant"), 0u);
  EXPECT_EQ(speeches_on_item(s, "elderly1", "parking"), 2u);
  EXPECT_EQ(speeches_on_item(s, "elderly1", "lift"), 0u);
}

// lift: at most 2 speeches per person; points of order are not speeches.
TEST_F(SpeakerQueue, PerItemCapOnSpeechesIsLimitReached) {
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  speak("tenant1", 10);
  speak("tenant1", 10, RequestKind::pro);
  m.rejects(cmd::RequestFloor{}, participant("tenant1"), ErrorCode::limit_reached);
  m.rejects(cmd::RequestFloor{RequestKind::reply, ""}, participant("tenant1"),
            ErrorCode::limit_reached);
  m.rejects(cmd::GrantFloor{0, "tenant1"}, chair(), ErrorCode::limit_reached);
  request("tenant1", RequestKind::point_of_order);
  EXPECT_EQ(who_is_queued(m.state()), (Names{"tenant1"}));
  speak("tenant2", 10);  // others are not affected
}

TEST_F(SpeakerQueue, QueuedRequestsCountTowardsTheCap) {
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  request("tenant1", RequestKind::pro);
  request("tenant1", RequestKind::contra);
  m.rejects(cmd::RequestFloor{RequestKind::contribution, ""}, participant("tenant1"),
            ErrorCode::limit_reached);
  m.ok(cmd::NextSpeaker{}, chair());  // speaking now: 1 speech + 1 request = 2
  m.rejects(cmd::RequestFloor{RequestKind::contribution, ""}, participant("tenant1"),
            ErrorCode::limit_reached);
}

TEST_F(SpeakerQueue, ChairCannotBeatTheCapByGrantingByName) {
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  Id queued = request("tenant1");
  m.ok(cmd::GrantFloor{0, "tenant1"}, chair());
  m.ok(cmd::GrantFloor{0, "tenant1"}, chair());
  m.rejects(cmd::GrantFloor{queued, {}}, chair(), ErrorCode::limit_reached);
  m.rejects(cmd::NextSpeaker{}, chair(), ErrorCode::limit_reached);
  m.ok(cmd::RemoveRequest{queued}, chair());
}

TEST_F(SpeakerQueue, CapCountsOnlyThisItem) {
  speak("tenant1", 10);
  speak("tenant1", 10);
  speak("tenant1", 10);  // parking has no cap
  m.ok(cmd::CloseItem{}, chair());
  m.open("lift");
  speak("tenant1", 10);
  speak("tenant1", 10);
  m.rejects(cmd::RequestFloor{}, participant("tenant1"), ErrorCode::limit_reached);
}

class FirstTimeSpeakers : public SpeakerQueue {
 protected:
  FirstTimeSpeakers()
      : SpeakerQueue(SetupBuilder()
                         .first_time_speakers_first()
                         .members("elderly", 3)
                         .members("youth", 2)
                         .item("parking")
                         .build()) {}
};

TEST_F(FirstTimeSpeakers, GoAheadOfThoseWhoHaveSpoken) {
  speak("elderly1", 10);
  request("elderly1");
  request("elderly2");
  request("youth1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly2", "youth1", "elderly1"}));
  request("youth2", RequestKind::reply);
  EXPECT_EQ(m.state().queue.front().participant_id, "youth2") << "replies still come first";
}

TEST_F(SpeakerQueue, WithoutTheRuleThoseWhoHaveSpokenKeepTheirPlace) {
  speak("elderly1", 10);
  request("elderly1");
  request("elderly2");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1", "elderly2"}));
}

class AlternatingGroups : public SpeakerQueue {
 protected:
  AlternatingGroups()
      : SpeakerQueue(SetupBuilder()
                         .alternate_groups()
                         .members("elderly", 5)
                         .members("youth", 2)
                         .members("tenant", 2)
                         .item("parking")
                         .build()) {}
};

TEST_F(AlternatingGroups, OneGroupCannotFillTheList) {
  request("elderly1");
  request("elderly2");
  request("elderly3");
  request("youth1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1", "youth1", "elderly2", "elderly3"}))
      << "the youth goes second, not fourth";
  request("tenant1");
  EXPECT_EQ(who_is_queued(m.state()),
            (Names{"elderly1", "youth1", "tenant1", "elderly2", "elderly3"}));
  request("youth2");
  EXPECT_EQ(who_is_queued(m.state()),
            (Names{"elderly1", "youth1", "tenant1", "elderly2", "youth2", "elderly3"}));
  request("elderly4");
  EXPECT_EQ(m.state().queue.back().participant_id, "elderly4");
}

TEST_F(AlternatingGroups, PointsOfOrderStillComeFirst) {
  request("elderly1");
  request("elderly2");
  request("elderly3", RequestKind::point_of_order);
  request("youth1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly3", "elderly1", "youth1", "elderly2"}));
}

class BothRules : public SpeakerQueue {
 protected:
  BothRules()
      : SpeakerQueue(SetupBuilder()
                         .first_time_speakers_first()
                         .alternate_groups()
                         .members("elderly", 4)
                         .members("youth", 2)
                         .item("parking")
                         .build()) {}
};

TEST_F(BothRules, FirstTimersFirstThenGroupsInTurn) {
  speak("elderly1", 10);
  request("elderly1");
  request("elderly2");
  request("elderly3");
  request("youth1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly2", "youth1", "elderly3", "elderly1"}));
  request("youth2");
  EXPECT_EQ(who_is_queued(m.state()),
            (Names{"elderly2", "youth1", "elderly3", "youth2", "elderly1"}));
}

TEST_F(SpeakerQueue, WithoutAlternationTheListKeepsArrivalOrder) {
  request("elderly1");
  request("elderly2");
  request("elderly3");
  request("youth1");
  EXPECT_EQ(who_is_queued(m.state()), (Names{"elderly1", "elderly2", "elderly3", "youth1"}));
}

}  // namespace
}  // namespace gavel::test
