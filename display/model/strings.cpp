#include "model/strings.hpp"

#include <array>

namespace gavel::display {

namespace {

struct Pair {
  const char* zh;
  const char* en;
};

constexpr std::array<Pair, static_cast<std::size_t>(Text::count)> kTexts{{
    {"会议尚未开始", "The meeting has not started"},
    {"会议进行中", "In session"},
    {"会议已结束", "The meeting has ended"},
    {"感谢各位参与", "Thank you for taking part"},
    {"手机扫码参会", "Scan to join on your phone"},
    {"已签到 {} 人", "{} checked in"},
    {"法定人数 {} 人", "quorum {}"},
    {"已达到法定人数", "Quorate"},
    {"未达到法定人数", "Not quorate"},
    {"议题 {} / {}", "Item {} of {}"},
    {"正在发言", "Speaking"},
    {"等待下一位发言人", "Waiting for the next speaker"},
    {"发言名单", "Speakers' list"},
    {"暂无人申请发言", "Nobody has asked to speak"},
    {"名单已截止", "List closed"},
    {"另有 {} 人", "{} more"},
    {"已暂停", "Paused"},
    {"超时", "Overtime"},
    {"程序问题", "Point of order"},
    {"动议", "Motion"},
    {"表决进行中", "Vote open"},
    {"无记名投票", "Secret ballot"},
    {"记名投票", "Open ballot"},
    {"已投票 {} / {}", "{} of {} voted"},
    {"已投票", "Voted"},
    {"无记名投票：表决结束后公布结果", "Secret ballot: results when the vote closes"},
    {"实时计票", "Live tally"},
    {"表决结果", "Result"},
    {"通过标准：{}", "To carry: {}"},
    {"回避 {} 人", "{} recused"},
    {"{}行使一票否决", "vetoed by {}"},
    {"开始时达到法定人数", "quorate at opening"},
    {"开始时未达法定人数", "not quorate at opening"},
    {"结束时达到法定人数", "quorate at close"},
    {"结束时未达法定人数", "not quorate at close"},
    {"权重", "weight"},
    {"与服务器的连接已断开，正在重新连接…", "Connection lost: reconnecting…"},
    {"正在连接服务器…", "Connecting to the server…"},
    {"屏幕上是断线前的最后状态", "Showing the last state received"},
    {"第 {} 次尝试", "attempt {}"},
    {"主持人：{}", "Chair: {}"},
}};

const char* pick(Lang lang, const Pair& pair) { return lang == Lang::zh ? pair.zh : pair.en; }

}  // namespace

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "zh-CN" || text == "zh" || text == "zh_CN") return Lang::zh;
  if (text == "en" || text == "en-US" || text == "en-GB") return Lang::en;
  return std::nullopt;
}

const char* tr(Lang lang, Text which) { return pick(lang, kTexts.at(static_cast<std::size_t>(which))); }

std::string fill(std::string_view pattern, std::initializer_list<std::string> values) {
  std::string out;
  auto next = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && next != values.end()) {
      out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

const char* outcome_word(Lang lang, v1::Outcome outcome) {
  switch (outcome) {
    case v1::OUTCOME_CARRIED: return pick(lang, {"通过", "Carried"});
    case v1::OUTCOME_DEFEATED: return pick(lang, {"未通过", "Defeated"});
    case v1::OUTCOME_VETOED: return pick(lang, {"否决", "Vetoed"});
    case v1::OUTCOME_NO_QUORUM: return pick(lang, {"未达法定人数，无效", "No quorum: void"});
    case v1::OUTCOME_BLOCKED: return pick(lang, {"共识被阻止", "Blocked"});
    case v1::OUTCOME_CHOSEN: return pick(lang, {"选定", "Chosen"});
    default: return "";
  }
}

const char* request_kind_word(Lang lang, v1::RequestKind kind) {
  switch (kind) {
    case v1::REQUEST_PRO: return pick(lang, {"赞成", "for"});
    case v1::REQUEST_CONTRA: return pick(lang, {"反对", "against"});
    case v1::REQUEST_REPLY: return pick(lang, {"回应", "reply"});
    case v1::REQUEST_POINT_OF_ORDER: return tr(lang, Text::point_of_order);
    default: return "";
  }
}

std::string ballot_form_words(Lang lang, const v1::VoteSpec& spec) {
  switch (spec.form()) {
    case v1::BALLOT_YES_NO_ABSTAIN: return pick(lang, {"赞成 / 反对 / 弃权", "Yes / No / Abstain"});
    case v1::BALLOT_ONE_OF_N: return pick(lang, {"方案比选（选一项）", "Choose one"});
    case v1::BALLOT_K_OF_N:
      return fill(pick(lang, {"方案比选（最多选 {} 项）", "Choose up to {}"}), {std::to_string(spec.max_choices())});
    case v1::BALLOT_CONSENSUS: return pick(lang, {"共识决：同意 / 可以接受 / 阻止", "Consensus: agree / accept / block"});
    default: return "";
  }
}

const std::string& words(Lang lang, const v1::Wording& wording) {
  const std::string& mine = lang == Lang::zh ? wording.zh() : wording.en();
  return mine.empty() ? (lang == Lang::zh ? wording.en() : wording.zh()) : mine;
}

}  // namespace gavel::display
