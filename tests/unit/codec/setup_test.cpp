// The stored setup: what the meeting file said comes back exactly, with
// opinions of absent parties inside their agenda items.
#include <gtest/gtest.h>

#include "codec/codec.hpp"
#include "same.hpp"
#include "wire_check.hpp"

namespace gavel {
namespace {

core::MeetingSetup full_setup() {
  core::MeetingSetup setup;
  setup.info = {.title = "幸福里小区居民议事会",
                .date = "2026-11-28",
                .place = "社区活动室",
                .chair_name = "赵主任",
                .secretary_name = "李记录",
                .scheduled_start = 1'795'000'000'000,
                .quorum = {5, 0.5},
                .queue_rules = {true, true},
                .live_tally_allowed = true};
  setup.roster = {
      {"P01", "王阿姨", "老年居民", 1.0, "A1", "C-01", false, {}},
      {"E01", "陈工", "专家", 0.5, "B2", "C-02", true, {"item-1"}},
  };
  setup.agenda = {
      {"item-1", "加装电梯", "背景", "草案", 1'794'000'000'000, 300, 2, "老年居民", {}},
      {"item-2", "停车管理", "背景二", "草案二", 1'794'500'000'000, 180, 0, "",
       {{"方案A", "错峰共享"}, {"方案B", ""}}},
  };
  setup.opinions = {
      {"item-1", {"张先生", "支持", 1'794'100'000'000}},
      {"item-1", {"刘女士", "反对", 1'794'200'000'000}},
      {"item-2", {"租户代表", "希望分时", 1'794'600'000'000}},
  };
  return setup;
}

TEST(SetupCodec, RoundTripsEveryField) {
  core::MeetingSetup setup = full_setup();
  v1::MeetingSetup wire;
  codec::to_wire(setup, &wire);
  v1::MeetingSetup parsed;
  ASSERT_TRUE(parsed.ParseFromString(test::serialize(wire)));
  auto back = codec::from_wire(parsed);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(test::same(back.value(), setup)) << wire.ShortDebugString();
}

TEST(SetupCodec, OpinionsTravelInsideTheirItems) {
  v1::MeetingSetup wire;
  codec::to_wire(full_setup(), &wire);
  ASSERT_EQ(wire.agenda_size(), 2);
  ASSERT_EQ(wire.agenda(0).opinions_size(), 2);
  EXPECT_EQ(wire.agenda(0).opinions(1).author(), "刘女士");
  EXPECT_EQ(wire.agenda(0).opinions(1).received_ms(), 1'794'200'000'000);
  ASSERT_EQ(wire.agenda(1).opinions_size(), 1);
  EXPECT_EQ(wire.agenda(1).opinions(0).text(), "希望分时");
}

TEST(SetupCodec, OpinionForAnItemNotOnTheAgendaIsDropped) {
  core::MeetingSetup setup = full_setup();
  setup.opinions.push_back({"item-9", {"某人", "无关", 1}});
  v1::MeetingSetup wire;
  codec::to_wire(setup, &wire);
  auto back = codec::from_wire(wire);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().opinions.size(), 3u);
}

}  // namespace
}  // namespace gavel
