// The test helper same() itself: it must see every field, or the round-trip
// tests would pass on a codec that drops one.
#include <gtest/gtest.h>

#include "core/commands.hpp"
#include "core/events.hpp"
#include "samples.hpp"
#include "same.hpp"

namespace gavel {
namespace {

static_assert(test::detail::field_count<core::VoteResult>() == 12);
static_assert(test::detail::field_count<core::VoteSpec>() == 12);
static_assert(test::detail::field_count<core::Event>() == 4);
static_assert(test::detail::field_count<core::cmd::StartMeeting>() == 0);

TEST(Same, SeesTheLastFieldOfANestedStruct) {
  core::ev::VoteClosed a{1, test::sample_result()};
  core::ev::VoteClosed b = a;
  EXPECT_TRUE(test::same(a, b));
  b.result.receipts_published.push_back("x");
  EXPECT_FALSE(test::same(a, b));
}

TEST(Same, SeesTheAlternativeOfAVariant) {
  core::Command a = core::cmd::CloseItem{};
  core::Command b = core::cmd::NextItem{};
  EXPECT_FALSE(test::same(a, b));
}

}  // namespace
}  // namespace gavel
