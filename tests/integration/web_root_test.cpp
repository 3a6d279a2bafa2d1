// gaveld serves files from inside its web root only, and none without one:
// every trick a guest on the room's Wi-Fi could try, through the real server.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

namespace fs = std::filesystem;

// A web root with pages, an asset, a hidden file, a symlink to a file
// inside (fine) and symlinks pointing out of it (never followed).
fs::path web_folder(const fs::path& outside_secret) {
  auto dir = fs::temp_directory_path() / ("gavel-webroot-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "assets");
  for (const char* name : {"index.html", "chair.html", "secretary.html"})
    std::ofstream(dir / name) << "<!doctype html><title>" << name << "</title>";
  std::ofstream(dir / "assets/app-1f2e3d.js") << "console.log('议事厅');";
  std::ofstream(dir / ".env") << "SECRET=1";
  fs::create_symlink(dir / "assets/app-1f2e3d.js", dir / "assets/latest.js");
  fs::create_symlink("/etc/passwd", dir / "passwd");
  fs::create_symlink(outside_secret, dir / "access.json");
  fs::create_directory_symlink("/etc", dir / "etc");
  return dir;
}

struct Attack {
  const char* what;
  std::string target;
};

std::vector<Attack> attacks(const fs::path& data) {
  std::string access = (data / "access.json").string(), db = (data / "gavel.db").string();
  return {
      {"absolute path", "/etc/passwd"},
      {"shadow", "/etc/shadow"},
      {"proc", "/proc/self/cmdline"},
      {"data folder by absolute path", access},
      {"database by absolute path", db},
      {"participants by absolute path", (data / "participants.csv").string()},
      {"double slash", "//etc/passwd"},
      {"dot dot", "/../../../../etc/passwd"},
      {"dot dot under assets", "/assets/../../etc/passwd"},
      {"encoded dots", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"},
      {"encoded dots, upper case", "/%2E%2E/%2E%2E/etc/passwd"},
      {"encoded slash", "/..%2f..%2f..%2fetc%2fpasswd"},
      {"double encoding", "/%252e%252e/%252e%252e/etc/passwd"},
      {"overlong UTF-8 dot", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd"},
      {"overlong UTF-8 slash", "/..%c0%af..%c0%afetc%c0%afpasswd"},
      {"encoded backslash", "/..%5c..%5c..%5cetc%5cpasswd"},
      {"encoded NUL", "/index.html%00.png"},
      {"hidden file", "/.env"},
      {"symlink to /etc/passwd", "/passwd"},
      {"symlink to the data folder", "/access.json"},
      {"symlinked directory", "/etc/passwd"},
      {"directory", "/assets/"},
      {"dot segment", "/./index.html"},
      {"long path", "/" + std::string(900, 'a') + "/../../etc/passwd"},
      {"very long path", "/" + std::string(5000, 'a')},
  };
}

void expect_refused(const GaveldProcess& server, const Attack& attack) {
  const auto& e = server.endpoint();
  auto reply = http_get(e.host, e.port, attack.target);
  EXPECT_TRUE(reply.status == 404 || reply.status == 400) << attack.what << ": " << attack.target << " → " << reply.status;
  EXPECT_EQ(reply.body.find("root:"), std::string::npos) << attack.what;
  EXPECT_EQ(reply.body.find("token"), std::string::npos) << attack.what;
}

void expect_still_serving(const GaveldProcess& server) {
  const auto& e = server.endpoint();
  EXPECT_EQ(http_get(e.host, e.port, "/healthz").status, 200);
  auto chair = server.connect_as("chair");
  EXPECT_TRUE(chair->welcome().has_snapshot()) << "the WebSocket still admits";
}

TEST(WebRoot, WithoutAWebFolderOnlyTheBuiltInRoutesAnswer) {
  GaveldProcess server;
  const auto& e = server.endpoint();
  for (const Attack& attack : attacks(server.data())) expect_refused(server, attack);
  for (const char* page : {"/", "/index.html", "/chair", "/secretary", "/gaveld.log"})
    EXPECT_EQ(http_get(e.host, e.port, page).status, 404) << page;
  auto join = http_get(e.host, e.port, "/j/" + server.participant_token("P01"));
  EXPECT_EQ(join.status, 302);
  EXPECT_EQ(join.location, "/#token=" + server.participant_token("P01"));
  expect_still_serving(server);
}

TEST(WebRoot, NothingOutsideTheWebFolderIsServedWhateverThePath) {
  auto secret = fs::temp_directory_path() / ("gavel-secret-" + std::to_string(::getpid()));
  std::ofstream(secret) << "chair_token=deadbeef";
  auto web = web_folder(secret);
  GaveldProcess server({.tls = false, .meeting = {}, .web = web});
  const auto& e = server.endpoint();
  for (const Attack& attack : attacks(server.data())) expect_refused(server, attack);
  EXPECT_EQ(http_get(e.host, e.port, "/index.html").status, 200);
  EXPECT_EQ(http_get(e.host, e.port, "/assets/latest.js").status, 200) << "a symlink that stays inside is fine";
  expect_still_serving(server);
  fs::remove_all(web);
  fs::remove(secret);
}

TEST(WebRoot, BytesNoClientLibraryWouldSendGetNoFile) {
  auto secret = fs::temp_directory_path() / ("gavel-secret-raw-" + std::to_string(::getpid()));
  std::ofstream(secret) << "x";
  auto web = web_folder(secret);
  GaveldProcess server({.tls = false, .meeting = {}, .web = web});
  const auto& e = server.endpoint();
  auto request = [](const std::string& target) { return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"; };
  using namespace std::string_literals;
  for (const std::string& target : {"/index.html\0.png"s, "/..\\..\\..\\etc\\passwd"s, "/assets\\..\\..\\etc\\passwd"s,
                                    "etc/passwd"s, "*"s, "/%"s, "/%zz"s, "/%2"s})
    EXPECT_NE(raw_http_status(e.host, e.port, request(target)), 200) << target;
  std::string huge_header = "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(100000, 'a') + "\r\n\r\n";
  EXPECT_NE(raw_http_status(e.host, e.port, huge_header), 200);
  int long_path = raw_http_status(e.host, e.port, request("/" + std::string(100000, 'a')));
  EXPECT_TRUE(long_path == 0 || long_path / 100 == 4)
      << "a 100 KB path is refused with a 4xx, or the connection is closed: " << long_path;
  expect_still_serving(server);
  fs::remove_all(web);
  fs::remove(secret);
}

TEST(WebRoot, AssetsAreCachedForGoodAndPagesNever) {
  auto secret = fs::temp_directory_path() / ("gavel-secret-cache-" + std::to_string(::getpid()));
  std::ofstream(secret) << "x";
  auto web = web_folder(secret);
  GaveldProcess server({.tls = false, .meeting = {}, .web = web});
  const auto& e = server.endpoint();
  auto asset = http_get(e.host, e.port, "/assets/app-1f2e3d.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.cache_control.find("immutable"), std::string::npos) << asset.cache_control;
  for (const char* page : {"/", "/chair", "/secretary"}) {
    auto reply = http_get(e.host, e.port, page);
    EXPECT_EQ(reply.status, 200) << page;
    EXPECT_EQ(reply.cache_control, "no-cache") << page;
  }
  fs::remove_all(web);
  fs::remove(secret);
}

// Runs gaveld to its exit and returns what it printed, with its exit status.
std::pair<int, std::string> run_gaveld(const std::string& arguments) {
  std::string command = std::string(GAVELD_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  char chunk[512];
  while (std::size_t n = std::fread(chunk, 1, sizeof chunk, pipe)) out.append(chunk, n);
  return {::pclose(pipe), out};
}

TEST(WebRoot, GaveldRefusesAWebFolderThatHoldsItsDataFolder) {
  auto parent = fs::temp_directory_path() / ("gavel-parent-" + std::to_string(::getpid()));
  fs::remove_all(parent);
  fs::create_directories(parent / "data");
  std::ofstream(parent / "index.html") << "<!doctype html>";
  std::string common = " --port 0 --bind 127.0.0.1 --meeting " + std::string(GAVEL_FIXTURES) + "/meeting.toml";
  for (const fs::path& web : {parent, parent / "data"}) {
    auto [status, out] = run_gaveld("--data " + (parent / "data").string() + " --web " + web.string() + common);
    EXPECT_NE(status, 0) << web << " was accepted as the web folder:\n" << out;
    EXPECT_NE(out.find("data folder"), std::string::npos) << out;
    EXPECT_NE(out.find("数据目录"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(parent / "data/access.json")) << "it stopped before handing out tokens";
  }
  fs::remove_all(parent);
}

}  // namespace
}  // namespace gavel::test
