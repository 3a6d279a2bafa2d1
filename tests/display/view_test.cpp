// Which view the meeting's state calls for.
#include <gtest/gtest.h>

#include "model/view.hpp"

namespace gavel::display {
namespace {

v1::MeetingSnapshot in_session_on(const std::string& item) {
  v1::MeetingSnapshot s;
  s.set_phase(v1::MEETING_IN_SESSION);
  for (const char* id : {"parking", "lift"}) s.add_agenda()->set_id(id);
  s.set_current_item_id(item);
  return s;
}

v1::Vote* closed_vote(v1::MeetingSnapshot& s, const std::string& item, std::int64_t closed_ms) {
  v1::Vote* vote = s.add_votes();
  vote->set_id(static_cast<std::uint64_t>(s.votes_size()));
  vote->set_item_id(item);
  vote->set_closed_ms(closed_ms);
  return vote;
}

TEST(View, BeforeTheMeetingIsTheJoinViewAndBetweenItemsTheAgenda) {
  v1::MeetingSnapshot s;
  s.set_phase(v1::MEETING_SCHEDULED);
  EXPECT_EQ(choose_view(s), View::join);
  EXPECT_EQ(choose_view(in_session_on("")), View::agenda);
  EXPECT_STREQ(view_name(View::agenda), "agenda");
}

TEST(View, AnOpenItemIsDebated) {
  EXPECT_EQ(choose_view(in_session_on("lift")), View::debate);
  EXPECT_EQ(item_number(in_session_on("lift")), 2);
}

TEST(View, AnOpenVoteWins) {
  v1::MeetingSnapshot s = in_session_on("parking");
  s.mutable_current_speech()->set_id(3);
  s.mutable_current_vote()->set_id(1);
  s.mutable_current_vote()->set_open(true);
  EXPECT_EQ(choose_view(s), View::vote);
}

TEST(View, TheResultStaysUntilTheDebateMovesOn) {
  v1::MeetingSnapshot s = in_session_on("parking");
  v1::Speech* before = s.add_speeches();
  before->set_item_id("parking");
  before->set_started_ms(1000);
  v1::Motion* motion = s.add_motions();
  motion->set_item_id("parking");
  motion->set_moved_ms(1500);
  closed_vote(s, "parking", 2000);
  ASSERT_EQ(choose_view(s), View::result);
  EXPECT_EQ(fresh_result(s)->id(), 1u);

  v1::MeetingSnapshot speaking = s;
  speaking.mutable_current_speech()->set_id(9);
  speaking.mutable_current_speech()->set_started_ms(2500);
  EXPECT_EQ(choose_view(speaking), View::debate);

  // The speech ended: still debate, not the old result again.
  v1::MeetingSnapshot spoken = s;
  v1::Speech* after = spoken.add_speeches();
  after->set_item_id("parking");
  after->set_started_ms(2500);
  EXPECT_EQ(choose_view(spoken), View::debate);

  v1::MeetingSnapshot moved = s;
  v1::Motion* next = moved.add_motions();
  next->set_item_id("parking");
  next->set_moved_ms(3000);
  EXPECT_EQ(choose_view(moved), View::debate);
}

TEST(View, AResultOfAnotherItemIsNotShown) {
  v1::MeetingSnapshot s = in_session_on("lift");
  closed_vote(s, "parking", 2000);
  EXPECT_EQ(choose_view(s), View::debate);
  EXPECT_EQ(fresh_result(s), nullptr);
}

TEST(View, TheEndedMeeting) {
  v1::MeetingSnapshot s = in_session_on("parking");
  s.set_phase(v1::MEETING_ENDED);
  EXPECT_EQ(choose_view(s), View::ended);
}

TEST(View, TheMotionOnTheFloorIsTheLatestUndecidedOne) {
  v1::MeetingSnapshot s = in_session_on("parking");
  v1::Motion* carried = s.add_motions();
  carried->set_item_id("parking");
  carried->set_state(v1::MOTION_CARRIED);
  EXPECT_EQ(motion_on_floor(s), nullptr);
  v1::Motion* other = s.add_motions();
  other->set_item_id("lift");
  other->set_state(v1::MOTION_DEBATE);
  EXPECT_EQ(motion_on_floor(s), nullptr);
  v1::Motion* open = s.add_motions();
  open->set_item_id("parking");
  open->set_state(v1::MOTION_PROPOSED);
  open->set_text("错峰共享");
  ASSERT_NE(motion_on_floor(s), nullptr);
  EXPECT_EQ(motion_on_floor(s)->text(), "错峰共享");
}

TEST(View, ParticipantsByIdAndUnknownOnes) {
  v1::MeetingSnapshot s = in_session_on("parking");
  v1::Participant* p = s.add_roster();
  p->set_id("P01");
  p->set_name("欧阳龘");
  ASSERT_NE(find_participant(s, "P01"), nullptr);
  EXPECT_EQ(find_participant(s, "P01")->name(), "欧阳龘");
  EXPECT_EQ(find_participant(s, "P99"), nullptr);
}

}  // namespace
}  // namespace gavel::display
