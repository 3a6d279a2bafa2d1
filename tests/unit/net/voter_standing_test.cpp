// A participant's welcome says where they stand in the open vote.
#include "net/voter_standing.hpp"

#include <gtest/gtest.h>

namespace gavel::net {
namespace {

class Standing : public ::testing::Test {
 protected:
  core::Vote& open(bool secret) {
    core::Vote vote;
    vote.id = 4;
    vote.open = true;
    vote.spec.secret = secret;
    vote.eligible = {"P01", "P02"};
    state.votes.push_back(vote);
    return state.votes.back();
  }
  core::MeetingState state;
};

TEST_F(Standing, NoVoteOpenSaysSo) {
  auto s = standing_of(state, "P01", "");
  EXPECT_EQ(s.vote_id(), 0u);
  EXPECT_FALSE(s.eligible());
  EXPECT_FALSE(s.voted());
}

TEST_F(Standing, AnEligibleVoterWhoHasNotVotedYet) {
  open(true);
  auto s = standing_of(state, "P01", "");
  EXPECT_EQ(s.vote_id(), 4u);
  EXPECT_TRUE(s.eligible());
  EXPECT_FALSE(s.voted());
  EXPECT_FALSE(s.may_change());
  EXPECT_FALSE(standing_of(state, "P09", "").eligible()) << "absent at the opening, or recused";
}

TEST_F(Standing, ANamedBallotCanAlwaysBeReplaced) {
  open(false).voters.insert("P01");
  auto s = standing_of(state, "P01", "");
  EXPECT_TRUE(s.voted());
  EXPECT_TRUE(s.may_change());
  EXPECT_TRUE(s.receipt().empty());
}

TEST_F(Standing, ASecretBallotChangesWithItsReceiptWhileTheServerHoldsIt) {
  core::Vote& vote = open(true);
  vote.voters.insert("P01");
  vote.secret["R-1"] = core::SecretBallot{};
  auto s = standing_of(state, "P01", "R-1");
  EXPECT_TRUE(s.voted());
  EXPECT_TRUE(s.may_change());
  EXPECT_EQ(s.receipt(), "R-1");

  auto forgotten = standing_of(state, "P01", "");
  EXPECT_TRUE(forgotten.voted()) << "after a restart the ballot still counts";
  EXPECT_FALSE(forgotten.may_change());
  EXPECT_TRUE(forgotten.receipt().empty());

  vote.restored.insert("R-1");
  EXPECT_FALSE(standing_of(state, "P01", "R-1").may_change()) << "a ballot read back after a restart stays";
  EXPECT_FALSE(standing_of(state, "P01", "R-other").may_change()) << "a receipt of another vote is nothing";
}

TEST_F(Standing, TheChairSeesWhichPairedClickersHaveVoted) {
  open(true).voters.insert("P01");
  v1::ClickerFleet fleet;
  auto* paired = fleet.add_devices();
  paired->set_device_id("C-01");
  paired->set_participant_id("P01");
  auto* waiting = fleet.add_devices();
  waiting->set_device_id("C-02");
  waiting->set_participant_id("P02");
  auto* pool = fleet.add_devices();
  pool->set_device_id("C-90");
  pool->set_pool(true);
  mark_voted_clickers(state, &fleet);
  EXPECT_TRUE(fleet.devices(0).voted());
  EXPECT_FALSE(fleet.devices(1).voted());
  EXPECT_FALSE(fleet.devices(2).voted());
  state.votes.back().open = false;
  mark_voted_clickers(state, &fleet);
  EXPECT_FALSE(fleet.devices(0).voted()) << "nothing open: nobody has voted in it";
}

}  // namespace
}  // namespace gavel::net
