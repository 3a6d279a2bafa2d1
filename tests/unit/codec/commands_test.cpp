// Commands from clients: every command survives the wire, and bad input gets
// the right error code instead of reaching the engine.
#include <gtest/gtest.h>

#include <string>

#include "codec/codec.hpp"
#include "samples.hpp"
#include "same.hpp"
#include "wire_check.hpp"

namespace gavel {
namespace {

core::Result<core::Command> through_wire(const core::Command& command) {
  v1::Command wire;
  codec::to_wire(command, &wire);
  v1::Command parsed;
  EXPECT_TRUE(parsed.ParseFromString(test::serialize(wire)));
  return codec::from_wire(parsed);
}

core::ErrorCode code_of(const v1::Command& wire) {
  auto result = codec::from_wire(wire);
  EXPECT_FALSE(result.ok());
  return result.ok() ? core::ErrorCode::internal : result.error().code;
}

TEST(CommandCodec, EveryCommandRoundTrips) {
  auto commands = test::every_command();
  ASSERT_EQ(commands.size(), std::variant_size_v<core::Command>);
  for (const core::Command& command : commands) {
    SCOPED_TRACE(core::command_name(command));
    v1::Command wire;
    codec::to_wire(command, &wire);
    EXPECT_EQ(test::unset_fields(wire), std::vector<std::string>{})
        << "a wire field the engine does not fill, or a sample left at its default";
    auto back = through_wire(command);
    ASSERT_TRUE(back.ok()) << back.error().message_en;
    EXPECT_TRUE(test::same(back.value(), command)) << wire.ShortDebugString();
  }
}

TEST(CommandCodec, FreshReceiptNeverComesFromTheWire) {
  core::cmd::CastBallot cast{7, {1}, "", "r-old", "p-1", "r-chosen-by-client"};
  auto back = through_wire(core::Command{cast});
  ASSERT_TRUE(back.ok());
  const auto& decoded = std::get<core::cmd::CastBallot>(back.value());
  EXPECT_EQ(decoded.fresh_receipt, "");
  EXPECT_EQ(decoded.receipt, "r-old");
}

TEST(CommandCodec, EmptyCommandIsBadMessage) {
  EXPECT_EQ(code_of(v1::Command{}), core::ErrorCode::bad_message);
}

TEST(CommandCodec, UnknownRequestKindIsInvalidArgument) {
  v1::Command wire;
  wire.mutable_request_floor()->set_kind(static_cast<v1::RequestKind>(99));
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(result.error().message_en, "unknown request kind 99");
  EXPECT_EQ(result.error().message_zh, "无效的发言类型：99");
}

TEST(CommandCodec, UnspecifiedEnumsAreRefused) {
  v1::Command floor;
  floor.mutable_request_floor();
  EXPECT_EQ(code_of(floor), core::ErrorCode::invalid_argument);

  v1::Command dissent;
  dissent.mutable_record_dissent()->set_text("x");
  EXPECT_EQ(code_of(dissent), core::ErrorCode::invalid_argument);

  v1::Command vote;
  vote.mutable_open_vote()->mutable_spec()->set_form(v1::BALLOT_YES_NO_ABSTAIN);
  auto result = codec::from_wire(vote);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message_en, "unknown threshold 0");
}

TEST(CommandCodec, OutOfRangeEnumsAreInvalidArgument) {
  v1::Command dissent;
  dissent.mutable_record_dissent()->set_kind(static_cast<v1::DissentKind>(5));
  EXPECT_EQ(code_of(dissent), core::ErrorCode::invalid_argument);

  v1::Command form;
  form.mutable_open_vote()->mutable_spec()->set_form(static_cast<v1::BallotForm>(5));
  form.mutable_open_vote()->mutable_spec()->set_threshold(v1::THRESHOLD_TWO_THIRDS);
  EXPECT_EQ(code_of(form), core::ErrorCode::invalid_argument);

  v1::Command threshold;
  threshold.mutable_open_vote()->mutable_spec()->set_form(v1::BALLOT_ONE_OF_N);
  threshold.mutable_open_vote()->mutable_spec()->set_threshold(static_cast<v1::Threshold>(-1));
  EXPECT_EQ(code_of(threshold), core::ErrorCode::invalid_argument);
}

TEST(CommandCodec, TextUpToTheLimitIsAccepted) {
  v1::Command wire;
  wire.mutable_propose_motion()->set_text(std::string(8000, 'a'));
  wire.mutable_propose_motion()->set_mover_id(std::string(200, 'p'));
  EXPECT_TRUE(codec::from_wire(wire).ok());
}

TEST(CommandCodec, TextOverTheLimitIsInvalidArgument) {
  v1::Command wire;
  wire.mutable_propose_motion()->set_text(std::string(8001, 'a'));
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(result.error().message_en, "field text is too long (at most 8000 bytes)");
}

TEST(CommandCodec, IdsOverTheLimitAreInvalidArgument) {
  v1::Command check_in;
  check_in.mutable_check_in()->set_participant_id(std::string(201, 'p'));
  EXPECT_EQ(code_of(check_in), core::ErrorCode::invalid_argument);

  v1::Command cast;
  cast.mutable_cast_ballot()->set_receipt(std::string(201, 'r'));
  EXPECT_EQ(code_of(cast), core::ErrorCode::invalid_argument);

  v1::Command sign;
  sign.mutable_sign_minutes()->set_signed_by(std::string(201, 's'));
  EXPECT_EQ(code_of(sign), core::ErrorCode::invalid_argument);
}

TEST(CommandCodec, LimitsReachIntoNestedMessages) {
  v1::Command wire;
  auto* spec = wire.mutable_open_vote()->mutable_spec();
  spec->set_form(v1::BALLOT_ONE_OF_N);
  spec->set_threshold(v1::THRESHOLD_SIMPLE_MAJORITY);
  spec->add_options("甲");
  spec->add_options(std::string(8001, 'b'));
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message_en, "field options is too long (at most 8000 bytes)");
}

TEST(CommandCodec, TooManyChoicesIsInvalidArgument) {
  v1::Command wire;
  for (std::uint32_t i = 0; i < 65; ++i) wire.mutable_cast_ballot()->add_choices(i);
  auto result = codec::from_wire(wire);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(result.error().message_en, "field choices has too many entries (at most 64)");
}

TEST(CommandCodec, TheShortestListOverTheLimitIsRefusedAndOneAtItIsTaken) {
  v1::Command at_limit, over;
  for (int i = 0; i < 64; ++i) at_limit.mutable_cast_ballot()->add_choices(0);
  for (int i = 0; i < 65; ++i) over.mutable_cast_ballot()->add_choices(0);
  EXPECT_TRUE(codec::from_wire(at_limit).ok());
  auto result = codec::from_wire(over);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message_en, "field choices has too many entries (at most 64)");
}

TEST(ErrorCodec, ErrorKeepsCodeAndBothMessages) {
  v1::Error wire;
  codec::to_wire(core::make_error(core::ErrorCode::not_eligible, "无表决权", "not eligible"), &wire);
  EXPECT_EQ(wire.code(), v1::ERROR_NOT_ELIGIBLE);
  EXPECT_EQ(wire.message_zh(), "无表决权");
  EXPECT_EQ(wire.message_en(), "not eligible");
}

TEST(ErrorCodec, RolesMapOneToOne) {
  EXPECT_EQ(codec::to_wire(core::Role::chair), v1::ROLE_CHAIR);
  EXPECT_EQ(codec::to_wire(core::Role::secretary), v1::ROLE_SECRETARY);
  EXPECT_EQ(codec::to_wire(core::Role::participant), v1::ROLE_PARTICIPANT);
  EXPECT_EQ(codec::to_wire(core::Role::display), v1::ROLE_DISPLAY);
  EXPECT_EQ(codec::to_wire(core::Role::clicker), v1::ROLE_CLICKER);
}

}  // namespace
}  // namespace gavel
