#include "net/resume_window.hpp"

#include <gtest/gtest.h>

namespace gavel::test {
namespace {

net::ResumeWindow window_of(core::Seq from, core::Seq to, std::size_t capacity, core::Seq max_missed) {
  net::ResumeWindow window(capacity, max_missed);
  for (core::Seq seq = from; seq <= to; ++seq) {
    v1::Event event;
    event.set_seq(seq);
    window.remember(event);
  }
  return window;
}

std::vector<core::Seq> seqs(const std::optional<std::vector<const v1::Event*>>& events) {
  std::vector<core::Seq> out;
  if (events)
    for (const v1::Event* e : *events) out.push_back(e->seq());
  return out;
}

TEST(ResumeWindow, AClientBackAfterAShortBreakGetsExactlyWhatItMissed) {
  auto window = window_of(1, 50, 100, 20);
  EXPECT_EQ(seqs(window.missed(45, 48)), (std::vector<core::Seq>{46, 47, 48}));
  ASSERT_TRUE(window.missed(48, 48));
  EXPECT_TRUE(window.missed(48, 48)->empty()) << "nothing missed is still a resume";
}

TEST(ResumeWindow, TooMuchMissedOrForgottenMeansTheSnapshotAlone) {
  auto window = window_of(1, 150, 100, 20);
  EXPECT_EQ(window.size(), 100u);
  EXPECT_FALSE(window.missed(100, 150)) << "more than max_missed";
  EXPECT_FALSE(window.missed(40, 55)) << "older than the window";
  EXPECT_FALSE(window.missed(0, 10)) << "a first connection resumes nothing";
  EXPECT_FALSE(window.missed(160, 150)) << "ahead of the server (another meeting)";
  EXPECT_EQ(seqs(window.missed(50, 52)), (std::vector<core::Seq>{51, 52}));
}

}  // namespace
}  // namespace gavel::test
