// The agenda: opening, closing and moving on; what an item keeps (its
// publication time, its speaking rules) and the written opinions of absent
// parties, from the meeting file and attached during the meeting.
#include <gtest/gtest.h>

#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

class Agenda : public ::testing::Test {
 protected:
  void SetUp() override {
    m.start();
    m.check_in_fixed_members();
  }
  MeetingDriver m;
};

TEST_F(Agenda, OpenItemMakesItTheCurrentItem) {
  Decision d = m.ok(cmd::OpenItem{"lift"}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<ev::ItemOpened>(d.events[0].body));
  EXPECT_EQ(std::get<ev::ItemOpened>(d.events[0].body).item_id, "lift");
  ASSERT_NE(m.state().open_item(), nullptr);
  EXPECT_EQ(m.state().open_item()->info.id, "lift");
  EXPECT_EQ(m.state().item("lift")->state, ItemState::open);
  EXPECT_EQ(m.state().item("parking")->state, ItemState::pending);
}

TEST_F(Agenda, CannotOpenTwoItems) {
  m.open("parking");
  m.rejects(cmd::OpenItem{"lift"}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::OpenItem{"parking"}, chair(), ErrorCode::invalid_state);
}

TEST_F(Agenda, UnknownItemIsNotFound) {
  m.rejects(cmd::OpenItem{"swimming-pool"}, chair(), ErrorCode::not_found);
  m.rejects(cmd::OpenItem{""}, chair(), ErrorCode::not_found);
}

TEST_F(Agenda, CloseItemClosesTheCurrentItem) {
  m.open("parking");
  Decision d = m.ok(cmd::CloseItem{}, chair());
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(std::get<ev::ItemClosed>(d.events[0].body).item_id, "parking");
  EXPECT_EQ(m.state().item("parking")->state, ItemState::closed);
  EXPECT_EQ(m.state().open_item(), nullptr);
  m.rejects(cmd::CloseItem{}, chair(), ErrorCode::invalid_state);
}

TEST_F(Agenda, ClosedItemCannotBeReopened) {
  m.open("parking");
  m.ok(cmd::CloseItem{}, chair());
  m.rejects(cmd::OpenItem{"parking"}, chair(), ErrorCode::invalid_state);
}

TEST_F(Agenda, NextItemWalksThePendingItemsInOrder) {
  m.ok(cmd::NextItem{}, chair());
  EXPECT_EQ(m.state().open_item()->info.id, "parking");
  Decision d = m.ok(cmd::NextItem{}, chair());
  ASSERT_EQ(d.events.size(), 2u) << "closes parking, opens lift";
  EXPECT_EQ(std::get<ev::ItemClosed>(d.events[0].body).item_id, "parking");
  EXPECT_EQ(std::get<ev::ItemOpened>(d.events[1].body).item_id, "lift");
  m.ok(cmd::NextItem{}, chair());
  EXPECT_EQ(m.state().open_item()->info.id, "greening");
  // Nothing is left: the last item stays open rather than half-closing.
  m.rejects(cmd::NextItem{}, chair(), ErrorCode::invalid_state);
  EXPECT_EQ(m.state().open_item()->info.id, "greening");
}

TEST_F(Agenda, NextItemSkipsClosedItems) {
  m.open("lift");
  m.ok(cmd::CloseItem{}, chair());
  m.ok(cmd::NextItem{}, chair());
  EXPECT_EQ(m.state().open_item()->info.id, "parking");
  m.ok(cmd::NextItem{}, chair());
  EXPECT_EQ(m.state().open_item()->info.id, "greening") << "lift is closed and must be skipped";
}

TEST_F(Agenda, ClosingAnItemEndsTheSpeechAndEmptiesTheList) {
  m.open("parking");
  m.ok(cmd::RequestFloor{}, participant("youth1"));
  m.ok(cmd::CloseList{}, chair());
  m.ok(cmd::GrantFloor{0, "elderly1"}, chair());
  m.clock.advance_s(20);
  Decision d = m.ok(cmd::CloseItem{}, chair());
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ev::SpeechEnded>(d.events[0].body));
  EXPECT_FALSE(m.state().speech.has_value());
  ASSERT_EQ(m.state().speeches.size(), 1u);
  EXPECT_EQ(m.state().speeches[0].item_id, "parking");
  EXPECT_TRUE(m.state().queue.empty());
  EXPECT_FALSE(m.state().list_closed);

  m.open("lift");
  EXPECT_TRUE(m.state().queue.empty()) << "a new item starts with an empty, open list";
  EXPECT_FALSE(m.state().list_closed);
}

TEST_F(Agenda, ItemCannotCloseWhileItsVoteIsOpen) {
  m.open("parking");
  m.ok(cmd::ProposeMotion{"增设临时车位", 0, ""}, participant("elderly1"));
  m.ok(cmd::SecondMotion{1, ""}, participant("youth1"));
  m.ok(cmd::OpenVote{vote_on(1)}, chair());
  m.rejects(cmd::CloseItem{}, chair(), ErrorCode::invalid_state);
  m.rejects(cmd::NextItem{}, chair(), ErrorCode::invalid_state);
}

TEST(AgendaItems, KeepTheirTextsLimitsAndDefaults) {
  Meeting meeting(sample_setup());
  const Item* parking = meeting.state().item("parking");
  const Item* lift = meeting.state().item("lift");
  ASSERT_NE(parking, nullptr);
  ASSERT_NE(lift, nullptr);
  EXPECT_EQ(parking->info.title, "议题 parking");
  EXPECT_EQ(parking->info.background, "背景：parking");
  EXPECT_EQ(parking->info.proposal, "草案：parking");
  EXPECT_EQ(parking->info.speech_limit_s, 300u) << "发言限时制: 5 minutes by default";
  EXPECT_EQ(parking->info.max_speeches_per_person, 0u) << "no cap by default";
  EXPECT_EQ(lift->info.speech_limit_s, 120u);
  EXPECT_EQ(lift->info.max_speeches_per_person, 2u);
  EXPECT_EQ(lift->info.veto_group, "elderly");
  EXPECT_EQ(AgendaItem{}.speech_limit_s, kDefaultSpeechLimitS);
}

// The warning itself is the codec's; the engine keeps what it needs.
TEST(AgendaItems, LatePublicationCanBeDetectedFromTheState) {
  const Millis start = kMeetingDay;
  MeetingSetup setup = SetupBuilder()
                           .members("elderly", 3)
                           .item("on-time")
                           .published(start - 3 * kDay)
                           .item("late")
                           .published(start - 3 * kDay + 1)
                           .item("last-minute")
                           .published(start - 3600 * kSecond)
                           .build();
  Meeting meeting(setup);
  const MeetingState& s = meeting.state();
  auto late = [&](const char* id) {
    return s.info.scheduled_start - s.item(id)->info.published < kPublicationLead;
  };
  EXPECT_EQ(s.item("on-time")->info.published, start - 3 * kDay);
  EXPECT_FALSE(late("on-time")) << "exactly three days ahead is in time";
  EXPECT_TRUE(late("late"));
  EXPECT_TRUE(late("last-minute"));
  EXPECT_EQ(kPublicationLead, 3 * kDay);
}

TEST(AbsentOpinions, FromTheMeetingFileAreAttachedToTheirItem) {
  Meeting meeting(sample_setup());
  const Item* parking = meeting.state().item("parking");
  ASSERT_EQ(parking->opinions.size(), 1u);
  EXPECT_EQ(parking->opinions[0].author, "缺席业主");
  EXPECT_EQ(parking->opinions[0].text, "希望保留自行车棚");
  EXPECT_EQ(parking->opinions[0].received, kMeetingDay - kDay);
  EXPECT_TRUE(meeting.state().item("lift")->opinions.empty());
}

TEST(AbsentOpinions, AttachedDuringTheMeetingKeepAuthorTextAndTime) {
  MeetingDriver m;
  m.clock.advance_s(-600);  // before the start is fine: opinions arrive early
  m.ok(cmd::AttachOpinion{"lift", "5号楼1单元 李阿姨", "腿脚不便，支持加装"}, secretary());
  m.start();
  m.clock.advance_s(600);
  m.ok(cmd::AttachOpinion{"lift", "物业公司", "需评估管线"}, chair());
  const Item* lift = m.state().item("lift");
  ASSERT_EQ(lift->opinions.size(), 2u);
  EXPECT_EQ(lift->opinions[0].author, "5号楼1单元 李阿姨");
  EXPECT_EQ(lift->opinions[0].received, kMeetingDay - 600 * kSecond);
  EXPECT_EQ(lift->opinions[1].text, "需评估管线");
  EXPECT_EQ(lift->opinions[1].received, kMeetingDay);
}

TEST(AbsentOpinions, CanBeAttachedUntilTheMinutesAreSigned) {
  MeetingDriver m;
  m.start();
  m.ok(cmd::EndMeeting{}, chair());
  m.ok(cmd::AttachOpinion{"lift", "迟到的书面意见", "同意"}, secretary());
  m.ok(signing(m.state(), "王记录"), secretary());
  m.rejects(cmd::AttachOpinion{"lift", "更迟的意见", "反对"}, secretary(),
            ErrorCode::invalid_state);
  EXPECT_EQ(m.state().item("lift")->opinions.size(), 1u);
}

TEST(AbsentOpinions, NeedAnExistingItemAnAuthorAndAText) {
  MeetingDriver m;
  m.rejects(cmd::AttachOpinion{"nowhere", "某人", "意见"}, secretary(), ErrorCode::not_found);
  m.rejects(cmd::AttachOpinion{"lift", "", "意见"}, secretary(), ErrorCode::invalid_argument);
  m.rejects(cmd::AttachOpinion{"lift", "某人", ""}, secretary(), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace gavel::test
