// Opening, casting and closing votes. Eligibility is fixed at the opening;
// a secret ballot leaves the engine as a SecretBallot, never as an event.
#include <algorithm>
#include <set>

#include "attendance.hpp"
#include "decider.hpp"
#include "tally.hpp"

namespace gavel::core {

namespace {
constexpr std::size_t kMaxOptions = 20;

Result<VoteSpec> checked_spec(VoteSpec spec, const Motion& motion, const Item& item) {
  if (spec.form < BallotForm::yes_no_abstain || spec.form > BallotForm::consensus)
    return fail::argument("表决方式无效", "unknown ballot form");
  if (spec.threshold < Threshold::simple_majority || spec.threshold > Threshold::unanimity)
    return fail::argument("通过标准无效", "unknown threshold");
  if (spec.form == BallotForm::yes_no_abstain || spec.form == BallotForm::consensus) {
    spec.options = default_options(spec.form);
    spec.max_choices = 1;
    spec.option_descriptions.clear();
  } else {
    // The meeting file may list the item's options with descriptions.
    if (spec.options.empty())
      for (const VoteOption& o : item.info.options) {
        spec.options.push_back(o.label);
        spec.option_descriptions.push_back(o.description);
      }
    if (spec.option_descriptions.size() > spec.options.size())
      return fail::argument("方案说明多于方案", "more option descriptions than options");
    spec.option_descriptions.resize(spec.options.size());
    if (spec.options.size() < 2 || spec.options.size() > kMaxOptions)
      return fail::argument("比选须有2到20个方案", "give 2 to 20 options");
    if (spec.form == BallotForm::one_of_n) spec.max_choices = 1;
    if (spec.max_choices == 0 || spec.max_choices > spec.options.size())
      return fail::argument("可选数目无效", "max_choices must be between 1 and the number of options");
  }
  if (spec.question.empty()) spec.question = motion.text;
  return spec;
}

bool valid_choices(const Vote& vote, const std::vector<std::uint32_t>& choices) {
  if (choices.empty() || choices.size() > vote.spec.max_choices) return false;
  std::set<std::uint32_t> distinct(choices.begin(), choices.end());
  if (distinct.size() != choices.size()) return false;
  return *distinct.rbegin() < vote.spec.options.size();
}
}  // namespace

Decided Decider::operator()(const cmd::OpenVote& c) const {
  auto item = need_open_item();
  if (!item) return item.error();
  if (s.open_vote()) return fail::state("已有表决在进行", "a vote is already open");
  const Motion* motion = s.motion(c.spec.motion_id);
  if (!motion) return fail::not_found("动议", "motion", std::to_string(c.spec.motion_id));
  if (motion->item_id != item.value()->info.id)
    return fail::state("该动议不属于当前议题", "that motion belongs to another item");
  if (motion->state == MotionState::proposed)
    return fail::state("动议尚未获得附议，不能表决", "the motion has not been seconded");
  if (motion->state != MotionState::debate)
    return fail::state("该动议不能再表决", "that motion can no longer be voted on");
  auto spec = checked_spec(c.spec, *motion, *item.value());
  if (!spec) return spec.error();
  if (spec.value().live_tally && !s.info.live_tally_allowed && spec.value().secret)
    return fail::not_allowed("本次会议不允许无记名表决实时计票", "this meeting does not allow live tallies of secret votes");

  ev::VoteOpened opened{s.next_vote, std::move(spec.value()), {}, is_quorate(s)};
  const Item& it = *item.value();
  for (const Member& m : s.roster)
    if (m.present && may_take_part(m, it.info.id) && !it.recused.count(m.info.id))
      opened.eligible.push_back(m.info.id);
  if (opened.eligible.empty())
    return fail::state("没有有表决权的到会成员", "nobody present is eligible to vote");
  Draft d;
  d.created_id = opened.vote_id;
  if (!opened.quorate) {
    AttendanceView view = attendance(s);
    d.notices.push_back(no_quorum_notice(NoticeKind::vote_opened_without_quorum, view.present_members,
                                         view.fixed_members, view.quorum_needed, it.info.id));
  }
  if (std::string group = veto_group(opened.spec, &it); !group.empty()) d.notices.push_back(veto_notice(group));
  d.events.push_back(std::move(opened));
  return d;
}

Decided Decider::operator()(const cmd::CloseVote&) const {
  const Vote* vote = s.open_vote();
  if (!vote) return fail::state("当前没有进行中的表决", "no vote is open");
  Draft d;
  std::vector<std::string> reasons;
  for (const auto& [receipt, ballot] : vote->secret)
    if (!ballot.reason.empty()) reasons.push_back(ballot.reason);
  std::sort(reasons.begin(), reasons.end());
  Id dissent_id = s.next_dissent;
  for (const std::string& reason : reasons)
    d.events.push_back(
        ev::DissentRecorded{dissent_id++, vote->item_id, DissentKind::block, {}, reason, vote->spec.motion_id});
  d.events.push_back(ev::VoteClosed{vote->id, tally(s, *vote, is_quorate(s))});
  return d;
}

Decided Decider::operator()(const cmd::CastBallot& c) const {
  const Vote* vote = s.open_vote();
  if (!vote || (c.vote_id && c.vote_id != vote->id))
    return fail::state("表决已结束或尚未开始", "that vote is not open");
  const std::string& voter = actor.participant_id;
  if (!c.press_id.empty() && vote->press_ids.count(voter + ":" + c.press_id)) return Draft{};
  if (std::find(vote->eligible.begin(), vote->eligible.end(), voter) == vote->eligible.end())
    return make_error(ErrorCode::not_eligible, "您没有本次表决的表决权",
                      "not eligible for this vote (absent when it opened, or recused)");
  if (!valid_choices(*vote, c.choices))
    return fail::argument("选项无效", "invalid choice for this ballot");
  bool block = vote->spec.form == BallotForm::consensus && c.choices[0] == kBlock;
  if (block && c.reason.empty())
    return fail::argument("阻止共识须说明理由", "a block needs a reason");

  bool voted = vote->voters.count(voter) > 0;
  Draft d;
  ev::BallotRecorded recorded{vote->id, voter, {}, voted, c.press_id};
  if (!vote->spec.secret) {
    recorded.choices = c.choices;
  } else {
    const Member& m = *s.member(voter);
    const std::string vetoing = veto_group(s, *vote);
    SecretBallot ballot{vote->id, c.fresh_receipt, c.choices, vote->spec.weighted ? m.info.weight : 1.0,
                        block ? c.reason : std::string()};
    if (voted) {
      if (c.receipt.empty())
        return make_error(ErrorCode::duplicate, "您已投票；如需改票请出示回执",
                          "already voted: present your receipt to change the ballot");
      if (!vote->secret.count(c.receipt))
        return fail::argument("回执无效", "unknown receipt");
      // Whether a restored ballot was a veto is no longer known, so it stays as cast.
      if (vote->restored.count(c.receipt))
        return make_error(ErrorCode::invalid_state, "服务器重启后不能再改票；您原来的选票仍然有效",
                          "ballots cannot be changed after a server restart; your ballot still counts");
      ballot.receipt = c.receipt;
    } else if (ballot.receipt.empty()) {
      return make_error(ErrorCode::internal, "服务器未生成回执", "the server gave no receipt");
    } else if (vote->secret.count(ballot.receipt)) {
      // Folding this ballot would silently replace somebody else's.
      return make_error(ErrorCode::internal, "回执重复，请重试", "the server reused a receipt");
    }
    d.receipt = ballot.receipt;
    if (!vetoing.empty() && vote->spec.form == BallotForm::yes_no_abstain)
      d.veto_voice = VetoVoice{vote->id, ballot.receipt, m.info.group == vetoing && c.choices[0] == kNo};
    d.secret_ballots.push_back(std::move(ballot));
  }
  d.events.push_back(std::move(recorded));
  // A secret block's reason waits for the close, so its place in the log
  // cannot be lined up with the voter's participation.
  if (block && !vote->spec.secret)
    d.events.push_back(
        ev::DissentRecorded{s.next_dissent, vote->item_id, DissentKind::block, voter, c.reason, vote->spec.motion_id});
  return d;
}

}  // namespace gavel::core
