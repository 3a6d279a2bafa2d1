// The words gavelctl uses for the protocol's enums, both ways: parsing
// "--kind point-of-order" and printing "point-of-order" use the same table.
// Constant data, any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "gavel/v1/envelope.pb.h"

namespace gavel::cli {

inline constexpr std::pair<std::string_view, v1::RequestKind> kRequestKinds[] = {
    {"contribution", v1::REQUEST_CONTRIBUTION},
    {"pro", v1::REQUEST_PRO},
    {"contra", v1::REQUEST_CONTRA},
    {"reply", v1::REQUEST_REPLY},
    {"point-of-order", v1::REQUEST_POINT_OF_ORDER},
};

inline constexpr std::pair<std::string_view, v1::ResolutionStatus> kResolutionStatuses[] = {
    {"open", v1::RESOLUTION_OPEN},
    {"in-progress", v1::RESOLUTION_IN_PROGRESS},
    {"done", v1::RESOLUTION_DONE},
    {"dropped", v1::RESOLUTION_DROPPED},
};

inline constexpr std::pair<std::string_view, v1::DissentKind> kDissentKinds[] = {
    {"disagreement", v1::DISSENT_DISAGREEMENT},
    {"minority", v1::DISSENT_MINORITY},
    {"objection", v1::DISSENT_OBJECTION},
    {"block", v1::DISSENT_BLOCK},
};

inline constexpr std::pair<std::string_view, v1::BallotForm> kBallotForms[] = {
    {"yes-no", v1::BALLOT_YES_NO_ABSTAIN},
    {"one-of", v1::BALLOT_ONE_OF_N},
    {"k-of", v1::BALLOT_K_OF_N},
    {"consensus", v1::BALLOT_CONSENSUS},
};

inline constexpr std::pair<std::string_view, v1::Threshold> kThresholds[] = {
    {"simple", v1::THRESHOLD_SIMPLE_MAJORITY},
    {"absolute", v1::THRESHOLD_ABSOLUTE_MAJORITY},
    {"two-thirds", v1::THRESHOLD_TWO_THIRDS},
    {"unanimous", v1::THRESHOLD_UNANIMITY},
};

inline constexpr std::pair<std::string_view, v1::Role> kRoles[] = {
    {"chair", v1::ROLE_CHAIR},     {"secretary", v1::ROLE_SECRETARY}, {"participant", v1::ROLE_PARTICIPANT},
    {"display", v1::ROLE_DISPLAY}, {"clicker", v1::ROLE_CLICKER},
};

inline constexpr std::pair<std::string_view, v1::Outcome> kOutcomes[] = {
    {"carried 通过", v1::OUTCOME_CARRIED},     {"defeated 未通过", v1::OUTCOME_DEFEATED},
    {"vetoed 否决", v1::OUTCOME_VETOED},       {"no quorum 不足法定人数", v1::OUTCOME_NO_QUORUM},
    {"blocked 共识受阻", v1::OUTCOME_BLOCKED}, {"chosen 已选定", v1::OUTCOME_CHOSEN},
};

inline constexpr std::pair<std::string_view, v1::MotionState> kMotionStates[] = {
    {"proposed, needs a second", v1::MOTION_PROPOSED},
    {"under debate", v1::MOTION_DEBATE},
    {"being voted on", v1::MOTION_VOTING},
    {"carried", v1::MOTION_CARRIED},
    {"defeated", v1::MOTION_DEFEATED},
    {"vetoed", v1::MOTION_VETOED},
    {"withdrawn", v1::MOTION_WITHDRAWN},
};

template <class E, std::size_t N>
std::optional<E> from_word(const std::pair<std::string_view, E> (&table)[N], std::string_view word) {
  for (const auto& [w, value] : table) {
    if (w == word) return value;
  }
  return std::nullopt;
}

// Unknown values print as their number, so a newer server stays readable.
template <class E, std::size_t N>
std::string to_word(const std::pair<std::string_view, E> (&table)[N], E value) {
  for (const auto& [w, v] : table) {
    if (v == value) return std::string(w);
  }
  return "?" + std::to_string(static_cast<int>(value));
}

// "contribution|pro|contra|reply|point-of-order", for usage messages.
template <class E, std::size_t N>
std::string word_list(const std::pair<std::string_view, E> (&table)[N]) {
  std::string out;
  for (const auto& [w, v] : table) {
    if (!out.empty()) out += '|';
    out += w;
  }
  return out;
}

}  // namespace gavel::cli
