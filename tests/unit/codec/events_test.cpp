// Events to the log and back: every event survives the wire with its
// sequence number, time and actor; a damaged record is refused.
#include <gtest/gtest.h>

#include <algorithm>

#include "codec/codec.hpp"
#include "samples.hpp"
#include "same.hpp"
#include "wire_check.hpp"

namespace gavel {
namespace {

TEST(EventCodec, EveryEventRoundTrips) {
  auto events = test::every_event();
  ASSERT_EQ(events.size(), std::variant_size_v<core::EventBody>);
  for (const core::Event& event : events) {
    SCOPED_TRACE(core::event_name(event.body));
    v1::Event wire;
    codec::to_wire(event, &wire);
    // Filled only in a phone's copy (codec::phone_copy), never in the log.
    const std::vector<std::string> phones_only = {"vote_opened.eligible_count", "vote_closed.result.receipts_count"};
    auto unset = test::unset_fields(wire);
    std::erase_if(unset, [&](const std::string& f) {
      return std::find(phones_only.begin(), phones_only.end(), f) != phones_only.end();
    });
    EXPECT_EQ(unset, std::vector<std::string>{})
        << "a wire field the engine does not fill, or a sample left at its default";
    v1::Event parsed;
    ASSERT_TRUE(parsed.ParseFromString(test::serialize(wire)));
    auto back = codec::from_wire(parsed);
    ASSERT_TRUE(back.ok()) << back.error().message_en;
    EXPECT_TRUE(test::same(back.value(), event)) << wire.ShortDebugString();
  }
}

TEST(EventCodec, ADissentFromALogWrittenBeforeMotionLinksIsAboutItsItem) {
  v1::Event wire;
  wire.set_seq(9);
  v1::DissentRecorded* old = wire.mutable_dissent_recorded();
  old->set_dissent_id(1);
  old->set_item_id("parking");
  old->set_kind(v1::DISSENT_OBJECTION);
  old->set_text("反对占用绿地");
  auto back = codec::from_wire(wire);
  ASSERT_TRUE(back.ok()) << back.error().message_en;
  const auto& dissent = std::get<core::ev::DissentRecorded>(back.value().body);
  EXPECT_EQ(dissent.motion_id, 0u);
  EXPECT_EQ(dissent.item_id, "parking");
}

TEST(EventCodec, SecretBallotRecordKeepsNoChoiceAndNoActor) {
  core::Event event{3, 1000, "", core::ev::BallotRecorded{2, "P01", {}, false, ""}};
  v1::Event wire;
  codec::to_wire(event, &wire);
  EXPECT_EQ(wire.actor_id(), "");
  EXPECT_EQ(wire.ballot_recorded().choices_size(), 0);
  auto back = codec::from_wire(wire);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(test::same(back.value(), event));
}

TEST(EventCodec, EmptyBodyIsBadMessage) {
  v1::Event wire;
  wire.set_seq(4);
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::bad_message);
}

TEST(EventCodec, UnknownOutcomeIsRefused) {
  v1::Event wire;
  wire.mutable_vote_closed()->mutable_result()->set_outcome(static_cast<v1::Outcome>(42));
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(result.error().message_en, "unknown outcome 42");
}

TEST(EventCodec, UnknownKindsAreRefused) {
  v1::Event floor;
  floor.mutable_floor_requested()->set_kind(static_cast<v1::RequestKind>(6));
  EXPECT_FALSE(codec::from_wire(floor).ok());

  v1::Event speech;
  speech.mutable_speech_started();
  EXPECT_FALSE(codec::from_wire(speech).ok());

  v1::Event dissent;
  dissent.mutable_dissent_recorded()->set_kind(static_cast<v1::DissentKind>(0));
  EXPECT_FALSE(codec::from_wire(dissent).ok());

  v1::Event vote;
  vote.mutable_vote_opened()->mutable_spec()->set_form(static_cast<v1::BallotForm>(7));
  EXPECT_FALSE(codec::from_wire(vote).ok());
}

}  // namespace
}  // namespace gavel
