#include "ballot.hpp"

#include <gtest/gtest.h>

namespace gavel::cli {
namespace {

v1::MeetingSnapshot with_vote(v1::BallotForm form, std::vector<std::string> options) {
  v1::MeetingSnapshot s;
  v1::Vote* vote = s.mutable_current_vote();
  vote->set_id(3);
  vote->set_open(true);
  vote->mutable_spec()->set_form(form);
  for (const auto& o : options) vote->mutable_spec()->add_options(o);
  return s;
}

CastVote cast_of(std::vector<std::string> choices, std::uint64_t vote_id = 0, std::string reason = {},
                 std::string receipt = {}, std::string press_id = {}) {
  CastVote cast;
  cast.choices = std::move(choices);
  cast.vote_id = vote_id;
  cast.reason = std::move(reason);
  cast.receipt = std::move(receipt);
  cast.press_id = std::move(press_id);
  return cast;
}

std::vector<std::uint32_t> choices(const CastVote& cast, const v1::MeetingSnapshot& s) {
  auto command = ballot_command(cast, s);
  EXPECT_TRUE(command.ok()) << (command.ok() ? "" : command.error().message_en);
  if (!command.ok()) return {};
  const auto& c = command.value().cast_ballot().choices();
  return {c.begin(), c.end()};
}

TEST(Ballot, NumbersCountFromOne) {
  const auto s = with_vote(v1::BALLOT_K_OF_N, {"甲", "乙", "丙"});
  EXPECT_EQ(choices(cast_of({"1", "3"}), s), (std::vector<std::uint32_t>{0, 2}));
}

TEST(Ballot, NumbersNeedNoOpenVote) {
  // The server knows the vote; the number goes as it is.
  EXPECT_EQ(choices(cast_of({"2"}), v1::MeetingSnapshot()), (std::vector<std::uint32_t>{1}));
}

TEST(Ballot, OptionTextMatches) {
  const auto s = with_vote(v1::BALLOT_YES_NO_ABSTAIN, {"赞成", "反对", "弃权"});
  EXPECT_EQ(choices(cast_of({"反对"}), s), (std::vector<std::uint32_t>{1}));
}

TEST(Ballot, EnglishWordsForTheFixedForms) {
  const auto yes_no = with_vote(v1::BALLOT_YES_NO_ABSTAIN, {"赞成", "反对", "弃权"});
  EXPECT_EQ(choices(cast_of({"yes"}), yes_no), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(choices(cast_of({"no"}), yes_no), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(choices(cast_of({"abstain"}), yes_no), (std::vector<std::uint32_t>{2}));
  const auto consensus = with_vote(v1::BALLOT_CONSENSUS, {"同意", "可以接受", "阻止"});
  EXPECT_EQ(choices(cast_of({"block"}, 0, "too loud"), consensus), (std::vector<std::uint32_t>{2}));
  EXPECT_FALSE(ballot_command(cast_of({"yes"}), consensus).ok());
}

TEST(Ballot, CarriesTheRest) {
  const auto s = with_vote(v1::BALLOT_YES_NO_ABSTAIN, {"赞成", "反对", "弃权"});
  auto command = ballot_command(cast_of({"yes"}, 3, "reason", "RCPT", "press-1"), s);
  ASSERT_TRUE(command.ok());
  const v1::CastBallot& b = command.value().cast_ballot();
  EXPECT_EQ(b.vote_id(), 3u);
  EXPECT_EQ(b.reason(), "reason");
  EXPECT_EQ(b.receipt(), "RCPT");
  EXPECT_EQ(b.press_id(), "press-1");
}

TEST(Ballot, ClearErrors) {
  const auto s = with_vote(v1::BALLOT_ONE_OF_N, {"甲", "乙"});
  auto unknown = ballot_command(cast_of({"丁"}), s);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message_en.find("'丁' is not an option of vote #3 (1 甲, 2 乙)"), std::string::npos)
      << unknown.error().message_en;
  auto zero = ballot_command(cast_of({"0"}), s);
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.error().message_en.find("numbered from 1"), std::string::npos);
  auto closed = ballot_command(cast_of({"yes"}), v1::MeetingSnapshot());
  ASSERT_FALSE(closed.ok());
  EXPECT_NE(closed.error().message_en.find("no vote is open"), std::string::npos);
  auto other = ballot_command(cast_of({"甲"}, 9), s);
  ASSERT_FALSE(other.ok()) << "vote 9 is not the open vote";
}

}  // namespace
}  // namespace gavel::cli
