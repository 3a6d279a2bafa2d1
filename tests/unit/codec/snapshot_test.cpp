// Snapshots: what every client sees. The state is built by folding events,
// as a restarted server does, so these tests do not depend on the rules.
#include <gtest/gtest.h>

#include "codec/codec.hpp"
#include "core/meeting.hpp"
#include "core/tally.hpp"
#include "samples.hpp"

namespace gavel {
namespace {

using core::kDay;
namespace ev = core::ev;

constexpr core::Millis kStart = 1'800'000'000'000;  // the scheduled start
constexpr core::Millis kT = kStart + 1000;          // when the first speech starts

core::MeetingSetup room_setup(core::Millis scheduled_start = kStart) {
  core::MeetingSetup setup;
  setup.info.title = "居民议事会";
  setup.info.scheduled_start = scheduled_start;
  setup.info.quorum = {2, 0.0};
  setup.info.live_tally_allowed = true;
  setup.roster = {test::person("P01", "王", "老年居民"), test::person("P02", "李", "老年居民"),
                  test::person("P03", "陈", "青年"), test::person("P04", "周", "租户")};
  setup.agenda = {test::agenda_item("item-1", "加装电梯", kStart - 5 * kDay),
                  test::agenda_item("item-2", "停车管理", kStart - kDay),
                  test::agenda_item("item-3", "其他", 0)};
  setup.opinions = {{"item-1", {"张先生", "支持", 5}}};
  return setup;
}

class Room {
 public:
  explicit Room(const core::MeetingSetup& setup = room_setup()) : meeting_(setup) {}

  void at(core::Millis time, core::EventBody body, std::string actor = "chair") {
    meeting_.apply(core::Event{++seq_, time, std::move(actor), std::move(body)});
  }
  void secret_ballot(const std::string& voter, const std::string& receipt, std::uint32_t choice) {
    at(kT, ev::BallotRecorded{1, voter, {}, false, ""}, "");
    meeting_.apply(core::SecretBallot{1, receipt, {choice}, 1.0, ""});
  }
  // In session with P01..P03 present and item-1 open.
  void start() {
    at(kStart, ev::MeetingStarted{});
    for (const char* id : {"P01", "P02", "P03"}) at(kStart, ev::CheckedIn{id}, id);
    at(kStart, ev::ItemOpened{"item-1"});
  }
  void open_vote(bool secret, bool live_tally = false) {
    at(kT, ev::MotionProposed{1, "item-1", 0, "P01", "加装电梯"}, "P01");
    at(kT, ev::MotionSeconded{1, "P02"}, "P02");
    core::VoteSpec spec;
    spec.motion_id = 1;
    spec.question = "是否加装？";
    spec.options = core::default_options(core::BallotForm::yes_no_abstain);
    spec.secret = secret;
    spec.live_tally = live_tally;
    at(kT, ev::VoteOpened{1, spec, {"P01", "P02", "P03"}, true});
  }
  const core::MeetingState& state() const { return meeting_.state(); }
  v1::MeetingSnapshot snapshot(core::Millis now) const {
    v1::MeetingSnapshot out;
    codec::snapshot(meeting_.state(), now, &out);
    return out;
  }

 private:
  core::Meeting meeting_;
  core::Seq seq_ = 0;
};

TEST(Snapshot, RosterPresenceAndAttendance) {
  Room room;
  room.start();
  auto snap = room.snapshot(kT);
  EXPECT_EQ(snap.seq(), 5u);
  EXPECT_EQ(snap.phase(), v1::MEETING_IN_SESSION);
  EXPECT_EQ(snap.started_ms(), kStart);
  EXPECT_EQ(snap.info().title(), "居民议事会");
  ASSERT_EQ(snap.roster_size(), 4);
  EXPECT_TRUE(snap.roster(0).present());
  EXPECT_FALSE(snap.roster(3).present());
  EXPECT_EQ(snap.attendance().present(), 3u);
  EXPECT_EQ(snap.attendance().quorum_needed(), 2u);
  EXPECT_TRUE(snap.attendance().quorate());
  ASSERT_EQ(snap.attendance().by_group_size(), 3);
  EXPECT_EQ(snap.attendance().by_group(0).group(), "老年居民");
  EXPECT_EQ(snap.attendance().by_group(0).present(), 2u);
  EXPECT_EQ(snap.attendance().by_group(0).total(), 2u);
  EXPECT_EQ(snap.current_item_id(), "item-1");
  EXPECT_EQ(snap.agenda(0).state(), v1::ITEM_OPEN);
  EXPECT_EQ(snap.agenda(1).state(), v1::ITEM_PENDING);
  ASSERT_EQ(snap.agenda(0).opinions_size(), 1);
  EXPECT_EQ(snap.agenda(0).opinions(0).author(), "张先生");
  EXPECT_EQ(snap.minutes().state(), v1::MINUTES_NOT_STARTED);
}

TEST(Snapshot, ItemPublishedLessThanThreeDaysAheadIsFlaggedAndWarned) {
  auto snap = Room().snapshot(kStart);
  EXPECT_FALSE(snap.agenda(0).published_late());
  EXPECT_TRUE(snap.agenda(1).published_late());
  EXPECT_FALSE(snap.agenda(2).published_late()) << "no publication time: not judged";
  ASSERT_EQ(snap.notices_size(), 1);
  EXPECT_EQ(snap.notices(0).kind(), v1::NOTICE_ITEM_PUBLISHED_LATE);
  EXPECT_EQ(snap.notices(0).subject(), snap.agenda(1).id());
  EXPECT_EQ(snap.notices(0).words().zh(), "议题「停车管理」在会前不足3天公布");
  EXPECT_EQ(snap.notices(0).words().en(), "item \"停车管理\" was published less than 3 days before the meeting");
}

TEST(Snapshot, PublishedExactlyThreeDaysAheadIsOnTime) {
  core::MeetingSetup setup = room_setup();
  setup.agenda[1].published = kStart - core::kPublicationLead;
  EXPECT_FALSE(Room(setup).snapshot(kStart).agenda(1).published_late());
}

TEST(Snapshot, NoScheduledStartMeansNoLateItems) {
  auto snap = Room(room_setup(0)).snapshot(kStart);
  for (const auto& item : snap.agenda()) EXPECT_FALSE(item.published_late());
  EXPECT_EQ(snap.notices_size(), 0);
}

TEST(Snapshot, NobodySpeakingIsSpeechZero) {
  Room room;
  room.start();
  auto snap = room.snapshot(kT);
  EXPECT_EQ(snap.current_speech().id(), 0u);
}

TEST(Snapshot, RunningSpeechHasADeadline) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 300});
  auto speech = room.snapshot(kT + 60'000).current_speech();
  EXPECT_EQ(speech.id(), 1u);
  EXPECT_EQ(speech.participant_id(), "P01");
  EXPECT_EQ(speech.item_id(), "item-1");
  EXPECT_EQ(speech.started_ms(), kT);
  EXPECT_EQ(speech.limit_s(), 300u);
  EXPECT_FALSE(speech.paused());
  EXPECT_EQ(speech.deadline_ms(), kT + 300'000);
  EXPECT_EQ(speech.remaining_ms(), 0);
  EXPECT_EQ(speech.spoken_ms(), 60'000);
  EXPECT_EQ(speech.overtime_ms(), 0);
  EXPECT_EQ(speech.ended_ms(), 0);
}

TEST(Snapshot, PausedSpeechHasTimeLeftAndNoDeadline) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 300});
  room.at(kT + 30'000, ev::SpeechPaused{});
  auto speech = room.snapshot(kT + 100'000).current_speech();
  EXPECT_TRUE(speech.paused());
  EXPECT_EQ(speech.remaining_ms(), 270'000);
  EXPECT_EQ(speech.deadline_ms(), 0);
  EXPECT_EQ(speech.spoken_ms(), 30'000);
}

TEST(Snapshot, ResumedAndExtendedSpeechMovesTheDeadline) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 300});
  room.at(kT + 30'000, ev::SpeechPaused{});
  room.at(kT + 50'000, ev::SpeechResumed{});
  room.at(kT + 60'000, ev::SpeechExtended{60});
  auto speech = room.snapshot(kT + 100'000).current_speech();
  EXPECT_FALSE(speech.paused());
  EXPECT_EQ(speech.extended_s(), 60u);
  EXPECT_EQ(speech.spoken_ms(), 80'000);
  EXPECT_EQ(speech.deadline_ms(), kT + 20'000 + 360'000);  // the pause pushed it back
}

TEST(Snapshot, OvertimeIsShownAndTheDeadlineStaysPut) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 300});
  auto speech = room.snapshot(kT + 305'000).current_speech();
  EXPECT_EQ(speech.overtime_ms(), 5'000);
  EXPECT_EQ(speech.deadline_ms(), kT + 300'000);
}

TEST(Snapshot, PausedInOvertimeHasNegativeTimeLeft) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 60});
  room.at(kT + 70'000, ev::SpeechPaused{});
  auto speech = room.snapshot(kT + 90'000).current_speech();
  EXPECT_EQ(speech.remaining_ms(), -10'000);
  EXPECT_EQ(speech.overtime_ms(), 10'000);
}

TEST(Snapshot, FinishedSpeechesAndSpeakingTotals) {
  Room room;
  room.start();
  room.at(kT, ev::SpeechStarted{1, 0, "P03", core::RequestKind::pro, 300});
  room.at(kT + 90'000, ev::SpeechEnded{1});
  auto snap = room.snapshot(kT + 200'000);
  EXPECT_EQ(snap.current_speech().id(), 0u);
  ASSERT_EQ(snap.speeches_size(), 1);
  EXPECT_EQ(snap.speeches(0).ended_ms(), kT + 90'000);
  EXPECT_EQ(snap.speeches(0).spoken_ms(), 90'000);
  EXPECT_EQ(snap.speeches(0).kind(), v1::REQUEST_PRO);
  EXPECT_EQ(snap.speeches(0).deadline_ms(), 0);
  ASSERT_EQ(snap.totals_by_person_size(), 1);
  EXPECT_EQ(snap.totals_by_person(0).key(), "P03");
  EXPECT_EQ(snap.totals_by_person(0).spoken_ms(), 90'000);
  EXPECT_EQ(snap.totals_by_person(0).speeches(), 1u);
  ASSERT_EQ(snap.totals_by_group_size(), 1);
  EXPECT_EQ(snap.totals_by_group(0).key(), "青年");
}

TEST(Snapshot, QueueInCallingOrderWithItsClosedFlag) {
  Room room;
  room.start();
  room.at(kT, ev::FloorRequested{1, "P01", core::RequestKind::contribution}, "P01");
  room.at(kT + 1, ev::FloorRequested{2, "P02", core::RequestKind::contribution}, "P02");
  room.at(kT + 2, ev::FloorRequested{3, "P03", core::RequestKind::point_of_order}, "P03");
  room.at(kT + 3, ev::ListClosed{});
  auto queue = room.snapshot(kT + 10).queue();
  ASSERT_EQ(queue.requests_size(), 3);
  EXPECT_EQ(queue.requests(0).participant_id(), "P03") << "a point of order goes first";
  EXPECT_EQ(queue.requests(1).id(), 1u);
  EXPECT_EQ(queue.requests(2).id(), 2u);
  EXPECT_EQ(queue.requests(2).requested_ms(), kT + 1);
  EXPECT_TRUE(queue.closed());
}

TEST(Snapshot, OpenSecretVoteShowsTurnoutOnly) {
  Room room;
  room.start();
  room.open_vote(/*secret=*/true);
  room.secret_ballot("P01", "r-1", core::kYes);
  room.secret_ballot("P02", "r-2", core::kNo);
  // The engine holds the ballots; the snapshot must not count them.
  const core::Vote& open = *room.state().open_vote();
  ASSERT_EQ(core::count_ballots(room.state(), open)[core::kYes].count, 1u);

  auto vote = room.snapshot(kT).current_vote();
  EXPECT_EQ(vote.id(), 1u);
  EXPECT_TRUE(vote.open());
  EXPECT_TRUE(vote.spec().secret());
  EXPECT_EQ(vote.eligible(), 3u);
  EXPECT_EQ(vote.cast(), 2u);
  EXPECT_EQ(vote.counts_size(), 0);
  EXPECT_FALSE(vote.has_result());
}

TEST(Snapshot, OpenSecretVoteWithLiveTallyShowsOnlyTheLastBatch) {
  Room room;
  room.start();
  room.open_vote(/*secret=*/true, /*live_tally=*/true);
  room.secret_ballot("P01", "r-1", core::kYes);
  room.at(kT, ev::LiveTally{1, {{"赞成", 1, 1.0}, {"反对", 0, 0.0}, {"弃权", 0, 0.0}}, 1});
  room.secret_ballot("P02", "r-2", core::kNo);  // not in a batch yet

  auto vote = room.snapshot(kT).current_vote();
  EXPECT_EQ(vote.cast(), 2u);
  ASSERT_EQ(vote.counts_size(), 3);
  EXPECT_EQ(vote.counts(0).count(), 1u);
  EXPECT_EQ(vote.counts(1).count(), 0u) << "the ballot after the batch stays hidden";
}

TEST(Snapshot, OpenNamedVoteShowsRunningCounts) {
  Room room;
  room.start();
  room.open_vote(/*secret=*/false);
  room.at(kT, ev::BallotRecorded{1, "P01", {core::kYes}, false, ""}, "P01");
  room.at(kT, ev::BallotRecorded{1, "P02", {core::kYes}, false, ""}, "P02");
  room.at(kT, ev::BallotRecorded{1, "P03", {core::kNo}, false, ""}, "P03");
  auto vote = room.snapshot(kT).current_vote();
  EXPECT_EQ(vote.cast(), 3u);
  ASSERT_EQ(vote.counts_size(), 3);
  EXPECT_EQ(vote.counts(0).option(), "赞成");
  EXPECT_EQ(vote.counts(0).count(), 2u);
  EXPECT_EQ(vote.counts(1).count(), 1u);
  EXPECT_EQ(vote.counts(2).count(), 0u);
}

TEST(Snapshot, ClosedVoteCarriesItsResult) {
  Room room;
  room.start();
  room.open_vote(/*secret=*/true);
  room.secret_ballot("P01", "r-1", core::kYes);
  core::VoteResult result;
  result.eligible = 3;
  result.cast = 1;
  result.counts = {{"赞成", 1, 1.0}, {"反对", 0, 0.0}, {"弃权", 0, 0.0}};
  result.outcome = core::Outcome::carried;
  result.receipts_published = {"r-1=赞成"};
  room.at(kT + 5'000, ev::VoteClosed{1, result});
  auto snap = room.snapshot(kT + 6'000);
  EXPECT_EQ(snap.current_vote().id(), 0u);
  ASSERT_EQ(snap.votes_size(), 1);
  const auto& vote = snap.votes(0);
  EXPECT_FALSE(vote.open());
  EXPECT_EQ(vote.closed_ms(), kT + 5'000);
  EXPECT_EQ(vote.counts(0).count(), 1u);
  EXPECT_EQ(vote.result().outcome(), v1::OUTCOME_CARRIED);
  EXPECT_EQ(vote.result().receipts_published(0), "r-1=赞成");
  EXPECT_EQ(snap.motions(0).state(), v1::MOTION_CARRIED);
}

TEST(Snapshot, RecordOfTheMeeting) {
  Room room;
  room.start();
  room.at(kT, ev::InterestDeclared{"item-1", "P04"}, "P04");
  room.at(kT, ev::DissentRecorded{1, "item-1", core::DissentKind::minority, "", "少数意见"}, "secretary");
  room.at(kT + 1, ev::DissentReplied{1, "已记录"}, "secretary");
  room.at(kT + 2, ev::ResolutionRecorded{1, "item-1", 0, 0, "安装电梯", "物业", "2027-01-01"}, "secretary");
  room.at(kT + 3, ev::MeetingEnded{});
  room.at(kT + 4, ev::MinutesSigned{"李记录"}, "secretary");
  auto snap = room.snapshot(kT + 10);
  EXPECT_EQ(snap.agenda(0).recused(0), "P04");
  ASSERT_EQ(snap.dissent_size(), 1);
  EXPECT_EQ(snap.dissent(0).kind(), v1::DISSENT_MINORITY);
  EXPECT_EQ(snap.dissent(0).participant_id(), "");
  EXPECT_EQ(snap.dissent(0).reply(), "已记录");
  EXPECT_EQ(snap.dissent(0).recorded_ms(), kT);
  ASSERT_EQ(snap.resolutions_size(), 1);
  EXPECT_EQ(snap.resolutions(0).responsible(), "物业");
  EXPECT_EQ(snap.resolutions(0).recorded_ms(), kT + 2);
  EXPECT_EQ(snap.phase(), v1::MEETING_ENDED);
  EXPECT_EQ(snap.ended_ms(), kT + 3);
  EXPECT_EQ(snap.minutes().state(), v1::MINUTES_SIGNED);
  EXPECT_EQ(snap.minutes().due_ms(), kT + 3 + core::kMinutesDue);
  EXPECT_EQ(snap.minutes().signed_by(), "李记录");
  EXPECT_EQ(snap.minutes().signed_ms(), kT + 4);
}

TEST(Snapshot, AttendanceCountsFixedAndInvitedMembersApart) {
  core::MeetingSetup setup = room_setup();
  core::Participant expert = test::person("E01", "冯", "特邀专家");
  expert.invited = true;
  expert.invited_items = {"item-1"};
  setup.roster.push_back(expert);
  setup.info.quorum = {4, 0.0};
  Room room(setup);
  room.start();
  room.at(kT, ev::CheckedIn{"E01"}, "E01");
  const v1::Attendance a = room.snapshot(kT).attendance();
  EXPECT_EQ(a.present(), 4u) << "everyone checked in";
  EXPECT_EQ(a.present_members(), 3u);
  EXPECT_EQ(a.present_invited(), 1u);
  EXPECT_EQ(a.invited_members(), 1u);
  EXPECT_EQ(a.fixed_members(), 4u);
  EXPECT_EQ(a.quorum_needed(), 4u);
  EXPECT_FALSE(a.quorate()) << "an invited member does not make up the quorum";
}

TEST(Snapshot, OpenVoteCarriesItsRuleVetoAndQuorumAsStructuredData) {
  core::MeetingSetup setup = room_setup();
  setup.agenda[0].veto_group = "老年居民";
  Room room(setup);
  room.start();
  room.open_vote(/*secret=*/true);
  const v1::Vote vote = room.snapshot(kT).current_vote();
  EXPECT_EQ(vote.rule(), v1::RULE_MORE_YES_THAN_NO);
  EXPECT_EQ(vote.rule_words().zh(), "赞成票多于反对票即通过");
  EXPECT_EQ(vote.rule_words().en(), "carried when yes outnumbers no");
  EXPECT_EQ(vote.veto_group(), "老年居民");
  EXPECT_EQ(vote.veto_words().zh(), "老年居民的反对票可否决");
  EXPECT_TRUE(vote.quorate_at_open());
}

TEST(Snapshot, AChoiceAmongOptionsIsDecidedByMostVotesAndHasNoVeto) {
  core::MeetingSetup setup = room_setup();
  setup.agenda[0].veto_group = "老年居民";
  Room room(setup);
  room.start();
  room.at(kT, ev::MotionProposed{1, "item-1", 0, "P01", "选方案"}, "P01");
  room.at(kT, ev::MotionSeconded{1, "P02"}, "P02");
  core::VoteSpec spec;
  spec.motion_id = 1;
  spec.form = core::BallotForm::one_of_n;
  spec.options = {"甲", "乙"};
  spec.option_descriptions = {"东侧", "西侧"};
  room.at(kT, ev::VoteOpened{1, spec, {"P01", "P02"}, false});
  const v1::Vote vote = room.snapshot(kT).current_vote();
  EXPECT_EQ(vote.rule(), v1::RULE_MOST_VOTES);
  EXPECT_EQ(vote.rule_words().zh(), "得票最多的方案当选（票数相同则不选定）");
  EXPECT_TRUE(vote.veto_group().empty());
  EXPECT_FALSE(vote.has_veto_words());
  EXPECT_FALSE(vote.quorate_at_open());
  ASSERT_EQ(vote.spec().option_descriptions_size(), 2);
  EXPECT_EQ(vote.spec().option_descriptions(1), "西侧");
}

TEST(Snapshot, EndedMeetingShowsItemsNotReachedDeferredAndReopened) {
  Room room;
  room.start();
  room.at(kT, ev::ItemClosed{"item-1"});
  room.at(kT, ev::ItemReopened{"item-1"});
  room.at(kT, ev::ItemClosed{"item-1"});
  room.at(kT, ev::ItemDeferred{"item-3"});
  room.at(kT, ev::MeetingEnded{{"item-2"}, false});
  auto snap = room.snapshot(kT);
  EXPECT_EQ(snap.agenda(0).state(), v1::ITEM_CLOSED);
  EXPECT_EQ(snap.agenda(0).times_reopened(), 1u);
  EXPECT_EQ(snap.agenda(1).state(), v1::ITEM_NOT_REACHED);
  EXPECT_EQ(snap.agenda(2).state(), v1::ITEM_DEFERRED);
}

TEST(Snapshot, ReusedMessageIsReplacedNotAppended) {
  Room room;
  room.start();
  v1::MeetingSnapshot out;
  codec::snapshot(room.state(), kT, &out);
  codec::snapshot(room.state(), kT, &out);
  EXPECT_EQ(out.roster_size(), 4);
  EXPECT_EQ(out.notices_size(), 1);
}

}  // namespace
}  // namespace gavel
