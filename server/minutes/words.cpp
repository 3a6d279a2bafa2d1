#include "words.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace gavel::minutes {

const char* request_kind_words(core::RequestKind kind) {
  switch (kind) {
    case core::RequestKind::contribution: return "发言";
    case core::RequestKind::pro: return "支持方发言";
    case core::RequestKind::contra: return "反对方发言";
    case core::RequestKind::reply: return "回应";
    case core::RequestKind::point_of_order: return "程序问题";
  }
  return "发言";
}

const char* dissent_kind_words(core::DissentKind kind) {
  switch (kind) {
    case core::DissentKind::disagreement: return "分歧意见";
    case core::DissentKind::minority: return "少数意见";
    case core::DissentKind::objection: return "反对意见";
    case core::DissentKind::block: return "阻止共识";
  }
  return "意见";
}

const char* motion_state_words(core::MotionState state) {
  switch (state) {
    case core::MotionState::proposed: return "未获附议";
    case core::MotionState::debate: return "附议后未表决";
    case core::MotionState::voting: return "表决中";
    case core::MotionState::carried: return "通过";
    case core::MotionState::defeated: return "未通过";
    case core::MotionState::vetoed: return "被一票否决";
    case core::MotionState::withdrawn: return "已撤回";
  }
  return "";
}

const char* ballot_form_words(core::BallotForm form) {
  switch (form) {
    case core::BallotForm::yes_no_abstain: return "赞成/反对/弃权";
    case core::BallotForm::one_of_n: return "单选";
    case core::BallotForm::k_of_n: return "多选";
    case core::BallotForm::consensus: return "共识检验";
  }
  return "";
}

const char* outcome_words(core::Outcome outcome) {
  switch (outcome) {
    case core::Outcome::carried: return "通过";
    case core::Outcome::defeated: return "未通过";
    case core::Outcome::vetoed: return "一票否决，未通过";
    case core::Outcome::no_quorum: return "不足法定人数，表决无效";
    case core::Outcome::blocked: return "有人阻止，未达成共识";
    case core::Outcome::chosen: return "选定";
  }
  return "";
}

std::string threshold_words(core::Threshold threshold, bool abstentions_count) {
  switch (threshold) {
    case core::Threshold::simple_majority:
      return abstentions_count ? "赞成票超过投票人数（含弃权）的一半" : "赞成票多于反对票";
    case core::Threshold::absolute_majority: return "赞成票超过到会有表决权人数的一半";
    case core::Threshold::two_thirds:
      return abstentions_count ? "赞成票达到投票人数（含弃权）的三分之二" : "赞成票达到赞成与反对票合计的三分之二";
    case core::Threshold::unanimity: return "全体一致";
  }
  return "";
}

std::string chinese_number(std::size_t n) {
  static constexpr std::array<const char*, 10> kDigits{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[n];
  if (n >= 100) return std::to_string(n);
  std::string out = n / 10 == 1 ? "" : kDigits[n / 10];
  out += "十";
  if (n % 10) out += kDigits[n % 10];
  return out;
}

std::string weight_text(double weight) {
  double rounded = std::round(weight * 100.0) / 100.0;
  char out[32];
  std::snprintf(out, sizeof out, "%.2f", rounded);
  std::string text = out;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace gavel::minutes
