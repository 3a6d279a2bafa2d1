// A command sent again with its idempotency key is answered, not run again.
#include "net/answered_commands.hpp"

#include <gtest/gtest.h>

#include "gavel/v1/envelope.pb.h"

namespace gavel::net {
namespace {

// A connected page as the hall sees it: keeps what it is sent.
class Page : public Peer {
 public:
  void deliver(Frame frame, bool) override { frames.push_back(std::move(frame)); }
  bool lagging() const override { return false; }
  void deliver_snapshot(Frame frame) override { snapshots.push_back(std::move(frame)); }
  void refuse(Frame) override {}
  std::string describe() const override { return "127.0.0.1:5000"; }
  std::string remote_address() const override { return "127.0.0.1"; }

  v1::ServerMessage last() const {
    v1::ServerMessage message;
    EXPECT_FALSE(frames.empty());
    if (!frames.empty()) message.ParseFromString(frames.back().bytes());
    return message;
  }
  std::vector<Frame> frames, snapshots;
};

Frame ack(std::uint64_t request_id, std::uint64_t seq, std::string receipt = {}) {
  v1::ServerMessage message;
  message.set_request_id(request_id);
  message.mutable_ack()->set_seq(seq);
  message.mutable_ack()->set_receipt(std::move(receipt));
  return frame_of(message.SerializeAsString());
}

TEST(AnsweredCommands, ACommandWithoutAKeyRunsWithThePageItself) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  EXPECT_EQ(memory.admit(page, "participant P01", 1, ""), page);
  EXPECT_EQ(memory.admit(page, "participant P01", 2, std::string(AnsweredCommands::kMaxKey + 1, 'k')), page)
      << "an oversized key is no key";
  EXPECT_EQ(memory.remembered(), 0u);
}

TEST(AnsweredCommands, ARepeatGetsTheFirstAnswerUnderItsOwnRequestIdAndDoesNotRun) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto runner = memory.admit(page, "participant P01", 7, "key-1");
  ASSERT_TRUE(runner);
  ASSERT_NE(runner, page) << "a new key runs with a stand-in that keeps the answer";
  EXPECT_EQ(runner->describe(), page->describe());
  EXPECT_EQ(runner->remote_address(), "127.0.0.1");
  runner->deliver(ack(7, 42, "R-1"), false);
  ASSERT_EQ(page->frames.size(), 1u) << "the answer reaches the page through the stand-in";
  EXPECT_EQ(page->last().request_id(), 7u);

  // The page reconnected and sent it again under a new request id.
  auto again = std::make_shared<Page>();
  EXPECT_EQ(memory.admit(again, "participant P01", 3, "key-1"), nullptr) << "a repeat is not run";
  ASSERT_EQ(again->frames.size(), 1u);
  v1::ServerMessage replayed = again->last();
  EXPECT_EQ(replayed.request_id(), 3u);
  EXPECT_EQ(replayed.ack().seq(), 42u);
  EXPECT_EQ(replayed.ack().receipt(), "R-1");
}

TEST(AnsweredCommands, ARepeatWhileTheFirstIsStillBeingRecordedIsAnsweredWhenItIs) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto runner = memory.admit(page, "chair ", 5, "key-2");
  ASSERT_TRUE(runner);
  page.reset();  // the connection dropped before the answer

  auto again = std::make_shared<Page>();
  EXPECT_EQ(memory.admit(again, "chair ", 9, "key-2"), nullptr);
  EXPECT_TRUE(again->frames.empty()) << "nothing to say until the first is durable";
  runner->deliver(ack(5, 43), false);
  ASSERT_EQ(again->frames.size(), 1u);
  EXPECT_EQ(again->last().request_id(), 9u);
  EXPECT_EQ(again->last().ack().seq(), 43u);
}

Frame refusal(std::uint64_t request_id) {
  v1::ServerMessage message;
  message.set_request_id(request_id);
  message.mutable_error()->set_code(v1::ERROR_INVALID_STATE);
  message.mutable_error()->set_message_en("the disk is full");
  return frame_of(message.SerializeAsString());
}

TEST(AnsweredCommands, ARefusalChangedNothingSoTheSameCommandIsTriedAgain) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto runner = memory.admit(page, "secretary ", 1, "key-4");
  auto waiting = std::make_shared<Page>();
  EXPECT_FALSE(memory.admit(waiting, "secretary ", 2, "key-4"));
  runner->deliver(refusal(1), false);
  ASSERT_EQ(waiting->frames.size(), 1u) << "a repeat waiting for the first gets its refusal";
  EXPECT_TRUE(waiting->last().has_error());
  EXPECT_EQ(memory.remembered(), 0u);
  auto again = memory.admit(page, "secretary ", 3, "key-4");
  ASSERT_TRUE(again) << "sent again later, it runs again";
  EXPECT_NE(again, page);
}

TEST(AnsweredCommands, AStandInPassesOtherFramesOn) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto runner = memory.admit(page, "participant P01", 1, "key-3");
  runner->deliver_snapshot(frame_of("snapshot"));
  EXPECT_EQ(page->snapshots.size(), 1u);
  runner->deliver(ack(1, 1), false);
  runner->deliver(ack(0, 2), true);
  EXPECT_EQ(page->frames.size(), 2u);
  auto again = std::make_shared<Page>();
  memory.admit(again, "participant P01", 2, "key-3");
  EXPECT_EQ(again->last().ack().seq(), 1u) << "the first frame was the answer";
}

TEST(AnsweredCommands, KeysBelongToTheirSender) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto first = memory.admit(page, "participant P01", 1, "same-key");
  first->deliver(ack(1, 10), false);
  auto other = std::make_shared<Page>();
  auto runner = memory.admit(other, "participant P02", 1, "same-key");
  ASSERT_TRUE(runner) << "another person's key is theirs, however it is spelt";
  EXPECT_TRUE(other->frames.empty());
}

TEST(AnsweredCommands, OnlyTheNewestKeysOfASenderAreKept) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  for (std::size_t i = 0; i <= AnsweredCommands::kPerSender; ++i) {
    auto runner = memory.admit(page, "secretary ", i + 1, "k" + std::to_string(i));
    ASSERT_TRUE(runner);
    runner->deliver(ack(i + 1, i + 1), false);
  }
  EXPECT_EQ(memory.remembered(), AnsweredCommands::kPerSender);
  EXPECT_TRUE(memory.admit(page, "secretary ", 100, "k0")) << "the oldest was forgotten";
  EXPECT_FALSE(memory.admit(page, "secretary ", 101, "k2"));
}

TEST(AnsweredCommands, AKeyForgottenWhileItsCommandIsUnderWayStillGetsItsAnswer) {
  AnsweredCommands memory;
  auto page = std::make_shared<Page>();
  auto slow = memory.admit(page, "secretary ", 1, "slow");
  for (std::size_t i = 0; i < AnsweredCommands::kPerSender; ++i)
    memory.admit(page, "secretary ", i + 2, "k" + std::to_string(i))->deliver(ack(i + 2, i + 2), false);
  auto again = std::make_shared<Page>();
  EXPECT_FALSE(memory.admit(again, "secretary ", 99, "slow")) << "still waiting: not run twice";
  slow->deliver(ack(1, 500), false);
  EXPECT_EQ(again->last().ack().seq(), 500u);
  EXPECT_EQ(memory.remembered(), AnsweredCommands::kPerSender);
}

}  // namespace
}  // namespace gavel::net
