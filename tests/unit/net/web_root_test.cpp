// The web root on disk: real paths, symlinks and the data folder.
#include "net/web_root.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace gavel::net {
namespace {

namespace fs = std::filesystem;

class WebRootOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::temp_directory_path() / ("gavel-webroot-unit-" + std::to_string(::getpid()));
    fs::remove_all(base);
    fs::create_directories(base / "web/assets");
    fs::create_directories(base / "data");
    std::ofstream(base / "web/index.html") << "<!doctype html>";
    std::ofstream(base / "data/access.json") << "{\"chair_token\":\"x\"}";
  }
  void TearDown() override { fs::remove_all(base); }
  fs::path base;
};

TEST_F(WebRootOnDisk, ServesFilesInsideTheRoot) {
  auto root = WebRoot::open(base / "web", base / "data");
  ASSERT_TRUE(root) << root.error().message_en;
  auto page = root.value().read(*web_path_for("/"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, "<!doctype html>");
  EXPECT_EQ(page->mime, "text/html; charset=utf-8");
}

TEST_F(WebRootOnDisk, NeverFollowsASymlinkOutOfTheRoot) {
  fs::create_symlink(base / "data/access.json", base / "web/access.json");
  fs::create_directory_symlink(base / "data", base / "web/assets/data");
  auto root = WebRoot::open(base / "web", base / "data").value();
  EXPECT_FALSE(root.read(*web_path_for("/access.json")));
  EXPECT_FALSE(root.read(*web_path_for("/assets/data/access.json")));
}

TEST_F(WebRootOnDisk, ServesTheBuildsGzipToThoseWhoTakeIt) {
  std::ofstream(base / "web/assets/app-1f2e.js") << "plain";
  std::ofstream(base / "web/assets/app-1f2e.js.gz") << "squeezed";
  auto root = WebRoot::open(base / "web", base / "data").value();
  auto path = *web_path_for("/assets/app-1f2e.js");
  auto gz = root.read(path, true);
  ASSERT_TRUE(gz);
  EXPECT_TRUE(gz->gzipped);
  EXPECT_EQ(gz->body, "squeezed");
  EXPECT_EQ(gz->mime, "text/javascript; charset=utf-8") << "the type of what it unpacks to";
  EXPECT_TRUE(gz->immutable);
  auto plain = root.read(path, false);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->gzipped);
  EXPECT_EQ(plain->body, "plain");
  auto page = root.read(*web_path_for("/"), true);
  ASSERT_TRUE(page) << "no .gz beside it: the file itself";
  EXPECT_FALSE(page->gzipped);
  EXPECT_EQ(page->body, "<!doctype html>");
}

TEST_F(WebRootOnDisk, NeverFollowsAGzipSymlinkOutOfTheRoot) {
  std::ofstream(base / "web/assets/app.js") << "plain";
  fs::create_symlink(base / "data/access.json", base / "web/assets/app.js.gz");
  auto root = WebRoot::open(base / "web", base / "data").value();
  auto file = root.read(*web_path_for("/assets/app.js"), true);
  ASSERT_TRUE(file);
  EXPECT_FALSE(file->gzipped);
  EXPECT_EQ(file->body, "plain");
}

TEST_F(WebRootOnDisk, ServesNothingWithoutARoot) {
  WebRoot none;
  EXPECT_FALSE(none.serves());
  EXPECT_FALSE(none.read(*web_path_for("/")));
  EXPECT_FALSE(none.read(*web_path_for("/etc/passwd")));
}

TEST_F(WebRootOnDisk, RefusesARootThatHoldsTheDataFolderOrLiesInIt) {
  auto parent = WebRoot::open(base, base / "data");
  ASSERT_FALSE(parent);
  EXPECT_NE(parent.error().message_en.find("contains the data folder"), std::string::npos);
  EXPECT_NE(parent.error().message_zh.find("数据目录"), std::string::npos);
  EXPECT_FALSE(WebRoot::open(base / "data", base / "data"));
  fs::create_directories(base / "data/web");
  EXPECT_FALSE(WebRoot::open(base / "data/web", base / "data"));
  fs::create_directory_symlink(base, base / "web/up");
  EXPECT_TRUE(WebRoot::open(base / "web", base / "data")) << "a symlink inside is not the root itself";
  EXPECT_FALSE(WebRoot::open(base / "web/up", base / "data")) << "a symlink to a parent is its real path";
}

TEST_F(WebRootOnDisk, RefusesAMissingRoot) { EXPECT_FALSE(WebRoot::open(base / "nowhere", base / "data")); }

TEST(LiesWithin, ComparesWholePathComponents) {
  EXPECT_TRUE(lies_within("/srv/web/a", "/srv/web"));
  EXPECT_TRUE(lies_within("/srv/web", "/srv/web"));
  EXPECT_FALSE(lies_within("/srv/webby", "/srv/web"));
  EXPECT_FALSE(lies_within("/srv", "/srv/web"));
}

}  // namespace
}  // namespace gavel::net
