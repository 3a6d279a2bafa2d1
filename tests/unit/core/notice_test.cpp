// What the chair is told at the moment it matters: an item or a vote opened
// without quorum, a veto group that applies; and the words of the rule a
// vote is decided by, which must fit its ballot form.
#include <gtest/gtest.h>

#include "core/attendance.hpp"
#include "core/notice.hpp"
#include "core/tally.hpp"
#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

bool has(const Decision& d, NoticeKind kind) {
  for (const Notice& n : d.notices)
    if (n.kind == kind) return true;
  return false;
}

// sample_setup: 9 fixed members, quorum max(3, half of 9) = 5, one invited expert.
TEST(Notices, OpeningAnItemWithoutQuorumGoesAheadWithAWarning) {
  MeetingDriver m;
  m.start();
  m.check_in({"elderly1", "elderly2", "youth1", "expert1"});
  Decision d = m.ok(cmd::OpenItem{"parking"}, chair());
  ASSERT_TRUE(has(d, NoticeKind::item_opened_without_quorum));
  const Notice& n = d.notices.front();
  EXPECT_EQ(n.subject, "parking");
  EXPECT_NE(n.words.zh.find("出席 3 / 应到 9 人，法定人数 5"), std::string::npos) << n.words.zh;
  EXPECT_NE(n.words.en.find("3 of 9 members present, quorum 5"), std::string::npos) << n.words.en;
  EXPECT_EQ(n.words.zh.find(" / English"), std::string::npos);
}

TEST(Notices, OpeningAnItemWithQuorumCarriesNoWarning) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  EXPECT_TRUE(m.ok(cmd::OpenItem{"parking"}, chair()).notices.empty());
  m.ok(cmd::CloseItem{}, chair());
  EXPECT_TRUE(m.ok(cmd::NextItem{}, chair()).notices.empty());
}

TEST(Notices, NextItemWithoutQuorumWarnsToo) {
  MeetingDriver m;
  m.start();
  EXPECT_TRUE(has(m.ok(cmd::NextItem{}, chair()), NoticeKind::item_opened_without_quorum));
}

TEST(Notices, OpeningAVoteWithoutQuorumWarnsThatTheResultWillSaySo) {
  MeetingDriver m;
  m.start();
  m.check_in({"elderly1", "youth1"});
  m.open("parking");
  Id motion = m.ok(cmd::ProposeMotion{"增设车位", 0, "elderly1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth1"}, chair());
  Decision d = m.ok(cmd::OpenVote{vote_on(motion)}, chair());
  ASSERT_TRUE(has(d, NoticeKind::vote_opened_without_quorum));
  EXPECT_NE(d.notices.front().words.zh.find("未达法定人数"), std::string::npos);
  EXPECT_NE(d.notices.front().words.en.find("no quorum"), std::string::npos);
}

TEST(Notices, AVoteOnAnItemWithAVetoGroupSaysWhichGroupCanVeto) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("lift");  // veto group: elderly
  Id motion = m.ok(cmd::ProposeMotion{"加装电梯", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth2"}, chair());
  Decision d = m.ok(cmd::OpenVote{vote_on(motion)}, chair());
  ASSERT_TRUE(has(d, NoticeKind::veto_group_applies));
  const Notice& n = d.notices.back();
  EXPECT_EQ(n.subject, "elderly");
  EXPECT_NE(n.words.zh.find("elderly的反对票可否决"), std::string::npos) << n.words.zh;
  EXPECT_EQ(veto_group(m.state(), *m.state().open_vote()), "elderly");
}

TEST(Notices, AChoiceAmongOptionsHasNoVetoAndNoWarningAboutOne) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("lift");
  Id motion = m.ok(cmd::ProposeMotion{"选择电梯方案", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth2"}, chair());
  Decision d = m.ok(cmd::OpenVote{vote_on(motion).form(BallotForm::one_of_n).options({"A", "B"})}, chair());
  EXPECT_FALSE(has(d, NoticeKind::veto_group_applies));
  EXPECT_EQ(veto_group(m.state(), *m.state().open_vote()), "");
}

struct RuleCase {
  BallotForm form;
  Threshold threshold;
  bool abstentions_count;
  DecisionRule rule;
};

TEST(Notices, TheRuleFitsTheBallotForm) {
  const RuleCase cases[] = {
      {BallotForm::yes_no_abstain, Threshold::simple_majority, false, DecisionRule::more_yes_than_no},
      {BallotForm::yes_no_abstain, Threshold::simple_majority, true, DecisionRule::half_of_cast},
      {BallotForm::yes_no_abstain, Threshold::absolute_majority, false, DecisionRule::half_of_eligible},
      {BallotForm::yes_no_abstain, Threshold::two_thirds, false, DecisionRule::two_thirds_of_yes_no},
      {BallotForm::yes_no_abstain, Threshold::two_thirds, true, DecisionRule::two_thirds_of_cast},
      {BallotForm::yes_no_abstain, Threshold::unanimity, false, DecisionRule::unanimity},
      {BallotForm::one_of_n, Threshold::simple_majority, false, DecisionRule::most_votes},
      {BallotForm::k_of_n, Threshold::simple_majority, true, DecisionRule::most_votes},
      {BallotForm::one_of_n, Threshold::absolute_majority, false, DecisionRule::option_half_of_eligible},
      {BallotForm::one_of_n, Threshold::two_thirds, false, DecisionRule::option_two_thirds},
      {BallotForm::k_of_n, Threshold::unanimity, false, DecisionRule::option_unanimity},
      {BallotForm::consensus, Threshold::simple_majority, false, DecisionRule::no_block},
      {BallotForm::consensus, Threshold::two_thirds, false, DecisionRule::no_block},
  };
  for (const RuleCase& c : cases) {
    VoteSpec spec;
    spec.form = c.form;
    spec.threshold = c.threshold;
    spec.abstentions_count = c.abstentions_count;
    EXPECT_EQ(decision_rule(spec), c.rule) << static_cast<int>(c.form) << "/" << static_cast<int>(c.threshold);
    Words w = rule_words(c.rule);
    EXPECT_FALSE(w.zh.empty());
    EXPECT_FALSE(w.en.empty());
  }
  EXPECT_EQ(rule_words(DecisionRule::most_votes).zh.find("赞成"), std::string::npos)
      << "a choice among options is not about yes and no";
  EXPECT_NE(rule_words(DecisionRule::most_votes).zh.find("得票最多"), std::string::npos);
  EXPECT_NE(rule_words(DecisionRule::no_block).zh.find("阻止"), std::string::npos);
}

TEST(Notices, AClosedChoiceCarriesTheRuleOfItsForm) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  Id motion = m.ok(cmd::ProposeMotion{"选择方案", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth2"}, chair());
  m.ok(cmd::OpenVote{vote_on(motion).form(BallotForm::one_of_n).options({"A", "B"})}, chair());
  cmd::CastBallot b;
  b.choices = {1};
  m.ok(b, participant("elderly1"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(m.state().votes.back().result->rule, DecisionRule::most_votes);
}

TEST(Notices, OptionsWithDescriptionsComeFromTheVoteOrFromTheItem) {
  MeetingSetup setup = sample_setup();
  setup.agenda[0].options = {{"东侧", "在东门旁增设 8 个车位"}, {"西侧", "改造西侧绿地"}};
  MeetingDriver m(setup);
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  Id motion = m.ok(cmd::ProposeMotion{"选择车位方案", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth2"}, chair());
  m.ok(cmd::OpenVote{vote_on(motion).form(BallotForm::one_of_n)}, chair());
  const VoteSpec& spec = m.state().open_vote()->spec;
  EXPECT_EQ(spec.options, (std::vector<std::string>{"东侧", "西侧"}));
  EXPECT_EQ(spec.option_descriptions, (std::vector<std::string>{"在东门旁增设 8 个车位", "改造西侧绿地"}));
  m.ok(cmd::CloseVote{}, chair());

  Id second = m.ok(cmd::ProposeMotion{"另选方案", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{second, "youth2"}, chair());
  VoteSpec given = vote_on(second).form(BallotForm::one_of_n).options({"甲", "乙", "丙"});
  given.option_descriptions = {"只说明甲"};
  m.ok(cmd::OpenVote{given}, chair());
  EXPECT_EQ(m.state().open_vote()->spec.option_descriptions, (std::vector<std::string>{"只说明甲", "", ""}));
}

TEST(Notices, MoreDescriptionsThanOptionsAreRefused) {
  MeetingDriver m;
  m.start();
  m.check_in_fixed_members();
  m.open("parking");
  Id motion = m.ok(cmd::ProposeMotion{"选择方案", 0, "youth1"}, chair()).created_id;
  m.ok(cmd::SecondMotion{motion, "youth2"}, chair());
  VoteSpec given = vote_on(motion).form(BallotForm::one_of_n).options({"甲", "乙"});
  given.option_descriptions = {"a", "b", "c"};
  m.rejects(cmd::OpenVote{given}, chair(), ErrorCode::invalid_argument);
}

TEST(Notices, AttendanceCountsFixedAndInvitedMembersApart) {
  MeetingDriver m;
  m.start();
  m.check_in({"elderly1", "elderly2", "youth1", "expert1"});
  AttendanceView a = attendance(m.state());
  EXPECT_EQ(a.present, 4u);
  EXPECT_EQ(a.present_members, 3u);
  EXPECT_EQ(a.present_invited, 1u);
  EXPECT_EQ(a.invited_members, 1u);
  EXPECT_EQ(a.fixed_members, 9u);
  EXPECT_EQ(a.quorum_needed, 5u);
  EXPECT_FALSE(a.quorate);
}

}  // namespace
}  // namespace gavel::test
