// load(): reading the two files from disk and finding the roster.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sample_files.hpp"

namespace gavel::meeting_file {
namespace {

namespace fs = std::filesystem;
using sample::error_of;

class Load : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / (std::string("gavel_meeting_file_") + test->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, std::string_view text) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  fs::path dir_;
};

TEST_F(Load, FindsTheRosterNamedInTheTomlBesideIt) {
  const std::string toml = sample::with(sample::kToml, "start =", "roster = \"名单.csv\"\nstart =");
  const fs::path meeting = write("会议/meeting.toml", toml);
  write("会议/名单.csv", sample::kCsv);
  const auto setup = load(meeting, {});
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster.size(), 3u);
}

TEST_F(Load, AnExplicitRosterPathWinsOverTheTomlKey) {
  const std::string toml =
      sample::with(sample::kToml, "start =", "roster = \"missing.csv\"\nstart =");
  const fs::path meeting = write("meeting.toml", toml);
  const fs::path roster = write("elsewhere/roster.csv", sample::kCsv);
  const auto setup = load(meeting, roster);
  ASSERT_TRUE(setup) << error_of(setup);
  EXPECT_EQ(setup.value().roster[0].name, "王秀兰");
}

TEST_F(Load, RequiresARosterWhenNoneIsNamed) {
  const fs::path meeting = write("meeting.toml", sample::kToml);
  EXPECT_EQ(error_of(load(meeting, {})),
            meeting.string() +
                ":1: meeting.roster: no roster file given: name it here, e.g. roster = "
                "\"roster.csv\"");
}

TEST_F(Load, ReportsAMissingFileAsNotFound) {
  const auto result = load(dir_ / "absent.toml", {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::not_found);
  EXPECT_EQ(result.error().message_en.rfind((dir_ / "absent.toml").string() + ": cannot read", 0),
            0u);
}

TEST_F(Load, ReportsAMissingRosterAsNotFoundNamingIt) {
  const std::string toml =
      sample::with(sample::kToml, "start =", "roster = \"roster.csv\"\nstart =");
  const fs::path meeting = write("meeting.toml", toml);
  const auto result = load(meeting, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::not_found);
  EXPECT_NE(result.error().message_en.find((dir_ / "roster.csv").string()), std::string::npos);
}

TEST_F(Load, NamesTheFilesAsGivenInErrors) {
  const fs::path meeting = write("meeting.toml", sample::kToml);
  const fs::path roster = write("roster.csv", "id,name\n");
  EXPECT_EQ(error_of(load(meeting, roster)),
            roster.string() + ":1: header: the required column \"group\" is missing");
}

TEST_F(Load, RefusesAnOversizedFile) {
  const fs::path meeting = write("meeting.toml", std::string(9u << 20, '#'));
  const auto result = load(meeting, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::too_large);
}

}  // namespace
}  // namespace gavel::meeting_file
