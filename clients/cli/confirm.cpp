#include "confirm.hpp"

#include <algorithm>
#include <cctype>

namespace gavel::cli {

namespace {

std::string end_question(const v1::MeetingSnapshot& s, const Names& names, Lang l, bool force) {
  std::string open_zh, open_en;
  auto add = [&](const std::string& zh, const std::string& en) {
    open_zh += (open_zh.empty() ? "" : "、") + zh;
    open_en += (open_en.empty() ? "" : ", ") + en;
  };
  if (s.current_vote().id() != 0) add("表决 #" + std::to_string(s.current_vote().id()), "vote #" + std::to_string(s.current_vote().id()));
  if (s.current_speech().id() != 0)
    add(names.person(s.current_speech().participant_id()) + " 的发言",
        "the speech of " + names.person(s.current_speech().participant_id()));
  if (!s.current_item_id().empty()) add("议题 " + names.item(s.current_item_id()), "item " + names.item(s.current_item_id()));
  int pending = 0;
  for (const v1::AgendaItem& item : s.agenda()) pending += item.state() == v1::ITEM_PENDING ? 1 : 0;
  std::string q = say(l, "结束会议？此操作不可撤销。", "End the meeting? This cannot be undone.");
  if (!open_zh.empty())
    q += say(l, "仍在进行：" + open_zh + (force ? "，将被一并结束。" : "（服务器将拒绝，除非加 --force）。"),
             " Still open: " + open_en + (force ? ", which will be closed." : " (the server refuses without --force)."));
  if (pending > 0)
    q += say(l, std::to_string(pending) + " 个议题尚未讨论，将记为未议。",
             " " + std::to_string(pending) + " item(s) not yet taken up will be recorded as not reached.");
  return q;
}

}  // namespace

std::optional<std::string> confirmation_question(const v1::Command& command, const v1::MeetingSnapshot& s,
                                                 const Names& names, Lang l) {
  std::string q;
  switch (command.body_case()) {
    case v1::Command::kEndMeeting: q = end_question(s, names, l, command.end_meeting().force()); break;
    case v1::Command::kCloseVote: {
      const v1::Vote& v = s.current_vote();
      const std::string n = "#" + std::to_string(v.id());
      q = say(l, "结束表决 " + n + " 并公布结果？" + std::to_string(v.eligible()) + " 人中已投 " + std::to_string(v.cast()) + " 人；结束后不能再投票。",
              "Close vote " + n + " and publish the result? " + std::to_string(v.cast()) + " of " + std::to_string(v.eligible()) +
                  " have voted; nobody can vote after this.");
      break;
    }
    case v1::Command::kCloseItem: {
      q = say(l, "结束议题 " + names.item(s.current_item_id()) + "？", "Close item " + names.item(s.current_item_id()) + "?");
      if (s.queue().requests_size() > 0)
        q += say(l, "还有 " + std::to_string(s.queue().requests_size()) + " 人等候发言。",
                 " " + std::to_string(s.queue().requests_size()) + " still waiting to speak.");
      q += say(l, "（之后可用 item reopen 重新开启，并记录在案）", " (item reopen can open it again, on the record)");
      break;
    }
    default: return std::nullopt;
  }
  return q + say(l, " [y/N] ", " [y/N] ");
}

bool is_yes(std::string_view answer) {
  while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.front()))) answer.remove_prefix(1);
  while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.back()))) answer.remove_suffix(1);
  std::string lower(answer);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "y" || lower == "yes" || lower == "是" || lower == "确定";
}

}  // namespace gavel::cli
