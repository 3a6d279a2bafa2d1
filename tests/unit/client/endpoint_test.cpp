#include "client_lib/endpoint.hpp"

#include <gtest/gtest.h>

namespace gavel::client {
namespace {

Endpoint parsed(std::string_view url) {
  auto ep = parse_endpoint(url);
  EXPECT_TRUE(ep.ok()) << url << ": " << (ep.ok() ? "" : ep.error().message_en);
  return ep.ok() ? ep.value() : Endpoint{};
}

TEST(Endpoint, BaseUrlFromAccessFileGetsTheSocketPath) {
  const Endpoint ep = parsed("http://127.0.0.1:8080/");
  EXPECT_EQ(ep.host, "127.0.0.1");
  EXPECT_EQ(ep.port, "8080");
  EXPECT_EQ(ep.path, "/ws");
  EXPECT_FALSE(ep.tls);
}

TEST(Endpoint, BaseUrlWithoutSlashOrUnderAFolder) {
  EXPECT_EQ(parsed("http://host:8080").path, "/ws");
  EXPECT_EQ(parsed("http://host/gavel").path, "/gavel/ws");
  EXPECT_EQ(parsed("https://host/gavel/").path, "/gavel/ws");
}

TEST(Endpoint, WebSocketUrlKeepsItsPath) {
  const Endpoint ep = parsed("ws://127.0.0.1:8080/ws");
  EXPECT_EQ(ep.path, "/ws");
  EXPECT_EQ(parsed("ws://h:1/other?x=1").path, "/other?x=1");
}

TEST(Endpoint, BareWebSocketUrlMeansTheServersSocket) {
  EXPECT_EQ(parsed("ws://h:9000").path, "/ws");
  EXPECT_EQ(parsed("ws://h:9000/").path, "/ws");
}

TEST(Endpoint, DefaultPortsFollowTheScheme) {
  EXPECT_EQ(parsed("ws://h/ws").port, "80");
  EXPECT_EQ(parsed("http://h/").port, "80");
  EXPECT_EQ(parsed("wss://h/ws").port, "443");
  EXPECT_EQ(parsed("https://h/").port, "443");
}

TEST(Endpoint, TlsSchemes) {
  EXPECT_TRUE(parsed("wss://h/ws").tls);
  EXPECT_TRUE(parsed("HTTPS://h/").tls);
  EXPECT_FALSE(parsed("WS://h/ws").tls);
}

TEST(Endpoint, HostAndPortAloneIsAPlainBaseUrl) {
  const Endpoint ep = parsed("192.168.1.10:8080");
  EXPECT_EQ(ep.host, "192.168.1.10");
  EXPECT_EQ(ep.port, "8080");
  EXPECT_EQ(ep.path, "/ws");
  EXPECT_FALSE(ep.tls);
}

TEST(Endpoint, Ipv6InBrackets) {
  const Endpoint ep = parsed("wss://[::1]:8443/ws");
  EXPECT_EQ(ep.host, "::1");
  EXPECT_EQ(ep.port, "8443");
  EXPECT_EQ(ep.url(), "wss://[::1]:8443/ws");
  EXPECT_EQ(parsed("http://[fe80::1]/").port, "80");
}

TEST(Endpoint, UrlForMessages) {
  EXPECT_EQ(parsed("http://127.0.0.1:8080/").url(), "ws://127.0.0.1:8080/ws");
}

TEST(Endpoint, RefusesWhatItCannotUse) {
  for (std::string_view bad :
       {"ftp://h/", "http://", "http://:80/", "http://h:/", "http://h:0/", "http://h:65536/", "http://h:8o/",
        "http://user@h/", "http://[::1/", "http://[::1]x/", "ws://h/ws#frag", ""}) {
    auto ep = parse_endpoint(bad);
    ASSERT_FALSE(ep.ok()) << bad;
    EXPECT_EQ(ep.error().kind, ErrorKind::bad_url);
    EXPECT_NE(ep.error().message_en.find("bad server URL"), std::string::npos);
  }
}

}  // namespace
}  // namespace gavel::client
