// The permission table, walked whole: every command against every role. A
// role that may not send a command gets not_allowed and changes nothing,
// whatever the meeting's state; a role that may is never refused for its role.
#include "core/permissions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

constexpr Role kRoles[] = {Role::chair, Role::secretary, Role::participant, Role::display,
                           Role::clicker};

// The policy, written out again on purpose: a change to the table must be a
// change to this test too. Letters: c chair, s secretary, p participant,
// d display, k clicker.
const std::map<std::string, std::string> kPolicy = {
    {"start_meeting", "c"},    {"end_meeting", "c"},       {"open_item", "c"},
    {"close_item", "c"},       {"next_item", "c"},         {"attach_opinion", "cs"},
    {"check_in", "cspk"},      {"check_out", "csp"},       {"declare_interest", "csp"},
    {"request_floor", "cpk"},  {"withdraw_request", "cpk"}, {"grant_floor", "c"},
    {"next_speaker", "c"},     {"move_request", "c"},      {"remove_request", "c"},
    {"close_list", "c"},       {"reopen_list", "c"},       {"pause_timer", "c"},
    {"resume_timer", "c"},     {"extend_timer", "c"},      {"end_speech", "c"},
    {"record_dissent", "csp"}, {"reply_dissent", "cs"},    {"propose_motion", "cp"},
    {"second_motion", "cp"},   {"withdraw_motion", "cp"},  {"open_vote", "c"},
    {"close_vote", "c"},       {"cast_ballot", "pk"},      {"record_resolution", "cs"},
    {"sign_minutes", "s"},     {"defer_item", "c"},        {"reopen_item", "c"},
    {"update_resolution", "cs"},
    {"edit_minutes", "cs"},
};

char letter(Role role) {
  switch (role) {
    case Role::chair:
      return 'c';
    case Role::secretary:
      return 's';
    case Role::participant:
      return 'p';
    case Role::display:
      return 'd';
    case Role::clicker:
      return 'k';
  }
  return '?';
}

Actor actor_for(Role role) {
  // A participant or clicker acts as elderly1; the others have no roster id.
  if (role == Role::participant || role == Role::clicker) return Actor{role, "elderly1"};
  return Actor{role, {}};
}

cmd::CastBallot perm_ballot() {
  cmd::CastBallot c;
  c.vote_id = 1;
  c.choices = {0};
  c.fresh_receipt = "R-perm";
  return c;
}

// One concrete command per alternative of the Command variant, in variant
// order, each naming things that exist in busy_meeting().
std::vector<Command> one_of_each() {
  return {
      cmd::StartMeeting{},
      cmd::EndMeeting{true},
      cmd::OpenItem{"lift"},
      cmd::CloseItem{},
      cmd::NextItem{},
      cmd::AttachOpinion{"lift", "缺席业主", "同意"},
      cmd::CheckIn{"elderly1"},
      cmd::CheckOut{"elderly1"},
      cmd::DeclareInterest{"parking", "elderly1"},
      cmd::RequestFloor{RequestKind::pro, "elderly1"},
      cmd::WithdrawRequest{1},
      cmd::GrantFloor{1, {}},
      cmd::NextSpeaker{},
      cmd::MoveRequest{1, 0},
      cmd::RemoveRequest{1},
      cmd::CloseList{},
      cmd::ReopenList{},
      cmd::PauseTimer{},
      cmd::ResumeTimer{},
      cmd::ExtendTimer{30},
      cmd::EndSpeech{},
      cmd::RecordDissent{"parking", DissentKind::objection, "elderly1", "反对占用绿地", false},
      cmd::ReplyDissent{1, "已记录"},
      cmd::ProposeMotion{"另一动议", 0, "elderly1"},
      cmd::SecondMotion{2, "elderly1"},
      cmd::WithdrawMotion{3},
      cmd::OpenVote{vote_on(1)},
      cmd::CloseVote{},
      perm_ballot(),
      cmd::RecordResolution{1, "", "物业", "2026-03-01"},
      cmd::SignMinutes{"王记录"},
      cmd::DeferItem{"lift"},
      cmd::ReopenItem{"parking"},
      cmd::UpdateResolution{1, ResolutionStatus::done, ""},
      cmd::EditMinutes{core::MinutesEditKind::note, "header", "注"},
  };
}

// In session, everyone present, parking open, elderly1 on the list, youth1
// speaking, motion 1 (elderly1) under debate, motion 2 (youth2) proposed,
// motion 3 (elderly1) proposed, one dissent record.
void busy_meeting(MeetingDriver& m) {
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  m.ok(cmd::RequestFloor{RequestKind::contribution, ""}, participant("elderly1"));
  m.ok(cmd::GrantFloor{0, "youth1"}, chair());
  m.ok(cmd::ProposeMotion{"增设临时车位", 0, ""}, participant("elderly1"));
  m.ok(cmd::SecondMotion{1, ""}, participant("youth1"));
  m.ok(cmd::ProposeMotion{"夜间限行", 0, ""}, participant("youth2"));
  m.ok(cmd::ProposeMotion{"收费停车", 0, ""}, participant("elderly1"));
  m.ok(cmd::RecordDissent{"", DissentKind::disagreement, "tenant1", "车位不够", false},
       secretary());
}

TEST(Permissions, TableHasOneRowPerCommandInVariantOrder) {
  auto table = permission_table();
  ASSERT_EQ(table.size(), std::variant_size_v<Command>);
  std::vector<Command> commands = one_of_each();
  ASSERT_EQ(commands.size(), table.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    EXPECT_EQ(commands[i].index(), i) << "one_of_each() is out of order at " << i;
    EXPECT_STREQ(table[i].command, command_name(commands[i])) << "row " << i;
    EXPECT_TRUE(seen.insert(table[i].command).second) << table[i].command << " appears twice";
  }
}

TEST(Permissions, TableIsTheLeastPrivilegePolicy) {
  for (const Permission& p : permission_table()) {
    auto expected = kPolicy.find(p.command);
    ASSERT_NE(expected, kPolicy.end()) << p.command << " is missing from the policy";
    std::string granted;
    if (p.chair) granted += 'c';
    if (p.secretary) granted += 's';
    if (p.participant) granted += 'p';
    if (p.display) granted += 'd';
    if (p.clicker) granted += 'k';
    EXPECT_EQ(granted, expected->second) << "roles allowed to send " << p.command;
  }
}

TEST(Permissions, AllowedAgreesWithTheTable) {
  for (const Command& c : one_of_each()) {
    const std::string& policy = kPolicy.at(command_name(c));
    for (Role role : kRoles)
      EXPECT_EQ(allowed(role, c), policy.find(letter(role)) != std::string::npos)
          << command_name(c) << " for " << name_of(role);
  }
}

TEST(Permissions, DisplayMaySendNothing) {
  for (const Command& c : one_of_each())
    EXPECT_FALSE(allowed(Role::display, c)) << "display may send " << command_name(c);
}

TEST(Permissions, OnlyTheSecretarySignsAndTheChairNeverVotes) {
  Command sign = cmd::SignMinutes{"x"};
  Command cast = cmd::CastBallot{};
  EXPECT_TRUE(allowed(Role::secretary, sign));
  EXPECT_FALSE(allowed(Role::chair, sign));
  EXPECT_FALSE(allowed(Role::chair, cast));
  EXPECT_FALSE(allowed(Role::secretary, cast));
  EXPECT_TRUE(allowed(Role::clicker, cast));
}

// Every (command, role) the table forbids, in two states (before the start
// and in a busy session): not_allowed, nothing changed, nothing recorded.
TEST(Permissions, EveryForbiddenCommandIsNotAllowedAndChangesNothing) {
  int walked = 0;
  for (bool busy : {false, true}) {
    MeetingDriver m;
    if (busy) busy_meeting(m);
    for (const Command& c : one_of_each())
      for (Role role : kRoles) {
        if (allowed(role, c)) continue;
        SCOPED_TRACE(std::string(busy ? "busy meeting: " : "before the start: ") +
                     what(c, actor_for(role)));
        m.rejects(c, actor_for(role), ErrorCode::not_allowed);
        ++walked;
      }
  }
  int forbidden = 0;
  for (const auto& [command, roles] : kPolicy) forbidden += 5 - static_cast<int>(roles.size());
  EXPECT_EQ(walked, 2 * forbidden);
  EXPECT_EQ(forbidden, 118) << "35 commands x 5 roles, 57 of the pairs allowed";
}

// A permitted role is never refused for its role: any refusal names a rule.
TEST(Permissions, EveryAllowedCommandPassesTheRoleCheck) {
  for (const Command& c : one_of_each())
    for (Role role : kRoles) {
      if (!allowed(role, c)) continue;
      MeetingDriver m;
      busy_meeting(m);
      if (std::holds_alternative<cmd::CastBallot>(c) || std::holds_alternative<cmd::CloseVote>(c))
        m.ok(cmd::OpenVote{vote_on(1)}, chair());
      if (std::holds_alternative<cmd::SignMinutes>(c)) {
        m.ok(cmd::EndSpeech{}, chair());
        m.ok(cmd::EndMeeting{true}, chair());
      }
      auto r = m.send(c, actor_for(role));
      if (!r) {
        EXPECT_NE(r.error().code, ErrorCode::not_allowed)
            << what(c, actor_for(role)) << ": " << r.error().message_en;
      }
    }
}

}  // namespace
}  // namespace gavel::test
