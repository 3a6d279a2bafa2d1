// Where gavelctl connects and with which token: options, access.json and
// participants.csv.
#include "target.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace gavel::cli {
namespace {

constexpr std::string_view kParticipants =
    "id,name,group,token,join_url\n"
    "p04,王秀兰,老年居民,aaaa0000aaaa0000aaaa0000aaaa0000,http://h/j/aaaa\n"
    "p22,\"宋丽娟, 店主\",商户,bbbb1111bbbb1111bbbb1111bbbb1111,http://h/j/bbbb\n"
    "p30,\"说 \"\"引号\"\"\",租户,cccc2222cccc2222cccc2222cccc2222,http://h/j/cccc\r\n";

class DataDir : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gavel_target_" + std::to_string(::getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "access.json")
        << R"({"url": "http://10.0.0.5:8080/", "ws_url": "ws://10.0.0.5:8080/ws",
        "chair_token": "chairchairchairchairchairchair00", "secretary_token": "secsecsecsecsecsecsecsecsecsec00"})";
    std::ofstream(dir_ / "participants.csv") << kParticipants;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  GlobalOptions with_access() const {
    GlobalOptions options;
    options.access_path = (dir_ / "access.json").string();
    return options;
  }

  std::filesystem::path dir_;
};

TEST(ParticipantsCsv, FindsTheTokenByIdEvenInQuotedRows) {
  EXPECT_EQ(participant_token(std::string(kParticipants), "p04", "csv").value(),
            "aaaa0000aaaa0000aaaa0000aaaa0000");
  EXPECT_EQ(participant_token(std::string(kParticipants), "p22", "csv").value(),
            "bbbb1111bbbb1111bbbb1111bbbb1111");
  EXPECT_EQ(participant_token(std::string(kParticipants), "p30", "csv").value(),
            "cccc2222cccc2222cccc2222cccc2222");
  EXPECT_EQ(participant_token("\xEF\xBB\xBFtoken,id\nT1,p01\n", "p01", "csv").value(), "T1");
}

TEST(ParticipantsCsv, SaysWhatIsWrong) {
  auto missing = participant_token(std::string(kParticipants), "p99", "data/participants.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message_en,
            "data/participants.csv: no participant 'p99' (ids are in `gavelctl roster`)");
  EXPECT_EQ(missing.error().message_zh,
            "data/participants.csv：没有编号为 'p99' 的参会人（编号见 gavelctl roster）");
  EXPECT_FALSE(participant_token("", "p01", "csv").ok());
  EXPECT_FALSE(participant_token("id,name\np01,x\n", "p01", "csv").ok());
}

TEST_F(DataDir, ChairByDefaultFromTheAccessFile) {
  auto target = resolve_target(with_access());
  ASSERT_TRUE(target.ok()) << target.error().message_en;
  EXPECT_EQ(target.value().token, "chairchairchairchairchairchair00");
  EXPECT_EQ(target.value().endpoint.url(), "ws://10.0.0.5:8080/ws");
}

TEST_F(DataDir, RoleAndOverrides) {
  GlobalOptions options = with_access();
  options.role = v1::ROLE_SECRETARY;
  EXPECT_EQ(resolve_target(options).value().token, "secsecsecsecsecsecsecsecsecsec00");
  options.token = "explicit";
  options.server = "https://room.local/";
  const Target target = resolve_target(options).value();
  EXPECT_EQ(target.token, "explicit");
  EXPECT_EQ(target.endpoint.url(), "wss://room.local:443/ws");
}

TEST_F(DataDir, AsAParticipant) {
  GlobalOptions options = with_access();
  options.as_participant = "p22";
  EXPECT_EQ(resolve_target(options).value().token, "bbbb1111bbbb1111bbbb1111bbbb1111");
}

TEST_F(DataDir, MissingRoleToken) {
  GlobalOptions options = with_access();
  options.role = v1::ROLE_DISPLAY;
  auto target = resolve_target(options);
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message_en.find("display_token"), std::string::npos);
}

TEST(Target, DefaultServerWithATokenOnly) {
  GlobalOptions options;
  options.token = "t";
  EXPECT_EQ(resolve_target(options).value().endpoint.url(), "ws://127.0.0.1:8080/ws");
}

TEST(Target, BadServerUrl) {
  GlobalOptions options;
  options.token = "t";
  options.server = "gopher://x/";
  auto target = resolve_target(options);
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().kind, client::ErrorKind::bad_url);
}

}  // namespace
}  // namespace gavel::cli
