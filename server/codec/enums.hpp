// Enumerations between the engine and the wire. The engine numbers its enums
// as the proto does (enums.cpp asserts it), so going out is a cast; coming in,
// a number is range-checked first, since proto3 enums accept any number.
#pragma once

#include "core/result.hpp"
#include "core/types.hpp"
#include "gavel/v1/meeting.pb.h"

namespace gavel::codec {

inline v1::RequestKind to_wire(core::RequestKind v) { return static_cast<v1::RequestKind>(v); }
inline v1::ItemState to_wire(core::ItemState v) { return static_cast<v1::ItemState>(v); }
inline v1::DissentKind to_wire(core::DissentKind v) { return static_cast<v1::DissentKind>(v); }
inline v1::MotionState to_wire(core::MotionState v) { return static_cast<v1::MotionState>(v); }
inline v1::BallotForm to_wire(core::BallotForm v) { return static_cast<v1::BallotForm>(v); }
inline v1::Threshold to_wire(core::Threshold v) { return static_cast<v1::Threshold>(v); }
inline v1::Outcome to_wire(core::Outcome v) { return static_cast<v1::Outcome>(v); }
inline v1::MeetingPhase to_wire(core::Phase v) { return static_cast<v1::MeetingPhase>(v); }
inline v1::DecisionRule to_wire(core::DecisionRule v) { return static_cast<v1::DecisionRule>(v); }
inline v1::MinutesState to_wire(core::MinutesState v) { return static_cast<v1::MinutesState>(v); }
inline v1::ResolutionStatus to_wire(core::ResolutionStatus v) { return static_cast<v1::ResolutionStatus>(v); }
inline v1::MinutesEditKind to_wire(core::MinutesEditKind v) { return static_cast<v1::MinutesEditKind>(v); }
inline v1::MinutesStyle to_wire(core::MinutesStyle v) { return static_cast<v1::MinutesStyle>(v); }

// The enums that come in from the wire: their last value and their names
// for the error message.
template <class Core>
struct EnumInfo;
template <>
struct EnumInfo<core::RequestKind> {
  static constexpr core::RequestKind last = core::RequestKind::point_of_order;
  static constexpr const char* zh = "发言类型";
  static constexpr const char* en = "request kind";
};
template <>
struct EnumInfo<core::DissentKind> {
  static constexpr core::DissentKind last = core::DissentKind::block;
  static constexpr const char* zh = "分歧类型";
  static constexpr const char* en = "dissent kind";
};
template <>
struct EnumInfo<core::BallotForm> {
  static constexpr core::BallotForm last = core::BallotForm::consensus;
  static constexpr const char* zh = "表决方式";
  static constexpr const char* en = "ballot form";
};
template <>
struct EnumInfo<core::Threshold> {
  static constexpr core::Threshold last = core::Threshold::unanimity;
  static constexpr const char* zh = "通过标准";
  static constexpr const char* en = "threshold";
};
template <>
struct EnumInfo<core::Outcome> {
  static constexpr core::Outcome last = core::Outcome::chosen;
  static constexpr const char* zh = "表决结果";
  static constexpr const char* en = "outcome";
};

template <>
struct EnumInfo<core::ResolutionStatus> {
  static constexpr core::ResolutionStatus last = core::ResolutionStatus::dropped;
  static constexpr const char* zh = "决议执行状态";
  static constexpr const char* en = "resolution status";
};

template <>
struct EnumInfo<core::MinutesEditKind> {
  static constexpr core::MinutesEditKind last = core::MinutesEditKind::wording;
  static constexpr const char* zh = "纪要修改类型";
  static constexpr const char* en = "kind of minutes edit";
};

core::Error unknown_enum(const char* zh, const char* en, int value);

// 0 (UNSPECIFIED) is refused too: a client that forgets a vote's threshold
// must hear about it rather than silently get a simple majority.
template <class Core>
core::Result<Core> enum_from_wire(int value) {
  using Info = EnumInfo<Core>;
  if (value < 1 || value > static_cast<int>(Info::last))
    return unknown_enum(Info::zh, Info::en, value);
  return static_cast<Core>(value);
}

}  // namespace gavel::codec
