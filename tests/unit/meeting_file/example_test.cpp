// The shipped example, examples/residents-council, loads and shows what the
// format is for: groups, invited members, a veto group, weights, late
// publication and absent parties' opinions. The engine accepts it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/meeting.hpp"
#include "meeting_file/meeting_file.hpp"

namespace gavel::meeting_file {
namespace {

class ResidentsCouncil : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = load(std::filesystem::path(GAVEL_EXAMPLE_DIR) / "meeting.toml", {});
    ASSERT_TRUE(loaded) << loaded.error().message_en;
    setup_ = new core::MeetingSetup(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete setup_;
    setup_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(setup_, nullptr); }

  static const core::AgendaItem& item(const std::string& id) {
    const auto& agenda = setup_->agenda;
    return *std::find_if(agenda.begin(), agenda.end(),
                         [&](const core::AgendaItem& a) { return a.id == id; });
  }

  static inline core::MeetingSetup* setup_ = nullptr;
};

TEST_F(ResidentsCouncil, StartsAtHalfPastTwoChinaStandardTime) {
  EXPECT_EQ(setup_->info.date, "2026-03-21");
  EXPECT_EQ(setup_->info.scheduled_start, 1774074600000);  // 2026-03-21T06:30:00Z
  EXPECT_EQ(setup_->info.chair_name, "周建华");
  EXPECT_EQ(setup_->info.secretary_name, "林晓雯");
}

TEST_F(ResidentsCouncil, HasTwentyToThirtyParticipantsInSeveralGroups) {
  EXPECT_GE(setup_->roster.size(), 20u);
  EXPECT_LE(setup_->roster.size(), 30u);
  std::set<std::string> groups;
  for (const auto& p : setup_->roster) groups.insert(p.group);
  for (const char* group : {"老年居民", "青年居民", "租户", "商户", "物业公司", "社区工作者"})
    EXPECT_EQ(groups.count(group), 1u) << group;
}

TEST_F(ResidentsCouncil, DiscussesParkingAndTheLift) {
  ASSERT_GE(setup_->agenda.size(), 2u);
  EXPECT_NE(item("parking").proposal.find("方案A"), std::string::npos);
  EXPECT_NE(item("lift").title.find("加装电梯"), std::string::npos);
}

TEST_F(ResidentsCouncil, GivesTheLiftAVetoGroupThatIsOnTheRoster) {
  EXPECT_EQ(item("lift").veto_group, "一楼住户");
  EXPECT_GE(std::count_if(setup_->roster.begin(), setup_->roster.end(),
                          [](const core::Participant& p) { return p.group == "一楼住户"; }),
            2);
}

TEST_F(ResidentsCouncil, PublishesOneItemLessThanThreeDaysAhead) {
  const auto late =
      std::count_if(setup_->agenda.begin(), setup_->agenda.end(), [](const core::AgendaItem& a) {
        return setup_->info.scheduled_start - a.published < core::kPublicationLead;
      });
  EXPECT_EQ(late, 1);
}

TEST_F(ResidentsCouncil, AttachesOpinionsOfAbsentParties) {
  std::set<std::string> items;
  for (const auto& [item_id, opinion] : setup_->opinions) {
    items.insert(item_id);
    EXPECT_FALSE(opinion.text.empty());
    EXPECT_LT(opinion.received, setup_->info.scheduled_start);
  }
  EXPECT_EQ(items.count("lift"), 1u);
}

TEST_F(ResidentsCouncil, InvitesExpertsToTheirItemsOnly) {
  const auto invited = std::count_if(setup_->roster.begin(), setup_->roster.end(),
                                     [](const core::Participant& p) { return p.invited; });
  EXPECT_GE(invited, 4);
  for (const auto& p : setup_->roster) {
    if (p.group == "特邀专家") {
      EXPECT_TRUE(p.invited) << p.name;
    }
  }
}

TEST_F(ResidentsCouncil, WeighsOwnersByFloorArea) {
  std::set<double> weights;
  for (const auto& p : setup_->roster) weights.insert(p.weight);
  EXPECT_GT(weights.size(), 2u);
  EXPECT_EQ(weights.count(1.0), 1u) << "people without a weight count once";
}

TEST_F(ResidentsCouncil, IsAcceptedByTheEngine) {
  const core::Meeting meeting(*setup_);
  EXPECT_EQ(meeting.state().roster.size(), setup_->roster.size());
  EXPECT_EQ(meeting.state().agenda.size(), setup_->agenda.size());
}

}  // namespace
}  // namespace gavel::meeting_file
