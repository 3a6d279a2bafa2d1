#include "receipt_book.hpp"

namespace gavel::net {

namespace {
std::string press_key(const std::string& participant, const std::string& press_id) {
  return participant + '\n' + press_id;
}
}  // namespace

std::optional<core::Error> ReceiptBook::refuse(const core::MeetingState& state, const std::string& participant,
                                               const core::cmd::CastBallot& ballot) {
  const core::Vote* open = state.open_vote();
  core::Id open_id = open ? open->id : 0;
  if (open_id != vote_) {
    receipts_.clear();
    presses_.clear();
    vote_ = open_id;
  }
  // No vote open, or another one named: the engine says that the vote is closed.
  if (!open || (ballot.vote_id && ballot.vote_id != open_id)) return std::nullopt;

  if (!ballot.press_id.empty()) {
    auto pressed = presses_.find(press_key(participant, ballot.press_id));
    if (pressed != presses_.end() &&
        (pressed->second.choices != ballot.choices || pressed->second.reason != ballot.reason))
      return core::make_error(core::ErrorCode::invalid_argument, "此按键编号已用于另一选择，请用新的编号重新投票",
                              "this press id was already used for another choice: send the new choice with a new press id");
  }
  if (ballot.receipt.empty()) return std::nullopt;
  auto mine = receipts_.find(participant);
  if (mine != receipts_.end()) {
    if (mine->second == ballot.receipt) return std::nullopt;
    return core::make_error(core::ErrorCode::not_allowed, "这张回执不是您的", "that receipt is not yours");
  }
  if (open->voters.count(participant))
    return core::make_error(core::ErrorCode::invalid_state, "服务器重启后不能再改票；您原来的选票仍然有效",
                            "ballots cannot be changed after a server restart; your ballot still counts");
  return core::make_error(core::ErrorCode::not_allowed, "这张回执不是您的", "that receipt is not yours");
}

void ReceiptBook::recorded(const std::string& participant, const core::cmd::CastBallot& ballot,
                           const std::string& receipt) {
  if (!ballot.press_id.empty()) presses_[press_key(participant, ballot.press_id)] = {ballot.choices, ballot.reason};
  if (!receipt.empty()) receipts_[participant] = receipt;
}

std::string ReceiptBook::receipt_of(const std::string& participant) const {
  auto it = receipts_.find(participant);
  return it == receipts_.end() ? std::string() : it->second;
}

}  // namespace gavel::net
