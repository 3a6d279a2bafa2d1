#include "refusal.hpp"

namespace gavel::clicker {

namespace {
struct Wording {
  const char* zh;
  const char* en;
};

Wording wording(PressReason reason) {
  switch (reason) {
    case PressReason::none: return {"", ""};
    case PressReason::unknown_device: return {"表决器未登记或已停用", "this clicker is not enrolled or was revoked"};
    case PressReason::unpaired: return {"表决器尚未分配给参会者", "this clicker is not given to anyone"};
    case PressReason::not_relayed_here:
      return {"此基站未获准转发该表决器", "this base station was not given that clicker"};
    case PressReason::key_out_of_range: return {"此按键无效", "no such key"};
    case PressReason::no_vote_open: return {"当前没有进行中的表决", "no vote is open"};
    case PressReason::not_eligible:
      return {"您没有本次表决的表决权", "not eligible for this vote (absent when it opened, or recused)"};
    case PressReason::cannot_change:
      return {"已投票，无记名表决此时不能改票", "already voted: this secret ballot cannot be changed now"};
    case PressReason::rate_limited: return {"按键过于频繁", "this clicker presses too fast"};
    case PressReason::not_now: return {"此按键现在不可用", "this key means nothing now"};
    case PressReason::stale: return {"旧的按键，已有更新的按键", "an older press: a newer one was made since"};
    case PressReason::not_present: return {"请先按签到键", "check in first (presence key)"};
  }
  return {"", ""};
}

bool is_closed(PressReason reason) { return reason == PressReason::no_vote_open; }
}  // namespace

Refusal refuse(PressReason reason) {
  Wording w = wording(reason);
  return {reason, is_closed(reason), w.zh, w.en};
}

Refusal refuse(PressReason reason, std::string zh, std::string en) {
  return {reason, is_closed(reason), std::move(zh), std::move(en)};
}

}  // namespace gavel::clicker
