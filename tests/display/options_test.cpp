// gavel-display's command line.
#include <gtest/gtest.h>

#include <vector>

#include "model/options.hpp"

namespace gavel::display {
namespace {

std::variant<Options, ShowHelp, std::string> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "gavel-display");
  return parse_options(static_cast<int>(args.size()), args.data());
}

TEST(Options, ServerAndTokenWithDefaults) {
  auto parsed = parse({"--server", "http://10.0.0.2:8080/", "--token", "abc"});
  ASSERT_TRUE(std::holds_alternative<Options>(parsed)) << std::get<std::string>(parsed);
  const Options& o = std::get<Options>(parsed);
  EXPECT_EQ(o.server, "http://10.0.0.2:8080/");
  EXPECT_EQ(o.token, "abc");
  EXPECT_EQ(o.lang, Lang::zh);
  EXPECT_FALSE(o.fullscreen);
  EXPECT_EQ(o.monitor, 1);
  EXPECT_FALSE(o.after_ms);
}

TEST(Options, EveryFlag) {
  auto parsed = parse({"--access", "/d/access.json", "--fullscreen", "--monitor", "2", "--lang", "en", "--size",
                       "1920x1080", "--screenshot", "a.png", "--after-ms", "1500", "--status", "--ca", "ca.pem",
                       "--insecure"});
  ASSERT_TRUE(std::holds_alternative<Options>(parsed)) << std::get<std::string>(parsed);
  const Options& o = std::get<Options>(parsed);
  EXPECT_EQ(o.access_path, "/d/access.json");
  EXPECT_TRUE(o.fullscreen);
  EXPECT_EQ(o.monitor, 2);
  EXPECT_EQ(o.lang, Lang::en);
  EXPECT_EQ(o.width, 1920);
  EXPECT_EQ(o.height, 1080);
  EXPECT_EQ(o.screenshot, "a.png");
  EXPECT_EQ(o.after_ms, 1500);
  EXPECT_TRUE(o.status);
  EXPECT_EQ(o.tls.ca_file, "ca.pem");
  EXPECT_TRUE(o.tls.insecure);
}

TEST(Options, MistakesSayWhatIsWrong) {
  const std::vector<std::pair<std::vector<const char*>, std::string>> cases = {
      {{}, "give --server and --token, or --access"},
      {{"--server", "x"}, "give --server and --token"},
      {{"--access", "a.json", "--lang", "fr"}, "--lang must be zh-CN or en"},
      {{"--access", "a.json", "--monitor", "0"}, "--monitor"},
      {{"--access", "a.json", "--size", "big"}, "--size"},
      {{"--access", "a.json", "--after-ms", "100"}, "--after-ms needs --screenshot"},
      {{"--access", "a.json", "--after-ms", "-1", "--screenshot", "a.png"}, "--after-ms"},
      {{"--access", "a.json", "--bogus", "1"}, "unknown option --bogus"},
      {{"--access"}, "missing value after --access"},
  };
  for (const auto& [args, expected] : cases) {
    auto parsed = parse(args);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << "accepted: " << expected;
    EXPECT_NE(std::get<std::string>(parsed).find(expected), std::string::npos) << std::get<std::string>(parsed);
  }
}

TEST(Options, HelpWins) { EXPECT_TRUE(std::holds_alternative<ShowHelp>(parse({"--help"}))); }

}  // namespace
}  // namespace gavel::display
