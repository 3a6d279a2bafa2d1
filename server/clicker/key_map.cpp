#include "key_map.hpp"

#include "core/tally.hpp"

namespace gavel::clicker {

namespace {
KeyReading choose(std::uint32_t option, const core::MeetingState& state) {
  const core::Vote* vote = state.open_vote();
  if (!vote) return refuse(PressReason::no_vote_open);
  auto options = static_cast<std::uint32_t>(vote->spec.options.size());
  if (option >= options)
    return refuse(PressReason::key_out_of_range,
                  "本次表决只有 " + std::to_string(options) + " 个选项",
                  "this vote has only " + std::to_string(options) + " options");
  // A block must give its reason, which a clicker cannot type.
  if (vote->spec.form == core::BallotForm::consensus && option == core::kBlock)
    return refuse(PressReason::not_now, "阻止共识须说明理由：请告诉记录员",
                  "a block needs a reason: tell the secretary");
  return KeyAction{Choose{option}};
}

KeyReading hand(const core::MeetingState& state, const std::string& holder) {
  for (const core::SpeakRequest& request : state.queue)
    if (request.participant_id == holder) return KeyAction{LowerHand{request.id}};
  if (!state.open_item()) return refuse(PressReason::not_now, "当前没有议题，不能申请发言", "no item is open to speak on");
  if (state.list_closed) return refuse(PressReason::not_now, "发言名单已关闭", "the list of speakers is closed");
  return KeyAction{RaiseHand{}};
}
}  // namespace

KeyReading read_key(std::uint32_t key, const core::MeetingState& state, const std::string& holder) {
  if (key >= kFirstDigit && key <= kLastDigit) return choose(key - kFirstDigit, state);
  if (key >= kLetterA && key <= kLetterE) return choose(key - kLetterA, state);
  if (key == kHandKey) return hand(state, holder);
  if (key == kPresenceKey) return KeyAction{CheckIn{}};
  return refuse(PressReason::key_out_of_range, "没有编号为 " + std::to_string(key) + " 的按键",
                "there is no key " + std::to_string(key));
}

}  // namespace gavel::clicker
