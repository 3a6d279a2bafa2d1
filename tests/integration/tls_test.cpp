// With a certificate, gaveld speaks wss:// on its one port and nothing else.
#include <gtest/gtest.h>

#include "commands.hpp"
#include "gaveld_process.hpp"
#include "raw_socket.hpp"

namespace gavel::test {
namespace {

TEST(Tls, ClientVerifiesTheCertificateAndRunsCommandsOverWss) {
  GaveldProcess server({.tls = true, .meeting = {}, .web = {}});
  EXPECT_TRUE(server.endpoint().tls) << "access.json should name a wss:// URL";
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  EXPECT_EQ(server.connect_as("display")->welcome().snapshot().phase(), v1::MEETING_IN_SESSION);
}

TEST(Tls, UntrustedCertificateIsRefusedByTheClient) {
  GaveldProcess server({.tls = true, .meeting = {}, .web = {}});
  auto refused = client::Connection::open(server.endpoint(), server.token("chair"), 0, "test", client::TlsOptions{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, client::ErrorKind::tls);
}

TEST(Tls, PlainWebSocketIsRefusedWhenTlsIsOn) {
  GaveldProcess server({.tls = true, .meeting = {}, .web = {}});
  EXPECT_ANY_THROW(RawSocket(server.endpoint().host, server.endpoint().port));
}

}  // namespace
}  // namespace gavel::test
