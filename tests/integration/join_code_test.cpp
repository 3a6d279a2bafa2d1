// Joining with the short personal code typed after scanning the room's QR
// code, its guessing limit and audit, and the chair's personal join links.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

v1::ClientMessage code_hello(const std::string& code, std::uint64_t id = 1) {
  v1::ClientMessage m;
  m.set_request_id(id);
  m.mutable_hello()->set_protocol_version(1);
  m.mutable_hello()->set_join_code(code);
  return m;
}

// The first welcome or error the server answers with.
v1::ServerMessage answer(RawSocket& socket) {
  while (auto message = socket.receive())
    if (message->has_welcome() || message->has_error()) return *message;
  ADD_FAILURE() << "no answer; close code " << socket.close_code();
  return {};
}

std::vector<std::string> audit_outcomes(const GaveldProcess& server, const char* action) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  sqlite3_open_v2((server.data() / "gavel.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT outcome, actor FROM audit WHERE action = ? ORDER BY at_ms, rowid", -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, action, -1, SQLITE_STATIC);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) + " " +
                  reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST(JoinCode, EveryParticipantHasAnEightCharacterCodeInTheRoster) {
  GaveldProcess server;
  std::string code = server.participant_code("P01");
  ASSERT_EQ(code.size(), 8u);
  for (char c : code) EXPECT_NE(std::string("23456789ABCDEFGHJKMNPQRSTUVWXYZ").find(c), std::string::npos) << code;
  EXPECT_NE(server.participant_code("P02"), code);
  std::string first = code;
  server.stop();
  server.start();
  EXPECT_EQ(server.participant_code("P01"), first) << "codes survive a restart, like tokens";
}

TEST(JoinCode, ATypedCodeAdmitsItsParticipantAsTypedOnAJoinCard) {
  GaveldProcess server;
  std::string code = server.participant_code("P03");
  std::string typed = code.substr(0, 4) + "-" + code.substr(4);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  RawSocket socket(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(socket.send(code_hello(typed)));
  auto reply = answer(socket);
  ASSERT_TRUE(reply.has_welcome()) << reply.DebugString();
  EXPECT_EQ(reply.welcome().participant_id(), "P03");
  EXPECT_EQ(reply.welcome().role(), v1::ROLE_PARTICIPANT);
}

TEST(JoinCode, AWrongCodeSaysSoAndTheSameConnectionMayTryAgain) {
  GaveldProcess server;
  RawSocket socket(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(socket.send(code_hello("ZZZZZZZZ")));
  auto wrong = answer(socket);
  ASSERT_TRUE(wrong.has_error());
  EXPECT_EQ(wrong.error().code(), v1::ERROR_UNAUTHENTICATED);
  EXPECT_NE(wrong.error().message_zh().find("个人码不对"), std::string::npos);
  EXPECT_NE(wrong.error().message_en().find("personal code"), std::string::npos);
  ASSERT_TRUE(socket.send(code_hello(server.participant_code("P02"), 2)));
  auto right = answer(socket);
  ASSERT_TRUE(right.has_welcome()) << right.DebugString();
  EXPECT_EQ(right.welcome().participant_id(), "P02");
}

TEST(JoinCode, GuessingIsRateLimitedPerAddressAndEveryAttemptIsAudited) {
  GaveldProcess server;
  RawSocket socket(server.endpoint().host, server.endpoint().port);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(socket.send(code_hello("WRONG" + std::string(3, static_cast<char>('A' + i)), static_cast<std::uint64_t>(i) + 1)));
    EXPECT_EQ(answer(socket).error().code(), v1::ERROR_UNAUTHENTICATED) << "try " << i;
  }
  RawSocket another(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(another.send(code_hello(server.participant_code("P01"), 9)));
  auto limited = answer(another);
  ASSERT_TRUE(limited.has_error()) << "even the right code waits once the address has used its tries";
  EXPECT_EQ(limited.error().code(), v1::ERROR_RATE_LIMITED);
  EXPECT_NE(limited.error().message_zh().find("尝试次数太多"), std::string::npos);
  EXPECT_TRUE(server.connect_participant("P01")->welcome().has_snapshot()) << "personal links still work";
  std::vector<std::string> rows;
  ASSERT_TRUE(wait_until([&] {
    rows = audit_outcomes(server, "join_code");
    return rows.size() >= 6;
  }));
  EXPECT_EQ(rows, (std::vector<std::string>{"ERROR_UNAUTHENTICATED ", "ERROR_UNAUTHENTICATED ", "ERROR_UNAUTHENTICATED ",
                                            "ERROR_UNAUTHENTICATED ", "ERROR_UNAUTHENTICATED ", "ERROR_RATE_LIMITED "}));
}

TEST(JoinCode, ACodeIsNoTokenAndATokenIsNoCode) {
  GaveldProcess server;
  RawSocket as_token(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(as_token.send(RawSocket::hello(server.participant_code("P01"))));
  EXPECT_EQ(answer(as_token).error().code(), v1::ERROR_UNAUTHENTICATED);
  RawSocket as_code(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(as_code.send(code_hello(server.participant_token("P01"))));
  EXPECT_EQ(answer(as_code).error().code(), v1::ERROR_UNAUTHENTICATED);
}

TEST(JoinLink, TheChairGetsAParticipantsLinkAndCodeAndNobodyElseDoes) {
  GaveldProcess server;
  RawSocket chair(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(chair.send(RawSocket::hello(server.token("chair"))));
  ASSERT_TRUE(answer(chair).has_welcome());
  v1::ClientMessage ask;
  ask.set_request_id(7);
  ask.mutable_join_link_request()->set_participant_id("P04");
  ASSERT_TRUE(chair.send(ask));
  std::optional<v1::JoinLink> link;
  while (auto message = chair.receive())
    if (message->has_join_link()) {
      link = message->join_link();
      break;
    }
  ASSERT_TRUE(link);
  EXPECT_EQ(link->participant_id(), "P04");
  EXPECT_EQ(link->code(), server.participant_code("P04"));
  std::string suffix = "/j/" + server.participant_token("P04");
  ASSERT_GE(link->url().size(), suffix.size());
  EXPECT_EQ(link->url().substr(link->url().size() - suffix.size()), suffix);
  EXPECT_EQ(link->url().rfind("http://", 0), 0u) << link->url();

  ask.mutable_join_link_request()->set_participant_id("P99");
  ASSERT_TRUE(chair.send(ask));
  EXPECT_EQ(chair.next_error()->code(), v1::ERROR_NOT_FOUND);

  RawSocket phone(server.endpoint().host, server.endpoint().port);
  ASSERT_TRUE(phone.send(RawSocket::hello(server.participant_token("P01"))));
  ASSERT_TRUE(answer(phone).has_welcome());
  ask.mutable_join_link_request()->set_participant_id("P04");
  ASSERT_TRUE(phone.send(ask));
  EXPECT_EQ(phone.next_error()->code(), v1::ERROR_NOT_ALLOWED);
}

}  // namespace
}  // namespace gavel::test
