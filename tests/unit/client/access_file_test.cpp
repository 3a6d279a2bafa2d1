#include "client_lib/access_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace gavel::client {
namespace {

constexpr std::string_view kGood = R"({
  "url": "http://127.0.0.1:8080/",
  "ws_url": "ws://127.0.0.1:8080/ws",
  "join_url": "http://127.0.0.1:8080/j/abc",
  "chair_token": "0123456789abcdef0123456789abcdef",
  "secretary_token": "fedcba9876543210fedcba9876543210",
  "display_token": "00112233445566778899aabbccddeeff",
  "clicker_token": "99887766554433221100ffeeddccbbaa"
})";

class TempFile {
 public:
  explicit TempFile(std::string_view text)
      : path_(std::filesystem::temp_directory_path() /
              ("gavel_access_" + std::to_string(::getpid()) + ".json")) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(AccessFile, LoadsEveryField) {
  TempFile file(kGood);
  auto access = load_access_file(file.path());
  ASSERT_TRUE(access.ok()) << access.error().message_en;
  const AccessFile& a = access.value();
  EXPECT_EQ(a.url, "http://127.0.0.1:8080/");
  EXPECT_EQ(a.ws_url, "ws://127.0.0.1:8080/ws");
  EXPECT_EQ(a.join_url, "http://127.0.0.1:8080/j/abc");
  EXPECT_EQ(a.server_url(), "ws://127.0.0.1:8080/ws");
  EXPECT_EQ(a.token_for(v1::ROLE_CHAIR).value(), "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(a.token_for(v1::ROLE_SECRETARY).value(), "fedcba9876543210fedcba9876543210");
  EXPECT_EQ(a.token_for(v1::ROLE_DISPLAY).value(), "00112233445566778899aabbccddeeff");
  EXPECT_EQ(a.token_for(v1::ROLE_CLICKER).value(), "99887766554433221100ffeeddccbbaa");
}

TEST(AccessFile, UrlAloneIsEnoughToConnect) {
  auto access = parse_access_file(R"({"url": "https://room.local/"})", "mem");
  ASSERT_TRUE(access.ok());
  EXPECT_EQ(access.value().server_url(), "https://room.local/");
}

TEST(AccessFile, UnknownFieldsAreIgnored) {
  auto access = parse_access_file(R"({"url": "http://h/", "pid": 42, "tls": {"cert": "x"}})", "mem");
  EXPECT_TRUE(access.ok());
}

TEST(AccessFile, MissingRoleTokenIsAClearError) {
  auto access = parse_access_file(R"({"url": "http://h/", "chair_token": "abc"})", "mem");
  ASSERT_TRUE(access.ok());
  auto token = access.value().token_for(v1::ROLE_SECRETARY);
  ASSERT_FALSE(token.ok());
  EXPECT_NE(token.error().message_en.find("secretary_token"), std::string::npos);
}

TEST(AccessFile, ParticipantsHaveNoTokenThere) {
  auto access = parse_access_file(kGood, "mem");
  ASSERT_TRUE(access.ok());
  EXPECT_FALSE(access.value().token_for(v1::ROLE_PARTICIPANT).ok());
}

TEST(AccessFile, BadFilesSayWhatIsWrong) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "not valid JSON"},
      {"{\"url\": \"http://h/\"", "not valid JSON"},
      {"[1, 2]", "expected a JSON object"},
      {"{\"url\": 8080}", "\"url\" must be a string"},
      {"{\"url\": \"http://h/\", \"chair_token\": 12}", "\"chair_token\" must be a string"},
      {"{\"chair_token\": \"abc\"}", "neither \"url\" nor \"ws_url\""},
  };
  for (const auto& [text, expected] : cases) {
    auto access = parse_access_file(text, "data/access.json");
    ASSERT_FALSE(access.ok()) << text;
    EXPECT_EQ(access.error().kind, ErrorKind::bad_file);
    EXPECT_NE(access.error().message_en.find("data/access.json: "), std::string::npos) << access.error().message_en;
    EXPECT_NE(access.error().message_en.find(expected), std::string::npos) << access.error().message_en;
  }
}

TEST(AccessFile, MissingFile) {
  auto access = load_access_file("/nonexistent/gavel/access.json");
  ASSERT_FALSE(access.ok());
  EXPECT_EQ(access.error().kind, ErrorKind::bad_file);
  EXPECT_NE(access.error().message_en.find("/nonexistent/gavel/access.json"), std::string::npos);
}

}  // namespace
}  // namespace gavel::client
