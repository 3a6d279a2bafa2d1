// The engine's central property: state = fold(events). For fixed seeds, a
// generator sends thousands of random commands (many of them illegal) from
// random actors at advancing times. After every command:
//   - a refused command changed nothing (same description, same seq);
//   - an accepted one produced events numbered seq+1, seq+2, ... at `now`;
//   - a mirror Meeting built from the same setup, fed only the accepted
//     events and secret ballots, describes exactly as the live one;
//   - no event of a secret vote carries a choice.
// At the end a fresh replay of the whole record matches too, as does a
// restart from a checkpoint of the fold taken anywhere plus the events after
// it, and every kind of command was accepted at least once, so the walk
// reached deep states.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "store/state_image.hpp"
#include "support/describe.hpp"
#include "support/meeting_driver.hpp"

namespace gavel::test {
namespace {

using namespace core;

MeetingSetup property_setup(bool rules) {
  SetupBuilder b;
  b.quorum(4, 0.5)
      .members("elderly", 5)
      .members("youth", 3)
      .members("tenant", 3)
      .members("merchant", 2, 2.5)
      .invited("expert1", "expert", {"i2", "i5"})
      .invited("expert2", "expert", {"i3"});
  for (int i = 1; i <= 16; ++i) b.item("i" + std::to_string(i));
  // Vary the items: caps, limits, veto groups.
  MeetingSetup s = b.build();
  s.agenda[1].max_speeches_per_person = 2;
  s.agenda[2].speech_limit_s = 90;
  s.agenda[3].veto_group = "youth";
  s.agenda[4].max_speeches_per_person = 1;
  s.agenda[4].speech_limit_s = 40;
  s.agenda[6].veto_group = "elderly";
  s.info.queue_rules.first_time_speakers_first = rules;
  s.info.queue_rules.alternate_groups = rules;
  s.info.live_tally_allowed = rules;
  s.opinions.push_back({"i1", {"缺席者", "书面意见", kMeetingDay - kDay}});
  return s;
}

class Generator {
 public:
  Generator(std::uint32_t seed, const MeetingSetup& setup) : rng_(seed) {
    for (const Participant& p : setup.roster) people_.push_back(p.id);
    for (const AgendaItem& a : setup.agenda) items_.push_back(a.id);
  }

  // Mostly a role the permission table allows for the command, acting as
  // somebody present (for a ballot: somebody eligible); sometimes anybody.
  Actor actor(const Command& command, const MeetingState& s) {
    if (pick(5) == 0) {
      int r = pick(100);
      if (r < 30) return chair();
      if (r < 40) return secretary();
      if (r < 45) return display();
      std::string who = r < 97 ? person() : "stranger";
      return r < 85 ? participant(who) : clicker(who);
    }
    std::vector<Role> roles;
    for (Role role : {Role::chair, Role::secretary, Role::participant, Role::clicker})
      if (allowed(role, command)) roles.push_back(role);
    Role role = roles[static_cast<std::size_t>(pick(static_cast<int>(roles.size())))];
    if (role == Role::chair) return chair();
    if (role == Role::secretary) return secretary();
    std::vector<std::string> pool;
    if (const Vote* v = s.open_vote(); v && std::holds_alternative<cmd::CastBallot>(command))
      pool = v->eligible;
    else
      for (const Member& m : s.roster)
        if (m.present) pool.push_back(m.info.id);
    std::string who = pool.empty() || pick(6) == 0
                          ? person()
                          : pool[static_cast<std::size_t>(pick(static_cast<int>(pool.size())))];
    return Actor{role, who};
  }

  Millis advance() {
    int r = pick(100);
    if (r < 30) return 0;
    if (r < 90) return pick(20'000);
    if (r < 99) return pick(400'000);
    return pick(3) * kDay;
  }

  Command command(const MeetingState& s) {
    // Weights follow the meeting, as a real room would: start it, open an
    // item when none is open, vote while a vote is open. Ending is rare, so
    // most of the walk happens in session, with the tail after the end.
    const bool scheduled = s.phase == Phase::scheduled;
    const bool no_item = s.phase == Phase::in_session && !s.open_item();
    const bool voting = s.open_vote() != nullptr;
    const std::array<int, std::variant_size_v<Command>> weights = {
        scheduled ? 200 : 10,  // start_meeting
        10,                    // end_meeting (fires rarely: see below)
        no_item ? 400 : 20,    // open_item
        no_item ? 0 : 3,       // close_item
        no_item ? 100 : 3,     // next_item
        20,                    // attach_opinion
        scheduled ? 300 : 80,  // check_in
        30,                    // check_out
        20,                    // declare_interest
        140,                   // request_floor
        30,                    // withdraw_request
        60,                    // grant_floor
        60,                    // next_speaker
        30,                    // move_request
        20,                    // remove_request
        20,                    // close_list
        20,                    // reopen_list
        30,                    // pause_timer
        30,                    // resume_timer
        20,                    // extend_timer
        40,                    // end_speech
        40,                    // record_dissent
        20,                    // reply_dissent
        80,                    // propose_motion
        80,                    // second_motion
        20,                    // withdraw_motion
        voting ? 10 : 100,     // open_vote
        voting ? 50 : 10,      // close_vote
        voting ? 600 : 20,     // cast_ballot
        40,                    // record_resolution
        30,                    // sign_minutes
        no_item ? 20 : 2,      // defer_item
        no_item ? 150 : 2,     // reopen_item
        30,                    // update_resolution
        30,                    // edit_minutes
    };
    std::discrete_distribution<std::size_t> which(weights.begin(), weights.end());
    std::size_t kind = which(rng_);
    if (kind == 1 && pick(40) != 0) kind = 28;  // end_meeting: 1 in 40 of its draws
    switch (kind) {
      case 0:
        return cmd::StartMeeting{};
      case 1:
        return cmd::EndMeeting{pick(2) == 0};
      case 2:
        return cmd::OpenItem{item()};
      case 3:
        return cmd::CloseItem{};
      case 4:
        return cmd::NextItem{};
      case 5:
        return cmd::AttachOpinion{item(), maybe("作者"), maybe("意见")};
      case 6:
        return cmd::CheckIn{maybe_person()};
      case 7:
        return cmd::CheckOut{maybe_person()};
      case 8:
        return cmd::DeclareInterest{pick(2) ? item() : std::string(), maybe_person()};
      case 9:
        return cmd::RequestFloor{request_kind(), maybe_person()};
      case 10:
        return cmd::WithdrawRequest{request_id(s)};
      case 11:
        return pick(2) ? cmd::GrantFloor{request_id(s), {}} : cmd::GrantFloor{0, maybe_person()};
      case 12:
        return cmd::NextSpeaker{};
      case 13:
        return cmd::MoveRequest{request_id(s), static_cast<std::uint32_t>(pick(6))};
      case 14:
        return cmd::RemoveRequest{request_id(s)};
      case 15:
        return cmd::CloseList{};
      case 16:
        return cmd::ReopenList{};
      case 17:
        return cmd::PauseTimer{};
      case 18:
        return cmd::ResumeTimer{};
      case 19:
        return cmd::ExtendTimer{static_cast<std::uint32_t>(pick(5) ? pick(120) : 5000)};
      case 20:
        return cmd::EndSpeech{};
      case 21:
        return cmd::RecordDissent{pick(3) ? std::string() : item(),
                                  static_cast<DissentKind>(pick(6)), maybe_person(),
                                  maybe("不同意见"), pick(4) == 0};
      case 22:
        return cmd::ReplyDissent{static_cast<Id>(pick(static_cast<int>(s.next_dissent) + 1)),
                                 maybe("回应")};
      case 23:
        return cmd::ProposeMotion{maybe("动议"), pick(3) ? 0 : motion_id(s), maybe_person()};
      case 24:
        return cmd::SecondMotion{motion_id(s), maybe_person()};
      case 25:
        return cmd::WithdrawMotion{motion_id(s)};
      case 26:
        return cmd::OpenVote{spec(s)};
      case 27:
        return cmd::CloseVote{};
      case 28:
        return ballot(s);
      case 29: {
        Id motion = motion_id(s);
        for (const Motion& m : s.motions)
          if (m.state == MotionState::carried && pick(2)) motion = m.id;
        return cmd::RecordResolution{motion, maybe("决议"), maybe("物业"), maybe("2026-06-30")};
      }
      case 30:
        // The server fills the content hash from its draft; any 64 characters do here.
        return cmd::SignMinutes{maybe("记录员"), std::string(64, 'f'), pick(4) ? s.seq : s.seq + 1};
      case 31:
        return cmd::DeferItem{item()};
      case 32:
        return cmd::ReopenItem{item()};
      case 33:
        return cmd::UpdateResolution{static_cast<Id>(pick(static_cast<int>(s.next_resolution) + 1)),
                                     static_cast<ResolutionStatus>(1 + pick(4)), maybe("进展")};
      case 34:
        return cmd::EditMinutes{pick(2) ? MinutesEditKind::note : MinutesEditKind::wording,
                                pick(2) ? "item/" + item() + "/summary" : "vote/1", maybe("纪要")};
    }
    return cmd::StartMeeting{};
  }

  // A participant usually acts for themselves: clear the named person.
  void act_for_self(Command& command) {
    if (pick(4) == 0) return;
    std::visit(
        [](auto& c) {
          if constexpr (requires { c.participant_id; }) c.participant_id.clear();
          if constexpr (requires { c.mover_id; }) c.mover_id.clear();
          if constexpr (requires { c.seconder_id; }) c.seconder_id.clear();
        },
        command);
  }

  // Receipts the server handed out, so that later ballots can change them.
  void remember(const Decision& d) {
    if (!d.receipt.empty()) receipts_.push_back(d.receipt);
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string person() {
    return people_[static_cast<std::size_t>(pick(static_cast<int>(people_.size())))];
  }
  std::string maybe_person() {
    int r = pick(20);
    if (r < 16) return person();
    if (r < 19) return {};
    return "ghost";
  }
  std::string item() {
    if (pick(15) == 0) return "pool";
    return items_[static_cast<std::size_t>(pick(static_cast<int>(items_.size())))];
  }
  std::string maybe(const char* text) { return pick(12) ? std::string(text) : std::string(); }
  RequestKind request_kind() { return static_cast<RequestKind>(pick(7)); }  // 0 and 6 are invalid
  Id request_id(const MeetingState& s) {
    if (!s.queue.empty() && pick(5))
      return s.queue[static_cast<std::size_t>(pick(static_cast<int>(s.queue.size())))].id;
    return static_cast<Id>(pick(static_cast<int>(s.next_request) + 2));
  }
  Id motion_id(const MeetingState& s) {
    if (!s.motions.empty() && pick(3))
      return s.motions.back().id - static_cast<Id>(pick(2) && s.motions.size() > 1);
    return static_cast<Id>(pick(static_cast<int>(s.next_motion) + 1));
  }
  VoteSpec spec(const MeetingState& s) {
    VoteSpec v;
    // Prefer a motion under debate on the open item, as a chair would.
    std::vector<Id> debated;
    for (const Motion& m : s.motions)
      if (m.state == MotionState::debate) debated.push_back(m.id);
    v.motion_id = !debated.empty() && pick(5)
                      ? debated[static_cast<std::size_t>(pick(static_cast<int>(debated.size())))]
                      : motion_id(s);
    v.form = static_cast<BallotForm>(1 + pick(pick(20) ? 4 : 5));
    v.threshold = static_cast<Threshold>(1 + pick(pick(20) ? 4 : 5));
    int options = pick(5);
    for (int i = 0; i < options; ++i) v.options.push_back("方案" + std::to_string(i + 1));
    v.max_choices = static_cast<std::uint32_t>(pick(4));
    v.secret = pick(2);
    v.abstentions_count = pick(2);
    v.weighted = pick(4) == 0;
    if (pick(5) == 0) v.veto_group = pick(2) ? "elderly" : "tenant";
    v.live_tally = pick(6) == 0;
    return v;
  }
  cmd::CastBallot ballot(const MeetingState& s) {
    cmd::CastBallot c;
    c.vote_id = pick(10) ? 0 : static_cast<Id>(pick(static_cast<int>(s.next_vote) + 1));
    std::size_t options = s.open_vote() ? s.open_vote()->spec.options.size() : 3;
    int n = pick(10) ? 1 : pick(4);
    for (int i = 0; i < n; ++i)
      c.choices.push_back(
          static_cast<std::uint32_t>(pick(static_cast<int>(options) + (pick(15) ? 0 : 2))));
    if (pick(3) == 0) c.reason = "阻止理由";
    if (pick(2)) c.press_id = "press-" + std::to_string(pick(6));
    if (!receipts_.empty() && pick(5) == 0)
      c.receipt = receipts_[static_cast<std::size_t>(pick(static_cast<int>(receipts_.size())))];
    int r = pick(40);
    if (r == 0)
      c.fresh_receipt = "";
    else if (r == 1 && !receipts_.empty())
      c.fresh_receipt = receipts_.back();  // a collision
    else
      c.fresh_receipt = "R" + std::to_string(++fresh_);
    return c;
  }

  std::mt19937 rng_;
  std::vector<std::string> people_;
  std::vector<std::string> items_;
  std::vector<std::string> receipts_;
  int fresh_ = 0;
};

struct Walk {
  std::map<std::string, int> accepted;  // by command name
  std::map<std::string, int> refused;   // by error code
  int events = 0;
};

void walk(std::uint32_t seed, bool rules, int steps, Walk& stats) {
  SCOPED_TRACE("seed " + std::to_string(seed) + (rules ? " with queue rules" : ""));
  const MeetingSetup setup = property_setup(rules);
  MeetingDriver live(setup);
  Meeting mirror(setup);
  Generator gen(seed, setup);
  std::string before = describe(live.state());

  for (int step = 0; step < steps; ++step) {
    live.clock.advance(gen.advance());
    // Near the end the chair closes the vote and ends the meeting, so the
    // tail of the walk happens after the end (minutes, late records).
    const bool forced = step == steps * 9 / 10 || step == steps * 9 / 10 + 1;
    Command command = !forced                  ? gen.command(live.state())
                      : step == steps * 9 / 10 ? Command{cmd::CloseVote{}}
                                               : Command{cmd::EndMeeting{true}};
    const Actor actor = forced ? chair() : gen.actor(command, live.state());
    if (actor.role == Role::participant || actor.role == Role::clicker) gen.act_for_self(command);
    const Seq seq = live.state().seq;
    auto result = live.send(command, actor);
    const std::string after = describe(live.state());
    const std::string context = "step " + std::to_string(step) + ": " + what(command, actor);

    if (!result) {
      const Error& e = result.error();
      ++stats.refused[name_of(e.code)];
      ++stats.refused[std::string(command_name(command)) + ":" + name_of(e.code)];
      ASSERT_EQ(after, before) << context << " was refused (" << e.message_en
                               << ") but changed the state";
      ASSERT_EQ(live.state().seq, seq) << context;
      ASSERT_FALSE(e.message_en.empty()) << context;
      ASSERT_FALSE(e.message_zh.empty()) << context;
      if (e.code == ErrorCode::internal) {  // only for a missing or reused fresh receipt
        ASSERT_TRUE(std::holds_alternative<cmd::CastBallot>(command))
            << context << ": internal error (" << e.message_en << ")";
      }
      continue;
    }

    const Decision& d = result.value();
    gen.remember(d);
    ++stats.accepted[command_name(command)];
    stats.events += static_cast<int>(d.events.size());
    for (std::size_t i = 0; i < d.events.size(); ++i) {
      ASSERT_EQ(d.events[i].seq, seq + 1 + i) << context << ": event " << i;
      ASSERT_EQ(d.events[i].at, live.clock.now()) << context;
    }
    ASSERT_EQ(live.state().seq, seq + d.events.size()) << context;
    if (d.events.empty()) {
      ASSERT_EQ(after, before) << context
                               << " was acknowledged with no event but changed the state";
    }

    for (const Event& e : d.events) mirror.apply(e);
    for (const SecretBallot& b : d.secret_ballots) mirror.apply(b);
    if (d.veto) mirror.apply(*d.veto);
    ASSERT_EQ(describe(mirror.state()), after)
        << context << ": folding the events does not rebuild the state";

    for (const Event& e : d.events) {
      const auto* b = std::get_if<ev::BallotRecorded>(&e.body);
      if (!b) continue;
      const Vote& v = live.state().votes.at(b->vote_id - 1);
      if (v.spec.secret) {
        ASSERT_TRUE(b->choices.empty()) << context << ": a secret choice reached the log";
        ASSERT_EQ(d.secret_ballots.size(), 1u) << context;
      }
    }
    before = after;
  }

  EXPECT_EQ(describe(live.replay().state()), describe(live.state()))
      << "a fresh replay of the whole record differs";

  // After a restart the store has the log in order and the ballot box in
  // no order at all: all events first, then every ballot, must do too.
  Meeting restarted(setup);
  std::vector<SecretBallot> box;
  std::map<Id, VetoStanding> vetoes;  // one bit per vote, the latest
  for (const Step& s : live.record()) {
    for (const Event& e : s.events) restarted.apply(e);
    box.insert(box.end(), s.ballots.begin(), s.ballots.end());
    if (s.veto) vetoes[s.veto->vote_id] = *s.veto;
  }
  // The box keeps one ballot per receipt, the latest; apply it in a
  // shuffled order.
  std::map<std::pair<Id, std::string>, SecretBallot> latest;
  for (const SecretBallot& b : box) latest[{b.vote_id, b.receipt}] = b;
  std::vector<SecretBallot> shuffled;
  for (const auto& [key, b] : latest) shuffled.push_back(b);
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
  for (const SecretBallot& b : shuffled) restarted.apply(b);
  for (const auto& [vote, veto] : vetoes) restarted.apply(veto);
  EXPECT_EQ(describe(restarted.state()), describe(live.state()))
      << "events first, then the ballot box, does not rebuild the state";

  // A restart from a checkpoint of the fold (store/state_image.hpp) folds
  // only the events after it, then the ballot box: the same state, wherever
  // the checkpoint was taken.
  std::vector<Event> log;
  for (const Step& s : live.record()) log.insert(log.end(), s.events.begin(), s.events.end());
  std::mt19937 cuts(seed);
  for (int round = 0; round < 8; ++round) {
    const std::size_t cut = std::uniform_int_distribution<std::size_t>(0, log.size())(cuts);
    Meeting before_cut(setup);
    for (std::size_t i = 0; i < cut; ++i) before_cut.apply(log[i]);
    const store::StateImage image = store::image_of(before_cut.state(), 1);
    std::map<Id, std::string> records(image.closed_votes.begin(), image.closed_votes.end());
    auto state = store::state_from(image.state, [&](Id vote) -> std::optional<std::string> {
      auto it = records.find(vote);
      return it == records.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
    ASSERT_TRUE(state.ok()) << "cut at " << cut << ": " << state.error().message_en;
    Meeting resumed(std::move(state.value()));
    ASSERT_EQ(describe(resumed.state()), describe(before_cut.state())) << "the checkpoint at " << cut << " differs";
    for (std::size_t i = cut; i < log.size(); ++i) resumed.apply(log[i]);
    for (const SecretBallot& b : shuffled) resumed.apply(b);
    for (const auto& [vote, veto] : vetoes) resumed.apply(veto);
    ASSERT_EQ(describe(resumed.state()), describe(live.state()))
        << "a checkpoint at event " << cut << " of " << log.size() << ", then the tail, does not rebuild the state";
  }
}

TEST(ReplayProperty, FoldingTheRecordedEventsReproducesTheState) {
  constexpr std::uint32_t kSeeds[] = {1, 7, 42, 1234, 20260110, 0xC0FFEE};
  constexpr int kSteps = 2000;
  Walk stats;
  for (std::uint32_t seed : kSeeds)
    for (bool rules : {false, true}) {
      walk(seed, rules, kSteps, stats);
      if (::testing::Test::HasFatalFailure()) return;
    }

  // The walk is not vacuous: every command was accepted somewhere, and a
  // good share of them were refused for every kind of reason.
  std::string never;
  for (const Permission& p : permission_table())
    if (!stats.accepted.count(p.command)) never += std::string(" ") + p.command;
  EXPECT_TRUE(never.empty()) << "never accepted:" << never;
  for (const char* code : {"not_allowed", "not_found", "invalid_state", "invalid_argument",
                           "not_present", "duplicate", "not_eligible", "unauthenticated"})
    EXPECT_GT(stats.refused[code], 0) << "no command was refused with " << code;
  EXPECT_GT(stats.events, 5000);
  std::string summary;
  for (const auto& [name, n] : stats.accepted) summary += " " + name + "=" + std::to_string(n);
  RecordProperty("accepted", summary);
  std::string refused;
  for (const auto& [name, n] : stats.refused) refused += " " + name + "=" + std::to_string(n);
  RecordProperty("refused", refused);
}

}  // namespace
}  // namespace gavel::test
