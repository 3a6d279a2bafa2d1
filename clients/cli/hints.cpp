#include "hints.hpp"

namespace gavel::cli {

std::string hint_for(const v1::Command& c, const v1::Error& e, Lang l) {
  using C = v1::Command;
  // The engine's "name the participant" refusal, per command.
  if (e.code() == v1::ERROR_INVALID_ARGUMENT && e.message_en().starts_with("name the participant")) {
    switch (c.body_case()) {
      case C::kProposeMotion: return say(l, "请用 --mover PID 写明动议人（编号见 gavelctl roster）",
                                         "give the mover with --mover PID (ids in gavelctl roster)");
      case C::kSecondMotion: return say(l, "请用 --seconder PID 写明附议人", "give the seconder with --seconder PID");
      case C::kRequestFloor: return say(l, "请用 --for PID 写明替谁申请发言", "say for whom with --for PID");
      case C::kCheckIn: return say(l, "请写明参会人：gavelctl checkin PID", "name the participant: gavelctl checkin PID");
      case C::kCheckOut: return say(l, "请写明参会人：gavelctl checkout PID", "name the participant: gavelctl checkout PID");
      case C::kDeclareInterest: return say(l, "请用 --participant PID 写明申报人", "name them with --participant PID");
      case C::kGrantFloor: return say(l, "请写明申请编号 RID 或 --participant PID", "give a request id or --participant PID");
      default: return say(l, "请写明参会人编号（见 gavelctl roster）", "name the participant (ids in gavelctl roster)");
    }
  }
  if (e.code() == v1::ERROR_INVALID_STATE && c.body_case() == C::kEndMeeting && !c.end_meeting().force())
    return say(l, "先结束它们，或用 gavelctl meeting end --force 强制结束", "close them first, or gavelctl meeting end --force");
  if (e.code() == v1::ERROR_NOT_FOUND && (c.body_case() == C::kOpenItem || c.body_case() == C::kDeferItem ||
                                          c.body_case() == C::kReopenItem))
    return say(l, "议题编号见 gavelctl items list", "item ids are in gavelctl items list");
  if (e.code() == v1::ERROR_NOT_FOUND && e.message_en().starts_with("no such participant"))
    return say(l, "参会人编号见 gavelctl roster", "participant ids are in gavelctl roster");
  if (e.code() == v1::ERROR_INVALID_STATE && e.message_en().starts_with("that item is already closed"))
    return say(l, "gavelctl item reopen ITEM", "gavelctl item reopen ITEM");
  return {};
}

}  // namespace gavel::cli
