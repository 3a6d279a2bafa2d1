// describe(): the whole MeetingState as a deterministic, line-oriented
// string. Two states are equal exactly when their descriptions are, so a
// test compares states with EXPECT_EQ(describe(a), describe(b)) and reads
// the difference in the failure message. Hash maps are printed sorted and
// doubles with full precision.
#pragma once

#include <ostream>
#include <string>

#include "core/result.hpp"
#include "core/state.hpp"

namespace gavel::test {

std::string describe(const core::MeetingState& state);

const char* name_of(core::ErrorCode code);
const char* name_of(core::Role role);
const char* name_of(core::RequestKind kind);
const char* name_of(core::ItemState state);
const char* name_of(core::DissentKind kind);
const char* name_of(core::MotionState state);
const char* name_of(core::BallotForm form);
const char* name_of(core::Threshold threshold);
const char* name_of(core::Outcome outcome);
const char* name_of(core::Phase phase);
const char* name_of(core::MinutesState state);

}  // namespace gavel::test

// GoogleTest prints these by name in failure messages.
namespace gavel::core {
inline void PrintTo(ErrorCode v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(RequestKind v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(ItemState v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(DissentKind v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(MotionState v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(Outcome v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(Phase v, std::ostream* os) { *os << gavel::test::name_of(v); }
inline void PrintTo(MinutesState v, std::ostream* os) { *os << gavel::test::name_of(v); }
}  // namespace gavel::core
