// Where the display connects and which URL its QR code gives phones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "model/target.hpp"

namespace gavel::display {
namespace {

std::string phone(const std::string& url) {
  auto endpoint = client::parse_endpoint(url);
  EXPECT_TRUE(endpoint) << url;
  return endpoint ? phone_url(endpoint.value()) : "";
}

TEST(Target, PhoneUrlFromTheServerUrl) {
  EXPECT_EQ(phone("ws://10.0.0.2:8080/ws"), "http://10.0.0.2:8080/");
  EXPECT_EQ(phone("wss://hall.example:443/ws"), "https://hall.example/");
  EXPECT_EQ(phone("http://10.0.0.2:8080/"), "http://10.0.0.2:8080/");
  EXPECT_EQ(phone("https://[::1]:8443/gavel/"), "https://[::1]:8443/gavel/");
  EXPECT_EQ(phone("10.0.0.2"), "http://10.0.0.2/");
}

class AccessFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gavel-display-target-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "access.json") << R"({"url": "http://192.168.1.5:8080/", "ws_url": "ws://192.168.1.5:8080/ws",
      "display_token": "disp", "chair_token": "chair"})";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(AccessFileTest, TheFileGivesAddressTokenAndPhoneUrl) {
  Options options;
  options.access_path = (dir_ / "access.json").string();
  auto target = resolve_target(options);
  ASSERT_TRUE(target) << client::describe(target.error());
  EXPECT_EQ(target.value().endpoint.url(), "ws://192.168.1.5:8080/ws");
  EXPECT_EQ(target.value().token, "disp");
  EXPECT_EQ(target.value().phone_url, "http://192.168.1.5:8080/");
}

TEST_F(AccessFileTest, OptionsOverrideTheFile) {
  Options options;
  options.access_path = (dir_ / "access.json").string();
  options.server = "http://10.1.1.1:9000/";
  options.token = "mine";
  auto target = resolve_target(options);
  ASSERT_TRUE(target) << client::describe(target.error());
  EXPECT_EQ(target.value().endpoint.url(), "ws://10.1.1.1:9000/ws");
  EXPECT_EQ(target.value().token, "mine");
  EXPECT_EQ(target.value().phone_url, "http://10.1.1.1:9000/");
}

TEST(Target, ALoopbackAddressIsNotForPhones) {
  EXPECT_TRUE(reachable_from_phones("http://192.168.1.20:8080/"));
  EXPECT_TRUE(reachable_from_phones("https://room.local:8443/"));
  EXPECT_FALSE(reachable_from_phones("http://127.0.0.1:8080/"));
  EXPECT_FALSE(reachable_from_phones("http://localhost:8080/"));
  EXPECT_FALSE(reachable_from_phones("http://[::1]:8080/"));
  EXPECT_FALSE(reachable_from_phones(""));
}

TEST(Target, AMissingFileOrBadUrlIsAnError) {
  Options options;
  options.access_path = "/nonexistent/access.json";
  EXPECT_FALSE(resolve_target(options));
  Options bad;
  bad.server = "ftp://x";
  bad.token = "t";
  auto target = resolve_target(bad);
  ASSERT_FALSE(target);
  EXPECT_NE(client::describe(target.error()).find("scheme"), std::string::npos);
}

}  // namespace
}  // namespace gavel::display
