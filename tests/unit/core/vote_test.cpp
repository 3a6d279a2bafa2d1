// Votes, the engine's part: opening on a seconded motion with eligibility
// fixed at the opening, casting and changing ballots, idempotent presses,
// secret ballots that leave only participation in the log, closing with a
// result under every threshold, weights, the veto group, consensus blocks
// and quorum at the opening and at the close.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/tally.hpp"
#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

using Choices = std::vector<std::uint32_t>;

cmd::CastBallot ballot(Choices choices, std::string press_id = {}, std::string fresh = {}) {
  cmd::CastBallot c;
  c.choices = std::move(choices);
  c.press_id = std::move(press_id);
  c.fresh_receipt = std::move(fresh);
  return c;
}

cmd::CastBallot change_with(std::string receipt, Choices choices) {
  cmd::CastBallot c = ballot(std::move(choices));
  c.receipt = std::move(receipt);
  return c;
}

// Ten residents r1..r10 (weights 1), all present; item "x" open; motion 1
// moved by r1 and seconded by r2, under debate.
class Votes : public ::testing::Test {
 protected:
  explicit Votes(MeetingSetup setup = SetupBuilder().members("r", 10).item("x").item("y").build())
      : m(std::move(setup)) {}
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open(m.setup().agenda.front().id);
    motion = debated_motion("r1", "r2");
  }
  Id debated_motion(const std::string& mover, const std::string& seconder,
                    test::Where where = test::Where::here()) {
    Id id = m.ok(cmd::ProposeMotion{"动议 " + mover, 0, mover}, chair(), where).created_id;
    m.ok(cmd::SecondMotion{id, seconder}, chair(), where);
    return id;
  }
  Decision open(VoteSpec spec, test::Where where = test::Where::here()) {
    if (!spec.motion_id) spec.motion_id = motion;
    return m.ok(cmd::OpenVote{spec}, chair(), where);
  }
  const Vote& vote() const { return m.state().votes.back(); }
  const VoteResult& result() const {
    EXPECT_TRUE(vote().result.has_value()) << "the vote has no result";
    return *vote().result;
  }
  MeetingDriver m;
  Id motion = 0;
};

TEST_F(Votes, OpenOnASecondedMotion) {
  m.clock.advance_s(60);
  Decision d = open({});
  ASSERT_EQ(d.events.size(), 1u);
  const auto& opened = std::get<ev::VoteOpened>(d.events[0].body);
  EXPECT_EQ(opened.vote_id, 1u);
  EXPECT_EQ(d.created_id, 1u);
  EXPECT_EQ(opened.eligible.size(), 10u);
  EXPECT_EQ(opened.spec.options, (std::vector<std::string>{"赞成", "反对", "弃权"}))
      << "yes/no/abstain gets its options from the engine";
  EXPECT_EQ(opened.spec.question, "动议 r1") << "no question: the motion's text";
  ASSERT_NE(m.state().open_vote(), nullptr);
  EXPECT_EQ(vote().item_id, "x");
  EXPECT_EQ(vote().opened, kMeetingDay + 60 * kSecond);
  EXPECT_TRUE(vote().open);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::voting);
}

TEST_F(Votes, OnlyOneVoteAtATimeAndOnlyOnThisItemsMotions) {
  Id other = debated_motion("r3", "r4");
  open({});
  m.rejects(cmd::OpenVote{vote_on(other)}, chair(), ErrorCode::invalid_state);
  m.ok(cmd::CloseVote{}, chair());
  // A decided motion is not voted on again.
  m.rejects(cmd::OpenVote{vote_on(motion)}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::OpenVote{vote_on(99)}, chair(), ErrorCode::not_found);
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::OpenVote{vote_on(other)}, chair(), ErrorCode::invalid_state);
  m.open("y");
  // Motion 2 belongs to item x.
  m.rejects(cmd::OpenVote{vote_on(other)}, chair(), ErrorCode::invalid_state);
}

TEST_F(Votes, SpecIsChecked) {
  auto bad = [&](VoteSpec spec, test::Where where = test::Where::here()) {
    spec.motion_id = motion;
    m.rejects(cmd::OpenVote{spec}, chair(), ErrorCode::invalid_argument, where);
  };
  bad(vote_on(0).form(static_cast<BallotForm>(9)));
  bad(vote_on(0).threshold(static_cast<Threshold>(0)));
  bad(vote_on(0).form(BallotForm::one_of_n).options({"甲"}));
  bad(vote_on(0).form(BallotForm::one_of_n).options(std::vector<std::string>(21, "x")));
  bad(vote_on(0).form(BallotForm::k_of_n).options({"甲", "乙", "丙"}).max_choices(0));
  bad(vote_on(0).form(BallotForm::k_of_n).options({"甲", "乙", "丙"}).max_choices(4));
}

TEST_F(Votes, CastAndCloseNeedAnOpenVote) {
  m.rejects(ballot({0}), participant("r1"), ErrorCode::invalid_state);
  m.rejects(cmd::CloseVote{}, chair(), ErrorCode::invalid_state);
  open({});
  cmd::CastBallot wrong = ballot({0});
  wrong.vote_id = 7;
  m.rejects(wrong, participant("r1"), ErrorCode::invalid_state);
}

TEST_F(Votes, EligibilityIsFixedWhenTheVoteOpens) {
  m.ok(cmd::CheckOut{}, participant("r10"));
  m.ok(cmd::DeclareInterest{"", "r9"}, chair());
  open({});
  EXPECT_EQ(vote().eligible.size(), 8u);
  EXPECT_EQ(std::count(vote().eligible.begin(), vote().eligible.end(), "r9"), 0)
      << "r9 declared an interest";
  m.ok(cmd::CheckIn{}, participant("r10"));
  m.rejects(ballot({0}), participant("r10"), ErrorCode::not_eligible);
  m.rejects(ballot({0}), participant("r9"), ErrorCode::not_eligible);
  m.ok(cmd::CheckOut{}, participant("r8"));
  m.ok(ballot({0}), participant("r8"));  // present when it opened: the list does not move
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().eligible, 8u);
  EXPECT_EQ(result().recused, 1u);
}

TEST_F(Votes, InterestMustBeDeclaredBeforeTheVoteOpens) {
  m.ok(cmd::DeclareInterest{"x", "r3"}, participant("r3"));
  m.rejects(cmd::DeclareInterest{"x", "r3"}, participant("r3"), ErrorCode::duplicate);
  open({});
  m.rejects(cmd::DeclareInterest{"", ""}, participant("r4"), ErrorCode::invalid_state);
  m.ok(cmd::DeclareInterest{"y", ""}, participant("r4"));  // another item is fine
  EXPECT_EQ(m.state().item("x")->recused, (std::set<std::string>{"r3"}));
  m.rejects(cmd::DeclareInterest{"pool", ""}, participant("r4"), ErrorCode::not_found);
}

TEST_F(Votes, InterestCannotBeDeclaredAfterTheMeeting) {
  open({});
  m.ok(ballot({kYes}), participant("r3"));
  m.ok(cmd::CloseVote{}, chair());
  m.ok(cmd::EndMeeting{true}, chair());  // forced: the item is left open
  // Declaring now would make the record say r3 was recused from a vote
  // that r3 took part in.
  m.rejects(cmd::DeclareInterest{"x", ""}, participant("r3"), ErrorCode::invalid_state);
}

TEST_F(Votes, NoVoteWithoutEligibleVoters) {
  for (int i = 1; i <= 10; ++i) m.ok(cmd::DeclareInterest{"x", "r" + std::to_string(i)}, chair());
  m.rejects(cmd::OpenVote{vote_on(motion)}, chair(), ErrorCode::invalid_state);
}

TEST_F(Votes, NamedBallotIsRecordedAndCanBeChanged) {
  open({});
  Decision first = m.ok(ballot({kNo}), participant("r3"));
  ASSERT_EQ(first.events.size(), 1u);
  const auto& recorded = std::get<ev::BallotRecorded>(first.events[0].body);
  EXPECT_EQ(recorded.participant_id, "r3");
  EXPECT_EQ(recorded.choices, (Choices{kNo}));
  EXPECT_FALSE(recorded.changed);
  EXPECT_TRUE(first.secret_ballots.empty());

  Decision second = m.ok(ballot({kYes}), participant("r3"));
  EXPECT_TRUE(std::get<ev::BallotRecorded>(second.events.at(0).body).changed);
  EXPECT_EQ(vote().named.at("r3"), (Choices{kYes}));
  EXPECT_EQ(vote().voters.size(), 1u);
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().cast, 1u);
  EXPECT_EQ(result().counts.at(kYes).count, 1u);
  EXPECT_EQ(result().counts.at(kNo).count, 0u) << "the changed ballot counts once, as changed";
}

TEST_F(Votes, RepeatedPressIsAcknowledgedButCountedOnce) {
  open({});
  Decision first = m.ok(ballot({kYes}, "press-17"), clicker("r4"));
  EXPECT_EQ(first.events.size(), 1u);
  const std::string before = describe(m.state());
  Decision again = m.ok(ballot({kYes}, "press-17"), clicker("r4"));
  EXPECT_TRUE(again.events.empty()) << "a repeat is acknowledged with no event";
  Decision changed_mind = m.ok(ballot({kNo}, "press-17"), clicker("r4"));
  EXPECT_TRUE(changed_mind.events.empty()) << "the same press is the same press";
  EXPECT_EQ(describe(m.state()), before);
  Decision other = m.ok(ballot({kYes}, "press-17"), clicker("r5"));
  EXPECT_EQ(other.events.size(), 1u) << "press ids are per voter";
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().cast, 2u);
  EXPECT_EQ(result().counts.at(kYes).count, 2u);
}

TEST_F(Votes, InvalidChoicesAreRefused) {
  open({});
  for (const Choices& c : {Choices{}, Choices{3}, Choices{0, 1}, Choices{99}})
    m.rejects(ballot(c), participant("r1"), ErrorCode::invalid_argument);
  m.ok(cmd::CloseVote{}, chair());
  Id second = debated_motion("r3", "r4");
  open(vote_on(second).form(BallotForm::k_of_n).options({"甲", "乙", "丙", "丁"}).max_choices(2));
  for (const Choices& c : {Choices{}, Choices{0, 0}, Choices{0, 1, 2}, Choices{4}})
    m.rejects(ballot(c), participant("r1"), ErrorCode::invalid_argument);
  m.ok(ballot({1, 3}), participant("r1"));
}

TEST_F(Votes, CloseRecordsTheResultAndDecidesTheMotion) {
  open({});
  for (int i = 1; i <= 6; ++i) m.ok(ballot({kYes}), participant("r" + std::to_string(i)));
  m.ok(ballot({kNo}), participant("r7"));
  m.ok(ballot({kAbstain}), participant("r8"));
  m.clock.advance_s(90);
  Decision d = m.ok(cmd::CloseVote{}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  const auto& closed = std::get<ev::VoteClosed>(d.events[0].body);
  EXPECT_EQ(closed.vote_id, 1u);
  EXPECT_FALSE(vote().open);
  EXPECT_EQ(vote().closed, m.clock.now());
  EXPECT_EQ(m.state().open_vote(), nullptr);
  const VoteResult& r = result();
  EXPECT_EQ(r.eligible, 10u);
  EXPECT_EQ(r.cast, 8u);
  ASSERT_EQ(r.counts.size(), 3u);
  EXPECT_EQ(r.counts[kYes].option, "赞成");
  EXPECT_EQ(r.counts[kYes].count, 6u);
  EXPECT_EQ(r.counts[kNo].count, 1u);
  EXPECT_EQ(r.counts[kAbstain].count, 1u);
  EXPECT_EQ(r.outcome, Outcome::carried);
  EXPECT_TRUE(r.quorate_at_open);
  EXPECT_TRUE(r.quorate_at_close);
  EXPECT_EQ(r.rule, DecisionRule::more_yes_than_no);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::carried);
}

struct ThresholdCase {
  const char* name;
  Threshold threshold;
  bool abstentions_count;
  int yes, no, abstain;  // out of 10 eligible
  Outcome outcome;
  double needed;
};

class Thresholds : public Votes, public ::testing::WithParamInterface<ThresholdCase> {};

TEST_P(Thresholds, DecideTheOutcome) {
  const ThresholdCase& c = GetParam();
  open(vote_on(0).threshold(c.threshold).abstentions_count(c.abstentions_count));
  int voter = 1;
  auto cast = [&](int n, std::uint32_t choice) {
    for (int i = 0; i < n; ++i) m.ok(ballot({choice}), participant("r" + std::to_string(voter++)));
  };
  cast(c.yes, kYes);
  cast(c.no, kNo);
  cast(c.abstain, kAbstain);
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, c.outcome)
      << name_of(c.threshold) << (c.abstentions_count ? " counting" : " not counting")
      << " abstentions, " << c.yes << " yes " << c.no << " no " << c.abstain << " abstain";
  EXPECT_DOUBLE_EQ(result().needed, c.needed);
  EXPECT_EQ(m.state().motion(motion)->state,
            c.outcome == Outcome::carried ? MotionState::carried : MotionState::defeated);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Table, Thresholds,
    ::testing::Values(
        ThresholdCase{"simple_more_yes_than_no", Threshold::simple_majority, false, 5, 4, 1, Outcome::carried, 4.5},
        ThresholdCase{"simple_tie_fails", Threshold::simple_majority, false, 4, 4, 2, Outcome::defeated, 4},
        ThresholdCase{"simple_abstentions_ignored", Threshold::simple_majority, false, 3, 2, 5, Outcome::carried, 2.5},
        ThresholdCase{"simple_abstentions_counted", Threshold::simple_majority, true, 3, 2, 5, Outcome::defeated, 5},
        ThresholdCase{"simple_counted_and_enough", Threshold::simple_majority, true, 6, 2, 2, Outcome::carried, 5},
        ThresholdCase{"simple_nobody_voted", Threshold::simple_majority, false, 0, 0, 0, Outcome::defeated, 0},
        ThresholdCase{"absolute_half_is_not_enough", Threshold::absolute_majority, false, 5, 0, 0, Outcome::defeated, 5},
        ThresholdCase{"absolute_six_of_ten", Threshold::absolute_majority, false, 6, 0, 0, Outcome::carried, 5},
        ThresholdCase{"absolute_counts_the_absent_voters", Threshold::absolute_majority, false, 4, 1, 0, Outcome::defeated, 5},
        ThresholdCase{"two_thirds_exactly", Threshold::two_thirds, false, 6, 3, 1, Outcome::carried, 6},
        ThresholdCase{"two_thirds_short", Threshold::two_thirds, false, 5, 3, 0, Outcome::defeated, 16.0 / 3},
        ThresholdCase{"two_thirds_abstentions_counted", Threshold::two_thirds, true, 6, 3, 1, Outcome::defeated, 20.0 / 3},
        ThresholdCase{"two_thirds_nobody", Threshold::two_thirds, false, 0, 0, 0, Outcome::defeated, 0},
        ThresholdCase{"unanimity_all_yes", Threshold::unanimity, false, 10, 0, 0, Outcome::carried, 10},
        ThresholdCase{"unanimity_one_no", Threshold::unanimity, false, 9, 1, 0, Outcome::defeated, 10},
        ThresholdCase{"unanimity_abstention_ignored", Threshold::unanimity, false, 9, 0, 1, Outcome::carried, 9},
        ThresholdCase{"unanimity_abstention_counted", Threshold::unanimity, true, 9, 0, 1, Outcome::defeated, 10},
        ThresholdCase{"unanimity_nobody", Threshold::unanimity, false, 0, 0, 0, Outcome::defeated, 0}),
    [](const ::testing::TestParamInfo<ThresholdCase>& p) { return p.param.name; });
// clang-format on

TEST_F(Votes, ChoosingAmongOptionsPicksTheLeader) {
  open(vote_on(0).form(BallotForm::one_of_n).options({"方案甲", "方案乙", "方案丙"}));
  const std::uint32_t picks[] = {1, 1, 1, 0, 0, 2};
  for (int i = 0; i < 6; ++i) m.ok(ballot({picks[i]}), participant("r" + std::to_string(i + 1)));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::chosen);
  EXPECT_EQ(result().chosen_option, 1);
  EXPECT_EQ(result().counts[1].count, 3u);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::carried);
}

TEST_F(Votes, TiedOptionsChooseNothing) {
  open(vote_on(0).form(BallotForm::one_of_n).options({"方案甲", "方案乙", "方案丙"}));
  const std::uint32_t picks[] = {0, 0, 2, 2, 1};
  for (int i = 0; i < 5; ++i) m.ok(ballot({picks[i]}), participant("r" + std::to_string(i + 1)));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::defeated);
  EXPECT_EQ(result().chosen_option, -1);
}

TEST_F(Votes, ChoosingWithAMajorityThreshold) {
  open(vote_on(0)
           .form(BallotForm::one_of_n)
           .options({"甲", "乙"})
           .threshold(Threshold::absolute_majority));
  for (int i = 1; i <= 5; ++i) m.ok(ballot({0}), participant("r" + std::to_string(i)));
  m.ok(ballot({1}), participant("r6"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::defeated) << "5 of 10 eligible is not more than half";
}

TEST_F(Votes, SeveralChoicesAreCountedPerOption) {
  open(vote_on(0).form(BallotForm::k_of_n).options({"甲", "乙", "丙", "丁"}).max_choices(2));
  m.ok(ballot({0, 1}), participant("r1"));
  m.ok(ballot({1, 2}), participant("r2"));
  m.ok(ballot({1}), participant("r3"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().counts[0].count, 1u);
  EXPECT_EQ(result().counts[1].count, 3u);
  EXPECT_EQ(result().counts[2].count, 1u);
  EXPECT_EQ(result().counts[3].count, 0u);
  EXPECT_EQ(result().cast, 3u);
  EXPECT_EQ(result().chosen_option, 1);
}

class WeightedVotes : public Votes {
 protected:
  WeightedVotes()
      : Votes(SetupBuilder()
                  .member("big", "merchant", 5.0)
                  .members("r", 3)
                  .member("half", "tenant", 0.5)
                  .item("x")
                  .build()) {}
};

TEST_F(WeightedVotes, WeightsDecideAWeightedVote) {
  open(vote_on(motion).weighted());
  m.ok(ballot({kYes}), participant("big"));
  for (const char* r : {"r1", "r2", "r3"}) m.ok(ballot({kNo}), participant(r));
  m.ok(ballot({kNo}), participant("half"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_DOUBLE_EQ(result().counts[kYes].weight, 5.0);
  EXPECT_DOUBLE_EQ(result().counts[kNo].weight, 3.5);
  EXPECT_EQ(result().counts[kNo].count, 4u);
  EXPECT_EQ(result().outcome, Outcome::carried);
}

TEST_F(WeightedVotes, WeightsAreIgnoredInAnUnweightedVote) {
  open(vote_on(motion));
  m.ok(ballot({kYes}), participant("big"));
  for (const char* r : {"r1", "r2", "r3"}) m.ok(ballot({kNo}), participant(r));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::defeated);
}

TEST_F(WeightedVotes, AbsoluteMajorityOfEligibleWeight) {
  open(vote_on(motion).threshold(Threshold::absolute_majority).weighted());
  m.ok(ballot({kYes}), participant("big"));  // 5 of 8.5
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_DOUBLE_EQ(result().needed, 4.25);
  EXPECT_EQ(result().outcome, Outcome::carried);
}

TEST_F(WeightedVotes, SecretBallotsCarryTheirWeight) {
  open(vote_on(motion).secret().weighted());
  Decision d = m.ok(ballot({kYes}, "", "R-big"), participant("big"));
  ASSERT_EQ(d.secret_ballots.size(), 1u);
  EXPECT_DOUBLE_EQ(d.secret_ballots[0].weight, 5.0);
  for (const char* r : {"r1", "r2", "r3"})
    m.ok(ballot({kNo}, "", std::string("R-") + r), participant(r));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_DOUBLE_EQ(result().counts[kYes].weight, 5.0);
  EXPECT_EQ(result().outcome, Outcome::carried);
}

// The sample meeting's "lift" item gives the elderly a veto (一票否决).
class VetoVotes : public Votes {
 protected:
  VetoVotes() : Votes(sample_setup()) {}
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
    m.open("lift");
    motion = debated_motion("youth1", "tenant1");
  }
};

TEST_F(VetoVotes, OneNoFromTheVetoGroupVetoes) {
  open({});
  for (const char* p :
       {"youth1", "youth2", "tenant1", "tenant2", "merchant1", "elderly1", "elderly2", "elderly3"})
    m.ok(ballot({kYes}), participant(p));
  m.ok(ballot({kNo}), participant("elderly4"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_TRUE(result().vetoed);
  EXPECT_EQ(result().outcome, Outcome::vetoed);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::vetoed);
}

TEST_F(VetoVotes, NoFromOutsideTheGroupOrAbstentionDoesNotVeto) {
  open({});
  for (const char* p : {"elderly1", "elderly2", "elderly3", "tenant1", "tenant2"})
    m.ok(ballot({kYes}), participant(p));
  m.ok(ballot({kAbstain}), participant("elderly4"));
  m.ok(ballot({kNo}), participant("youth1"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_FALSE(result().vetoed);
  EXPECT_EQ(result().outcome, Outcome::carried);
}

TEST_F(VetoVotes, TheVotesOwnVetoGroupOverridesTheItems) {
  open(vote_on(0).veto_group("youth"));
  for (const char* p : {"elderly1", "elderly2", "elderly3", "tenant1", "youth1"})
    m.ok(ballot({kYes}), participant(p));
  m.ok(ballot({kNo}), participant("elderly4"));
  m.ok(ballot({kNo}), participant("youth2"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::vetoed) << "youth2 is in the vote's veto group";
}

TEST_F(VetoVotes, SecretNoFromTheVetoGroupVetoesWithoutNamingAnyone) {
  open(vote_on(0).secret());
  Decision y = m.ok(ballot({kNo}, "", "R-y1"), participant("youth1"));
  ASSERT_TRUE(y.veto.has_value());
  EXPECT_FALSE(y.veto->standing) << "a no from outside the veto group";
  Decision e = m.ok(ballot({kYes}, "", "R-e1"), participant("elderly1"));
  EXPECT_FALSE(e.veto->standing) << "only a no vetoes";
  Decision d = m.ok(ballot({kNo}, "", "R-e4"), participant("elderly4"));
  EXPECT_TRUE(d.veto->standing);
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::vetoed);
}

TEST_F(VetoVotes, ASecretBallotCarriesNoMarkOfTheVotersGroup) {
  open(vote_on(0).secret());
  Decision group_no = m.ok(ballot({kNo}, "", "R-e4"), participant("elderly4"));
  Decision other_no = m.ok(ballot({kNo}, "", "R-y1"), participant("youth1"));
  ASSERT_EQ(group_no.secret_ballots.size(), 1u);
  const SecretBallot& a = group_no.secret_ballots[0];
  const SecretBallot& b = other_no.secret_ballots.at(0);
  EXPECT_EQ(std::tie(a.vote_id, a.choices, a.weight, a.reason), std::tie(b.vote_id, b.choices, b.weight, b.reason))
      << "the two ballots differ only by their random receipts";
}

TEST_F(VetoVotes, AVetoWithdrawnByChangingTheBallotNoLongerStands) {
  open(vote_on(0).secret());
  Decision no = m.ok(ballot({kNo}, "", "R-e4"), participant("elderly4"));
  EXPECT_TRUE(no.veto->standing);
  Decision changed = m.ok(change_with("R-e4", {kYes}), participant("elderly4"));
  EXPECT_FALSE(changed.veto->standing);
  for (const char* p : {"elderly1", "elderly2", "tenant1"}) m.ok(ballot({kYes}, "", std::string("R-") + p), participant(p));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::carried);
}

TEST_F(VetoVotes, AVetoStandingBeforeARestartStillVetoesAndThoseBallotsCannotChange) {
  open(vote_on(0).secret());
  m.ok(ballot({kNo}, "", "R-e4"), participant("elderly4"));
  m.ok(ballot({kYes}, "", "R-e1"), participant("elderly1"));
  Meeting restarted = m.replay();
  auto change = restarted.handle(change_with("R-e4", {kYes}), participant("elderly4"), m.clock.now());
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().code, ErrorCode::invalid_state);
  auto closed = restarted.handle(cmd::CloseVote{}, chair(), m.clock.now());
  ASSERT_TRUE(closed.ok());
  const auto& last = std::get<ev::VoteClosed>(closed.value().events.back().body);
  EXPECT_EQ(last.result.outcome, Outcome::vetoed);
}

TEST_F(Votes, ConsensusBlockNeedsAReason) {
  open(vote_on(0).form(BallotForm::consensus));
  EXPECT_EQ(vote().spec.options, (std::vector<std::string>{"同意", "可以接受", "阻止"}));
  m.rejects(ballot({kBlock}), participant("r5"), ErrorCode::invalid_argument);
}

TEST_F(Votes, NamedConsensusBlockBecomesAnAttributedDissentRecord) {
  open(vote_on(0).form(BallotForm::consensus));
  m.ok(ballot({kAgree}), participant("r1"));
  m.ok(ballot({kLiveWith}), participant("r2"));
  cmd::CastBallot block = ballot({kBlock});
  block.reason = "没有考虑租户";
  Decision d = m.ok(block, participant("r5"));
  ASSERT_EQ(d.events.size(), 2u);
  const auto& rec = std::get<ev::DissentRecorded>(d.events[1].body);
  EXPECT_EQ(rec.kind, DissentKind::block);
  EXPECT_EQ(rec.participant_id, "r5");
  EXPECT_EQ(rec.text, "没有考虑租户");
  EXPECT_EQ(rec.item_id, "x");
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::blocked);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::defeated);
  ASSERT_EQ(m.state().dissent.size(), 1u);
}

TEST_F(Votes, SecretConsensusBlockIsRecordedAnonymouslyAtTheClose) {
  open(vote_on(0).form(BallotForm::consensus).secret());
  cmd::CastBallot block = ballot({kBlock}, "", "R-5");
  block.reason = "噪音问题";
  Decision d = m.ok(block, participant("r5"));
  ASSERT_EQ(d.events.size(), 1u) << "nothing in the log lines up with the blocker";
  EXPECT_EQ(d.secret_ballots.at(0).reason, "噪音问题");
  m.ok(ballot({kAgree}, "", "R-1"), participant("r1"));
  EXPECT_TRUE(m.state().dissent.empty());
  Decision closed = m.ok(cmd::CloseVote{}, chair());
  ASSERT_EQ(closed.events.size(), 2u);
  const auto& rec = std::get<ev::DissentRecorded>(closed.events[0].body);
  EXPECT_EQ(rec.kind, DissentKind::block);
  EXPECT_TRUE(rec.participant_id.empty());
  EXPECT_EQ(rec.text, "噪音问题");
  EXPECT_TRUE(std::holds_alternative<ev::VoteClosed>(closed.events[1].body));
  EXPECT_EQ(result().outcome, Outcome::blocked);
}

TEST_F(Votes, ConsensusWithoutBlocksCarries) {
  open(vote_on(0).form(BallotForm::consensus));
  m.ok(ballot({kAgree}), participant("r1"));
  m.ok(ballot({kLiveWith}), participant("r2"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::carried);
}

TEST_F(Votes, ConsensusNobodyJoinedIsNotConsensus) {
  open(vote_on(0).form(BallotForm::consensus));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().outcome, Outcome::defeated);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::defeated);
}

class QuorumVotes : public Votes {
 protected:
  QuorumVotes() : Votes(SetupBuilder().quorum(6, 0.0).members("r", 10).item("x").build()) {}
  void SetUp() override {
    m.start();
    m.check_in({"r1", "r2", "r3", "r4", "r5", "r6"});
    m.open("x");
    motion = debated_motion("r1", "r2");
  }
};

TEST_F(QuorumVotes, QuorumAtTheOpeningAndAtTheClose) {
  open({});
  EXPECT_TRUE(vote().quorate_at_open);
  for (const char* r : {"r1", "r2", "r3"}) m.ok(ballot({kYes}), participant(r));
  m.ok(cmd::CheckOut{}, participant("r6"));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_TRUE(result().quorate_at_open);
  EXPECT_FALSE(result().quorate_at_close);
  EXPECT_EQ(result().outcome, Outcome::no_quorum);
  EXPECT_EQ(m.state().motion(motion)->state, MotionState::defeated);
}

TEST_F(QuorumVotes, VoteOpenedWithoutQuorumHasNoResult) {
  m.ok(cmd::CheckOut{}, participant("r6"));
  open({});
  EXPECT_FALSE(vote().quorate_at_open);
  m.ok(cmd::CheckIn{}, participant("r6"));
  for (const char* r : {"r1", "r2", "r3", "r4", "r5"}) m.ok(ballot({kYes}), participant(r));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_FALSE(result().quorate_at_open);
  EXPECT_TRUE(result().quorate_at_close);
  EXPECT_EQ(result().outcome, Outcome::no_quorum);
}

TEST_F(Votes, SecretBallotLeavesOnlyParticipationInTheLog) {
  open(vote_on(0).secret());
  Decision d = m.ok(ballot({kNo}, "p1", "R-aaaa"), participant("r3"));
  ASSERT_EQ(d.events.size(), 1u);
  const auto& recorded = std::get<ev::BallotRecorded>(d.events[0].body);
  EXPECT_EQ(recorded.participant_id, "r3") << "who took part is public";
  EXPECT_TRUE(recorded.choices.empty()) << "what they chose is not";
  ASSERT_EQ(d.secret_ballots.size(), 1u);
  const SecretBallot& b = d.secret_ballots[0];
  EXPECT_EQ(b.vote_id, 1u);
  EXPECT_EQ(b.receipt, "R-aaaa");
  EXPECT_EQ(b.choices, (Choices{kNo}));
  EXPECT_DOUBLE_EQ(b.weight, 1.0);
  EXPECT_EQ(d.receipt, "R-aaaa") << "the voter gets the receipt back";
  EXPECT_TRUE(vote().named.empty());
  EXPECT_EQ(vote().secret.size(), 1u);
  EXPECT_EQ(vote().voters, (std::set<std::string>{"r3"}));
}

TEST_F(Votes, SecretBallotIsChangedWithItsReceiptOnly) {
  open(vote_on(0).secret());
  m.ok(ballot({kNo}, "", "R-1"), participant("r3"));
  m.rejects(ballot({kYes}, "", "R-2"), participant("r3"), ErrorCode::duplicate);
  cmd::CastBallot wrong = ballot({kYes}, "", "R-3");
  wrong.receipt = "R-unknown";
  m.rejects(wrong, participant("r3"), ErrorCode::invalid_argument);
  cmd::CastBallot change = ballot({kYes}, "", "R-4");
  change.receipt = "R-1";
  Decision d = m.ok(change, participant("r3"));
  EXPECT_TRUE(std::get<ev::BallotRecorded>(d.events.at(0).body).changed);
  ASSERT_EQ(d.secret_ballots.size(), 1u);
  EXPECT_EQ(d.secret_ballots[0].receipt, "R-1") << "the receipt stays the same";
  EXPECT_EQ(d.receipt, "R-1");
  EXPECT_EQ(vote().secret.size(), 1u);
  EXPECT_EQ(vote().secret.at("R-1").choices, (Choices{kYes}));
  m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().counts[kYes].count, 1u);
  EXPECT_EQ(result().counts[kNo].count, 0u);
}

TEST_F(Votes, SecretBallotNeedsAFreshReceiptFromTheServer) {
  open(vote_on(0).secret());
  m.rejects(ballot({kYes}), participant("r1"), ErrorCode::internal);
  m.ok(ballot({kYes}, "", "R-same"), participant("r1"));
  m.rejects(ballot({kNo}, "", "R-same"), participant("r2"), ErrorCode::internal);
  EXPECT_EQ(vote().secret.at("R-same").choices, (Choices{kYes}))
      << "a reused receipt must never overwrite somebody else's ballot";
}

TEST_F(Votes, SecretResultPublishesReceiptsWithChoicesAndNoNames) {
  open(vote_on(0).secret());
  m.ok(ballot({kYes}, "", "R-b"), participant("r1"));
  m.ok(ballot({kNo}, "", "R-a"), participant("r2"));
  m.ok(ballot({kYes}, "", "R-c"), participant("r3"));
  Decision d = m.ok(cmd::CloseVote{}, chair());
  EXPECT_EQ(result().receipts_published, (ReceiptLines{"R-a=反对", "R-b=赞成", "R-c=赞成"}));
  EXPECT_EQ(result().counts[kYes].count, 2u);
  EXPECT_EQ(result().outcome, Outcome::carried);
  for (const Event& e : m.events()) {
    if (const auto* b = std::get_if<ev::BallotRecorded>(&e.body)) {
      EXPECT_TRUE(b->choices.empty()) << "seq " << e.seq << " carries a secret choice";
    }
  }
}

TEST_F(Votes, LiveTallyOfASecretVoteNeedsTheMeetingsPermission) {
  m.rejects(cmd::OpenVote{vote_on(motion).secret().live_tally()}, chair(), ErrorCode::not_allowed);
  open(vote_on(0).live_tally());  // named votes may show a live tally
  EXPECT_TRUE(vote().spec.live_tally);
}

class LiveTallyAllowed : public Votes {
 protected:
  LiveTallyAllowed()
      : Votes(SetupBuilder().live_tally_allowed().members("r", 10).item("x").build()) {}
};

TEST_F(LiveTallyAllowed, SecretVoteMayShowALiveTally) {
  open(vote_on(0).secret().live_tally());
  EXPECT_TRUE(vote().spec.live_tally);
}

// The server batches live tallies and folds them in as events of its own.
TEST_F(Votes, LiveTallyEventUpdatesTheOpenVote) {
  open(vote_on(0).live_tally());
  m.ok(ballot({kYes}), participant("r1"));
  Event tally{m.state().seq + 1, m.clock.now(), "server",
              ev::LiveTally{1, {{"赞成", 1, 1.0}, {"反对", 0, 0.0}, {"弃权", 0, 0.0}}, 1}};
  m.meeting().apply(tally);
  EXPECT_EQ(vote().live_cast, 1u);
  ASSERT_EQ(vote().live_counts.size(), 3u);
  EXPECT_EQ(vote().live_counts[0].count, 1u);
  EXPECT_EQ(m.state().seq, tally.seq);
}

TEST_F(Votes, BallotForAnUnknownVoteIsIgnoredOnRestore) {
  const std::string before = describe(m.state());
  m.meeting().apply(SecretBallot{42, "R-x", {0}, 1.0, ""});
  EXPECT_EQ(describe(m.state()), before);
}

TEST_F(Votes, InvitedMembersVoteOnlyOnTheirItems) {
  MeetingDriver s(sample_setup());
  s.start();
  s.check_in_fixed_members();
  s.ok(cmd::CheckIn{"expert1"}, chair());
  s.open("parking");
  Id p = s.ok(cmd::ProposeMotion{"停车", 0, "elderly1"}, chair()).created_id;
  s.ok(cmd::SecondMotion{p, "youth1"}, chair());
  s.ok(cmd::OpenVote{vote_on(p)}, chair());
  s.rejects(ballot({kYes}), participant("expert1"), ErrorCode::not_eligible);
  s.ok(cmd::CloseVote{}, chair());
  s.ok(cmd::NextItem{}, chair());
  Id l = s.ok(cmd::ProposeMotion{"电梯", 0, "elderly1"}, chair()).created_id;
  s.ok(cmd::SecondMotion{l, "youth1"}, chair());
  s.ok(cmd::OpenVote{vote_on(l)}, chair());
  s.ok(ballot({kYes}), participant("expert1"));
  EXPECT_EQ(s.state().votes.back().eligible.size(), 10u);
}

}  // namespace
}  // namespace gavel::test
