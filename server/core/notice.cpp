#include "notice.hpp"

namespace gavel::core {

Words rule_words(DecisionRule rule) {
  switch (rule) {
    case DecisionRule::more_yes_than_no: return {"赞成票多于反对票即通过", "carried when yes outnumbers no"};
    case DecisionRule::half_of_cast:
      return {"赞成票超过投票总数（含弃权）的一半即通过", "carried by more than half of the votes cast, abstentions included"};
    case DecisionRule::half_of_eligible:
      return {"赞成票超过到会有表决权人数的一半即通过", "carried by more than half of those present and eligible"};
    case DecisionRule::two_thirds_of_yes_no:
      return {"赞成票达到赞成与反对票合计的三分之二即通过", "carried by two thirds of the yes and no votes"};
    case DecisionRule::two_thirds_of_cast:
      return {"赞成票达到投票总数（含弃权）的三分之二即通过", "carried by two thirds of the votes cast, abstentions included"};
    case DecisionRule::unanimity: return {"全体投票人一致赞成方可通过", "carried only if every voter says yes"};
    case DecisionRule::most_votes: return {"得票最多的方案当选（票数相同则不选定）", "the option with the most votes is chosen (a tie chooses none)"};
    case DecisionRule::option_half_of_eligible:
      return {"方案得票须超过到会有表决权人数的一半", "an option needs more than half of those present and eligible"};
    case DecisionRule::option_two_thirds: return {"方案得票须达到投票总数的三分之二", "an option needs two thirds of the ballots cast"};
    case DecisionRule::option_unanimity: return {"方案须获全体投票人选择", "an option needs every ballot cast"};
    case DecisionRule::no_block: return {"无人阻止即达成共识（阻止须说明理由）", "consensus when nobody blocks (a block needs a reason)"};
  }
  return {"", ""};
}

Words veto_words(const std::string& group) {
  return {group + "的反对票可否决", "a no from " + group + " vetoes the motion"};
}

Notice no_quorum_notice(NoticeKind kind, std::uint32_t present_members, std::uint32_t fixed_members,
                        std::uint32_t quorum_needed, const std::string& item_id) {
  const std::string counts_zh = "出席 " + std::to_string(present_members) + " / 应到 " +
                                std::to_string(fixed_members) + " 人，法定人数 " +
                                std::to_string(quorum_needed);
  const std::string counts_en = std::to_string(present_members) + " of " + std::to_string(fixed_members) +
                                " members present, quorum " + std::to_string(quorum_needed);
  const bool vote = kind == NoticeKind::vote_opened_without_quorum;
  return Notice{kind,
                {std::string(vote ? "表决已开始，但未达法定人数（" : "议题已开始，但未达法定人数（") + counts_zh +
                     (vote ? "）：结果将记为不足法定人数" : "）"),
                 std::string(vote ? "vote opened without quorum (" : "item opened without quorum (") + counts_en +
                     (vote ? "): the result will be recorded as no quorum" : ")")},
                item_id};
}

Notice veto_notice(const std::string& group) {
  Words w = veto_words(group);
  return Notice{NoticeKind::veto_group_applies, {"本次表决适用一票否决：" + w.zh, "a veto applies to this vote: " + w.en},
                group};
}

Notice late_notice(const AgendaItem& item) {
  return Notice{NoticeKind::item_published_late,
                {"议题「" + item.title + "」在会前不足3天公布",
                 "item \"" + item.title + "\" was published less than 3 days before the meeting"},
                item.id};
}

}  // namespace gavel::core
