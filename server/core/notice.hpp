// Words for people that the engine decides: the rule a vote is decided by,
// the veto rule, and notices that accepted commands carry back to the chair
// (e.g. "opened without quorum"). Always Chinese and English apart, never
// one string glued with " / ". Pure; any thread.
#pragma once

#include <cstdint>
#include <string>

#include "types.hpp"

namespace gavel::core {

struct Words {
  std::string zh;
  std::string en;
};

// Numbered as gavel.v1.NoticeKind.
enum class NoticeKind {
  item_opened_without_quorum = 1,
  vote_opened_without_quorum = 2,
  veto_group_applies = 3,
  item_published_late = 4,
};

// A warning that goes with an accepted command: the command happened, but
// the chair should know this at that moment.
struct Notice {
  NoticeKind kind = NoticeKind::item_opened_without_quorum;
  Words words;
  std::string subject;  // the item id or the veto group the notice is about
};

Words rule_words(DecisionRule rule);
// "一楼住户的反对票可否决" / "a no from 一楼住户 vetoes the motion".
Words veto_words(const std::string& group);

// present_members of fixed_members, needed for quorum.
Notice no_quorum_notice(NoticeKind kind, std::uint32_t present_members, std::uint32_t fixed_members,
                        std::uint32_t quorum_needed, const std::string& item_id);
Notice veto_notice(const std::string& group);
Notice late_notice(const AgendaItem& item);

}  // namespace gavel::core
