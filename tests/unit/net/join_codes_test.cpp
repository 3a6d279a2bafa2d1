// Personal codes: their alphabet, how typing is forgiven, the guessing limit.
#include "net/join_codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gavel::net {
namespace {

TEST(JoinCodes, AreEightCharactersWithoutLookAlikes) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto code = random_join_code();
    ASSERT_TRUE(code);
    ASSERT_EQ(code->size(), kCodeLength);
    for (char c : *code) EXPECT_EQ(std::string("0O1IL").find(c), std::string::npos) << *code;
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(JoinCodes, ForgiveCaseSpacesAndDashesButNothingElse) {
  EXPECT_EQ(normalize_join_code("k7mq-2xhp"), "K7MQ2XHP");
  EXPECT_EQ(normalize_join_code(" K7MQ 2XHP "), "K7MQ2XHP");
  EXPECT_FALSE(normalize_join_code("K7MQ2XH0")) << "0 is not in the alphabet";
  EXPECT_FALSE(normalize_join_code("K7M")) << "too short";
  EXPECT_FALSE(normalize_join_code("K7MQ2XHPK")) << "too long";
  EXPECT_FALSE(normalize_join_code("K7MQ'--"));
  EXPECT_FALSE(normalize_join_code(std::string(1000000, 'A')));
}

TEST(CodeAttempts, AllowFiveWrongTriesThenOneEveryTwentySeconds) {
  CodeAttempts attempts;
  core::Millis now = 1000;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(attempts.may_try("10.0.0.7", now)) << i;
    attempts.failed("10.0.0.7", now);
  }
  EXPECT_FALSE(attempts.may_try("10.0.0.7", now));
  EXPECT_TRUE(attempts.may_try("10.0.0.8", now)) << "another phone is not held back";
  EXPECT_FALSE(attempts.may_try("10.0.0.7", now + 19000));
  EXPECT_TRUE(attempts.may_try("10.0.0.7", now + 20000));
}

TEST(CodeAttempts, RememberABoundedNumberOfAddresses) {
  CodeAttempts attempts;
  for (std::size_t i = 0; i < CodeAttempts::kMaxAddresses; ++i) {
    std::string address = "a" + std::to_string(i);
    ASSERT_TRUE(attempts.may_try(address, 0));
    attempts.failed(address, 0);
  }
  EXPECT_FALSE(attempts.may_try("one-too-many", 0)) << "while all are spending tries, new ones wait";
  EXPECT_TRUE(attempts.may_try("one-too-many", CodeAttempts::kRefillMs)) << "refilled buckets are forgotten";
}

}  // namespace
}  // namespace gavel::net
