// The data folder's credential files: owner-only, replaced whole, no
// temporary file left behind, and a failed write leaves the old file.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "gaveld/private_file.hpp"

namespace {
namespace fs = std::filesystem;
using gavel::gaveld::write_private_file;

struct Folder {
  fs::path path = fs::temp_directory_path() / ("gavel-private-" + std::to_string(::getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
};

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PrivateFile, IsWrittenWholeForTheOwnerOnly) {
  Folder dir;
  const fs::path file = dir.path / "clickers.json";
  ASSERT_TRUE(write_private_file(file, "{\"devices\":[]}\n"));
  EXPECT_EQ(read(file), "{\"devices\":[]}\n");
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u) << "a credential file must be mode 0600";
  EXPECT_FALSE(fs::exists(dir.path / "clickers.json.tmp")) << "the temporary file must be renamed away";
}

TEST(PrivateFile, ReplacesTheOldContentEvenWhenTheNewIsShorter) {
  Folder dir;
  const fs::path file = dir.path / "access.json";
  ASSERT_TRUE(write_private_file(file, std::string(10000, 'x')));
  ASSERT_TRUE(write_private_file(file, "short"));
  EXPECT_EQ(read(file), "short");
}

TEST(PrivateFile, AStaleTemporaryFileWithWideModeIsNarrowed) {
  Folder dir;
  const fs::path file = dir.path / "clickers.json";
  { std::ofstream(dir.path / "clickers.json.tmp") << "left by a crash"; }
  ::chmod((dir.path / "clickers.json.tmp").c_str(), 0644);
  ASSERT_TRUE(write_private_file(file, "new"));
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(read(file), "new");
}

TEST(PrivateFile, AFailedWriteKeepsTheOldFileAndSaysWhyInBothLanguages) {
  Folder dir;
  const fs::path file = dir.path / "clickers.json";
  ASSERT_TRUE(write_private_file(file, "old"));
  // A folder where the temporary file would go: the write cannot happen.
  fs::create_directories(dir.path / "clickers.json.tmp");
  auto written = write_private_file(file, "new");
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message_zh.find("无法写入"), std::string::npos);
  EXPECT_NE(written.error().message_en.find("cannot write"), std::string::npos);
  EXPECT_EQ(read(file), "old");
}

}  // namespace
