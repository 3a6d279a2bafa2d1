// The one port's HTTP side (web clients' files with their MIME types) and
// the audit trail of chair and secretary actions.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

std::filesystem::path web_folder() {
  auto dir = std::filesystem::temp_directory_path() / ("gavel-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "assets");
  for (const char* name : {"index.html", "chair.html", "secretary.html"}) std::ofstream(dir / name) << "<!doctype html><title>" << name << "</title>";
  std::ofstream(dir / "assets/app.js") << "console.log('议事厅');";
  std::ofstream(dir / "assets/style.css") << "body{}";
  return dir;
}

TEST(Http, ServesTheWebClientsWithTheirMimeTypes) {
  auto web = web_folder();
  GaveldProcess server({.tls = false, .meeting = {}, .web = web});
  const auto& e = server.endpoint();
  struct Case {
    const char* path;
    const char* type;
    const char* body;
  };
  for (const Case& c : {Case{"/", "text/html; charset=utf-8", "index.html"},
                        Case{"/chair", "text/html; charset=utf-8", "chair.html"},
                        Case{"/secretary", "text/html; charset=utf-8", "secretary.html"},
                        Case{"/assets/app.js", "text/javascript; charset=utf-8", "议事厅"},
                        Case{"/assets/style.css", "text/css; charset=utf-8", "body"}}) {
    auto reply = http_get(e.host, e.port, c.path);
    EXPECT_EQ(reply.status, 200) << c.path;
    EXPECT_EQ(reply.content_type, c.type) << c.path;
    EXPECT_NE(reply.body.find(c.body), std::string::npos) << c.path;
  }
  EXPECT_EQ(http_get(e.host, e.port, "/assets/../../etc/passwd").status, 404);
  std::filesystem::remove_all(web);
}

TEST(Audit, RecordsWhoDidWhichChairOrSecretaryActionAndRefusals) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(server.connect_as("secretary")->call(cmd::check_in("P01")));
  EXPECT_FALSE(server.connect_participant("P02")->call(cmd::next_item()));
  EXPECT_FALSE(chair->call(cmd::open_item("no-such-item")));

  // Refusals are audited without holding up the answer: wait for the last one.
  std::vector<std::string> rows;
  wait_until([&] {
    rows.clear();
    sqlite3* db = nullptr;
    sqlite3_open_v2((server.data() / "gavel.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT role, actor, client, action, outcome, at_ms FROM audit ORDER BY at_ms, rowid", -1,
                       &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < 5; ++c) row += std::string(c ? " " : "") + reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      EXPECT_GT(sqlite3_column_int64(stmt, 5), 0) << "every audit row has a time";
      rows.push_back(row);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows.size() >= 4;
  });
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "chair  integration-test start_meeting ok",
                      "secretary  integration-test check_in ok",
                      "participant P02 integration-test next_item ERROR_NOT_ALLOWED",
                      "chair  integration-test open_item ERROR_NOT_FOUND",
                  }));
}

}  // namespace
}  // namespace gavel::test
