#include "ballot.hpp"

#include <algorithm>
#include <charconv>

namespace gavel::cli {

namespace {

// The engine fills these forms' options in this order (赞成/反对/弃权,
// 同意/可以接受/阻止); the English words are for people typing on a laptop.
constexpr std::string_view kYesNo[] = {"yes", "no", "abstain"};
constexpr std::string_view kConsensus[] = {"agree", "accept", "block"};

std::optional<std::uint32_t> alias_index(v1::BallotForm form, std::string_view word) {
  const auto* words = form == v1::BALLOT_YES_NO_ABSTAIN ? kYesNo
                      : form == v1::BALLOT_CONSENSUS    ? kConsensus
                                                        : nullptr;
  if (!words) return std::nullopt;
  for (std::uint32_t i = 0; i < 3; ++i) {
    if (words[i] == word) return i;
  }
  return std::nullopt;
}

UsageError error(const std::string& zh, const std::string& en) {
  return UsageError{"vote cast：" + zh, "vote cast: " + en, "vote"};
}

}  // namespace

Checked<v1::Command> ballot_command(const CastVote& cast, const v1::MeetingSnapshot& snapshot) {
  const v1::Vote& vote = snapshot.current_vote();
  const bool open = vote.id() != 0 && vote.open() && (cast.vote_id == 0 || cast.vote_id == vote.id());

  v1::Command command;
  v1::CastBallot* ballot = command.mutable_cast_ballot();
  ballot->set_vote_id(cast.vote_id);
  ballot->set_reason(cast.reason);
  ballot->set_receipt(cast.receipt);
  ballot->set_press_id(cast.press_id);
  for (const std::string& choice : cast.choices) {
    std::uint32_t number = 0;
    const auto [end, ec] = std::from_chars(choice.data(), choice.data() + choice.size(), number);
    if (ec == std::errc() && end == choice.data() + choice.size()) {
      // Numbered from 1 as `status` and the clickers' keys show them; the
      // server checks the range.
      if (number == 0) return error("选项从 1 开始编号", "options are numbered from 1");
      ballot->add_choices(number - 1);
      continue;
    }
    if (!open)
      return error("当前没有进行中的表决，无法查找 '" + choice + "'；请给出选项编号",
                   "no vote is open, so '" + choice + "' cannot be looked up; give an option number");
    if (auto i = alias_index(vote.spec().form(), choice)) {
      ballot->add_choices(*i);
      continue;
    }
    const auto& options = vote.spec().options();
    const auto it = std::find(options.begin(), options.end(), choice);
    if (it == options.end()) {
      std::string known;
      for (int i = 0; i < options.size(); ++i)
        known += (i ? ", " : "") + std::to_string(i + 1) + " " + options[i];
      const std::string id = std::to_string(vote.id());
      return error("'" + choice + "' 不是表决 #" + id + " 的选项；可选：" + known,
                   "'" + choice + "' is not an option of vote #" + id + " (" + known + ")");
    }
    ballot->add_choices(static_cast<std::uint32_t>(it - options.begin()));
  }
  return command;
}

}  // namespace gavel::cli
