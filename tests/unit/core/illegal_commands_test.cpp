// Every illegal command returns a typed error, with a message in both
// languages, and changes nothing: the state's description, the sequence
// number and the record are the same before and after. One table, run
// against a busy meeting so that each refusal is for the stated reason.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

struct IllegalCase {
  const char* name;
  Command command;
  Actor actor;
  ErrorCode code;
};

// In session; fixed members present except tenant2; expert1 (invited for
// lift) present; parking open; youth1 speaking; elderly2 on the list
// (request 1); motion 1 by elderly1 under debate, motion 2 by youth2
// proposed; a named vote open on motion 1 in which elderly3 has voted.
void busy(MeetingDriver& m) {
  m.start();
  m.check_in_fixed_members();
  m.ok(cmd::CheckIn{"expert1"}, chair());
  m.ok(cmd::CheckOut{"tenant2"}, chair());
  m.open("parking");
  m.ok(cmd::RequestFloor{}, participant("elderly2"));
  m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.ok(cmd::ProposeMotion{"增设临时车位", 0, "elderly1"}, chair());
  m.ok(cmd::SecondMotion{1, "youth2"}, chair());
  m.ok(cmd::ProposeMotion{"夜间限行", 0, "youth2"}, chair());
  m.ok(cmd::OpenVote{vote_on(1)}, chair());
  cmd::CastBallot b;
  b.choices = {0};
  m.ok(b, participant("elderly3"));
}

// Test names, not bytes, in GoogleTest's output.
void PrintTo(const IllegalCase& c, std::ostream* os) { *os << c.name; }

cmd::CastBallot cast(std::vector<std::uint32_t> choices) {
  cmd::CastBallot c;
  c.choices = std::move(choices);
  return c;
}

const IllegalCase kCases[] = {
    // a participant doing a chair's or secretary's action
    {"participant_opens_item", cmd::OpenItem{"lift"}, participant("elderly1"),
     ErrorCode::not_allowed},
    {"participant_grants_floor", cmd::GrantFloor{0, "elderly1"}, participant("elderly1"),
     ErrorCode::not_allowed},
    {"participant_closes_vote", cmd::CloseVote{}, participant("elderly1"), ErrorCode::not_allowed},
    {"clicker_proposes", cmd::ProposeMotion{"x", 0, ""}, clicker("elderly1"),
     ErrorCode::not_allowed},
    {"display_checks_in", cmd::CheckIn{"elderly1"}, display(), ErrorCode::not_allowed},
    {"chair_votes", cast({0}), chair(), ErrorCode::not_allowed},
    {"chair_signs_minutes", cmd::SignMinutes{"主持人"}, chair(), ErrorCode::not_allowed},
    {"stranger", cmd::RequestFloor{}, participant("stranger"), ErrorCode::unauthenticated},
    // acting for somebody else
    {"participant_checks_out_other", cmd::CheckOut{"elderly1"}, participant("elderly4"),
     ErrorCode::not_allowed},
    {"participant_requests_for_other", cmd::RequestFloor{RequestKind::pro, "elderly1"},
     participant("elderly4"), ErrorCode::not_allowed},
    {"participant_withdraws_other", cmd::WithdrawRequest{1}, participant("elderly4"),
     ErrorCode::not_allowed},
    {"participant_dissents_for_other",
     cmd::RecordDissent{"", DissentKind::objection, "elderly1", "x", false},
     participant("elderly4"), ErrorCode::not_allowed},
    {"participant_withdraws_others_motion", cmd::WithdrawMotion{2}, participant("elderly4"),
     ErrorCode::not_allowed},
    {"seconding_own_motion", cmd::SecondMotion{2, ""}, participant("youth2"),
     ErrorCode::not_allowed},
    // the frame
    {"start_twice", cmd::StartMeeting{}, chair(), ErrorCode::invalid_state},
    {"open_second_item", cmd::OpenItem{"lift"}, chair(), ErrorCode::invalid_state},
    {"open_unknown_item", cmd::OpenItem{"pool"}, chair(), ErrorCode::not_found},
    {"close_item_during_vote", cmd::CloseItem{}, chair(), ErrorCode::invalid_state},
    {"next_item_during_vote", cmd::NextItem{}, chair(), ErrorCode::invalid_state},
    {"end_during_vote", cmd::EndMeeting{}, chair(), ErrorCode::invalid_state},
    {"sign_before_end", cmd::SignMinutes{"记录员"}, secretary(), ErrorCode::invalid_state},
    {"opinion_for_unknown_item", cmd::AttachOpinion{"pool", "a", "b"}, secretary(),
     ErrorCode::not_found},
    // attendance
    {"duplicate_check_in", cmd::CheckIn{}, participant("elderly1"), ErrorCode::duplicate},
    {"absent_checks_out", cmd::CheckOut{}, participant("tenant2"), ErrorCode::not_present},
    {"speaker_checks_out", cmd::CheckOut{}, participant("youth1"), ErrorCode::invalid_state},
    {"check_in_unknown", cmd::CheckIn{"ghost"}, chair(), ErrorCode::not_found},
    {"interest_during_vote", cmd::DeclareInterest{"parking", ""}, participant("elderly1"),
     ErrorCode::invalid_state},
    // the floor
    {"absent_requests_floor", cmd::RequestFloor{}, participant("tenant2"), ErrorCode::not_present},
    {"floor_to_absent", cmd::GrantFloor{0, "tenant2"}, chair(), ErrorCode::not_present},
    {"floor_to_uninvited", cmd::GrantFloor{0, "expert1"}, chair(), ErrorCode::not_eligible},
    {"uninvited_requests", cmd::RequestFloor{}, participant("expert1"), ErrorCode::not_eligible},
    {"duplicate_request", cmd::RequestFloor{}, participant("elderly2"), ErrorCode::duplicate},
    {"unknown_request_kind", cmd::RequestFloor{static_cast<RequestKind>(42), ""},
     participant("elderly1"), ErrorCode::invalid_argument},
    {"grant_unknown_request", cmd::GrantFloor{99, {}}, chair(), ErrorCode::not_found},
    {"move_unknown_request", cmd::MoveRequest{99, 0}, chair(), ErrorCode::not_found},
    {"remove_unknown_request", cmd::RemoveRequest{99}, chair(), ErrorCode::not_found},
    {"reopen_open_list", cmd::ReopenList{}, chair(), ErrorCode::duplicate},
    {"resume_running_timer", cmd::ResumeTimer{}, chair(), ErrorCode::invalid_state},
    {"extend_by_zero", cmd::ExtendTimer{0}, chair(), ErrorCode::invalid_argument},
    {"extend_by_a_day", cmd::ExtendTimer{86400}, chair(), ErrorCode::invalid_argument},
    // the record
    {"empty_dissent", cmd::RecordDissent{"", DissentKind::objection, "", "", false}, secretary(),
     ErrorCode::invalid_argument},
    {"reply_unknown_dissent", cmd::ReplyDissent{5, "x"}, secretary(), ErrorCode::not_found},
    {"empty_motion", cmd::ProposeMotion{"", 0, ""}, participant("elderly1"),
     ErrorCode::invalid_argument},
    {"amend_unseconded", cmd::ProposeMotion{"修正", 2, ""}, participant("elderly1"),
     ErrorCode::invalid_state},
    {"amend_motion_being_voted", cmd::ProposeMotion{"修正", 1, ""}, participant("elderly4"),
     ErrorCode::invalid_state},
    {"second_debated_motion", cmd::SecondMotion{1, ""}, participant("elderly4"),
     ErrorCode::invalid_state},
    {"second_unknown_motion", cmd::SecondMotion{9, ""}, participant("elderly4"),
     ErrorCode::not_found},
    {"withdraw_while_voting", cmd::WithdrawMotion{1}, participant("elderly1"),
     ErrorCode::invalid_state},
    {"resolution_on_open_vote", cmd::RecordResolution{1, "", "物业", "2026-03-01"}, secretary(),
     ErrorCode::invalid_state},
    // votes
    {"open_second_vote", cmd::OpenVote{vote_on(2)}, chair(), ErrorCode::invalid_state},
    {"absent_votes", cast({0}), participant("tenant2"), ErrorCode::not_eligible},
    {"uninvited_votes", cast({0}), participant("expert1"), ErrorCode::not_eligible},
    {"no_choice", cast({}), participant("elderly1"), ErrorCode::invalid_argument},
    {"choice_out_of_range", cast({3}), participant("elderly1"), ErrorCode::invalid_argument},
    {"two_choices_on_yes_no", cast({0, 1}), participant("elderly1"), ErrorCode::invalid_argument},
};

class IllegalCommand : public ::testing::TestWithParam<IllegalCase> {};

TEST_P(IllegalCommand, ReturnsATypedErrorAndChangesNothing) {
  const IllegalCase& c = GetParam();
  MeetingDriver m;
  busy(m);
  ASSERT_FALSE(::testing::Test::HasFailure()) << "the busy meeting could not be set up";
  const Seq seq = m.state().seq;
  m.rejects(c.command, c.actor, c.code);
  EXPECT_EQ(m.state().seq, seq);
  // The meeting carries on normally after the refusal.
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(m.state().seq, seq + 1);
}

INSTANTIATE_TEST_SUITE_P(Table, IllegalCommand, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<IllegalCase>& p) {
                           return p.param.name;
                         });

TEST(IllegalCommands, RefusalsAfterTheEndChangeNothing) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.ok(cmd::EndMeeting{}, chair());
  m.rejects(cmd::StartMeeting{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::OpenItem{"lift"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::RequestFloor{}, participant("elderly1"), ErrorCode::invalid_state);
  m.rejects(cmd::GrantFloor{0, "elderly1"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::ProposeMotion{"x", 0, ""}, participant("elderly1"), ErrorCode::invalid_state);
  m.rejects(cmd::CloseList{}, chair(), ErrorCode::invalid_state);
  m.rejects(cast({0}), participant("elderly1"), ErrorCode::invalid_state);
}

}  // namespace
}  // namespace gavel::test
