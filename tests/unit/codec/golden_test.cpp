// Golden byte fixtures: representative messages serialized deterministically
// and compared with the hex committed under golden/. A renumbered field or a
// changed type breaks these, which is the point: the wire is a contract with
// clients already in the field. After an intended change, regenerate with
// GAVEL_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "codec/codec.hpp"
#include "core/meeting.hpp"
#include "samples.hpp"
#include "wire_check.hpp"

namespace gavel {
namespace {

namespace ev = core::ev;
constexpr core::Millis kStart = 1'800'000'000'000;

std::string to_hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto byte = static_cast<unsigned char>(bytes[i]);
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xf];
    if (i % 32 == 31 || i + 1 == bytes.size()) hex += '\n';
  }
  return hex;
}

// The fixture's hex without its '#' comment lines and whitespace.
std::string read_hex(const std::string& path) {
  std::ifstream in(path);
  std::string line, hex;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) continue;
    for (char c : line)
      if (!std::isspace(static_cast<unsigned char>(c))) hex += c;
  }
  return hex;
}

void expect_golden(const std::string& name, const google::protobuf::Message& message,
                   const std::string& what) {
  std::string path = std::string(GAVEL_GOLDEN_DIR) + "/" + name + ".hex";
  std::string hex = to_hex(test::serialize(message));
  if (std::getenv("GAVEL_UPDATE_GOLDEN")) {
    std::ofstream(path) << "# " << message.GetTypeName() << ": " << what << "\n" << hex;
    GTEST_SKIP() << "wrote " << path;
  }
  std::string expected = read_hex(path);
  ASSERT_FALSE(expected.empty()) << "missing fixture " << path;
  std::string actual = hex;
  std::erase(actual, '\n');
  EXPECT_EQ(actual, expected) << name << " changed on the wire: " << message.ShortDebugString();
}

TEST(Golden, HelloClientMessage) {
  v1::ClientMessage message;
  message.set_request_id(1);
  auto* hello = message.mutable_hello();
  hello->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  hello->set_token("tok-P07");
  hello->set_resume_after_seq(42);
  hello->set_client_name("gavelctl 0.1");
  expect_golden("hello", message, "a participant resuming after event 42");
}

TEST(Golden, CastBallotCommand) {
  v1::ClientMessage message;
  message.set_request_id(7);
  codec::to_wire(core::Command{core::cmd::CastBallot{3, {0}, "", "", "press-1", "never-sent"}},
                 message.mutable_command());
  expect_golden("cast_ballot", message, "a first ballot for option 0 of vote 3");
}

TEST(Golden, SpeechStartedEvent) {
  v1::Event event;
  codec::to_wire(core::Event{12, kStart + 61'000, "chair",
                             ev::SpeechStarted{4, 9, "P07", core::RequestKind::contribution, 300}},
                 &event);
  expect_golden("speech_started", event, "P07 gets the floor for 300 s");
}

TEST(Golden, VoteClosedEvent) {
  v1::Event event;
  codec::to_wire(core::Event{20, kStart + 900'000, "chair", ev::VoteClosed{2, test::sample_result()}},
                 &event);
  expect_golden("vote_closed", event, "a secret vote vetoed by the protected group");
}

TEST(Golden, SmallSnapshot) {
  core::MeetingSetup setup;
  setup.info.title = "议事会";
  setup.info.scheduled_start = kStart;
  setup.info.quorum = {1, 0.0};
  setup.roster = {test::person("P01", "王", "老年居民"), test::person("P02", "陈", "青年")};
  setup.agenda = {test::agenda_item("item-1", "加装电梯", kStart - core::kDay)};
  core::Meeting meeting(setup);
  core::Seq seq = 0;
  auto at = [&](core::Millis time, core::EventBody body) {
    meeting.apply(core::Event{++seq, time, "chair", std::move(body)});
  };
  at(kStart, ev::MeetingStarted{});
  at(kStart, ev::CheckedIn{"P01"});
  at(kStart, ev::ItemOpened{"item-1"});
  at(kStart + 1'000, ev::FloorRequested{1, "P02", core::RequestKind::contra});
  at(kStart + 2'000, ev::SpeechStarted{1, 0, "P01", core::RequestKind::contribution, 300});
  v1::MeetingSnapshot snapshot;
  codec::snapshot(meeting.state(), kStart + 62'000, &snapshot);
  expect_golden("snapshot", snapshot, "one speaker on a late item, one request queued");
}

}  // namespace
}  // namespace gavel
