#include "core/receipt_lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gavel::core {
namespace {

TEST(ReceiptLines, GivesBackEachLineAsItWasPutIn) {
  ReceiptLines lines;
  lines.push_back("0a1b=赞成");
  lines.push_back("");
  lines.push_back("ff00=反对,弃权");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "0a1b=赞成");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[2], "ff00=反对,弃权");
  EXPECT_EQ(std::vector<std::string>(lines.begin(), lines.end()),
            (std::vector<std::string>{"0a1b=赞成", "", "ff00=反对,弃权"}));
}

TEST(ReceiptLines, TwoAreEqualOnlyWhenTheirLinesAreTheSame) {
  EXPECT_EQ((ReceiptLines{"ab", "c"}), (ReceiptLines{"ab", "c"}));
  EXPECT_NE((ReceiptLines{"ab", "c"}), (ReceiptLines{"a", "bc"}));
  ReceiptLines emptied{"x"};
  emptied.clear();
  EXPECT_TRUE(emptied.empty());
  EXPECT_EQ(emptied, ReceiptLines{});
}

}  // namespace
}  // namespace gavel::core
