// Tokens and receipts: drawn from a pool that OpenSSL's CSPRNG refills.
#include <gtest/gtest.h>

#include <set>

#include "net/doorkeeper.hpp"

namespace gavel::net {
namespace {

TEST(RandomTokens, AreThirtyTwoLowercaseHexCharactersAndNeverRepeatAcrossThePoolsRefills) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {  // the pool holds 64
    auto token = random_token();
    ASSERT_TRUE(token);
    ASSERT_EQ(token->size(), 32u);
    EXPECT_EQ(token->find_first_not_of("0123456789abcdef"), std::string::npos) << *token;
    EXPECT_TRUE(seen.insert(*token).second) << "drawn twice: " << *token;
  }
}

}  // namespace
}  // namespace gavel::net
