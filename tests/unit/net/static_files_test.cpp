// Which request paths name a file of the web clients: every encoding trick
// is refused before the disk is touched.
#include "net/static_files.hpp"

#include <gtest/gtest.h>

namespace gavel::net {
namespace {

std::string joined(const std::optional<WebPath>& path) {
  if (!path) return "(refused)";
  std::string out;
  for (const std::string& s : path->segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

TEST(StaticFiles, PagesHaveFixedNames) {
  EXPECT_EQ(joined(web_path_for("/")), "index.html");
  EXPECT_EQ(joined(web_path_for("/?x=1")), "index.html");
  EXPECT_EQ(joined(web_path_for("/#token=abc")), "index.html");
  EXPECT_EQ(joined(web_path_for("/chair")), "chair.html");
  EXPECT_EQ(joined(web_path_for("/chair/")), "chair.html");
  EXPECT_EQ(joined(web_path_for("/secretary")), "secretary.html");
}

TEST(StaticFiles, AssetsAreDecodedOnceAndMarkedImmutable) {
  auto asset = web_path_for("/assets/app-1f2e.js");
  ASSERT_TRUE(asset);
  EXPECT_EQ(joined(asset), "assets/app-1f2e.js");
  EXPECT_TRUE(asset->immutable);
  EXPECT_FALSE(web_path_for("/favicon.ico")->immutable);
  EXPECT_EQ(joined(web_path_for("/assets/%E8%AE%AE.png")), "assets/议.png");
}

TEST(StaticFiles, RefusesEveryWayOutOfTheRoot) {
  for (const char* target :
       {"", "etc/passwd", "*", "//etc/passwd", "/../etc/passwd", "/assets/../../etc/passwd", "/./index.html",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/..%2fetc%2fpasswd", "/%2fetc/passwd",
        "/%252e%252e/etc/passwd", "/%25", "/%c0%ae%c0%ae/etc/passwd", "/%c0%af", "/%e0%80%ae", "/%ed%a0%80",
        "/%f4%90%80%80", "/..%5cetc%5cpasswd", "/a\\b", "/index.html%00.png", "/%0d%0aSet-Cookie:x", "/%", "/%2",
        "/%zz", "/.env", "/.git/config", "/assets/", "/assets//x.js", "/a/./b", "/a/../b"})
    EXPECT_FALSE(web_path_for(target)) << target;
  std::string nul = "/index.html";
  nul += '\0';
  nul += ".png";
  EXPECT_FALSE(web_path_for(nul));
  EXPECT_FALSE(web_path_for("/" + std::string(2000, 'a'))) << "very long paths are refused";
}

TEST(StaticFiles, KnowsTheTypesThePagesUse) {
  EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("app-1f2e.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type("unknown.bin"), "application/octet-stream");
}

TEST(StaticFiles, GzipIsSentOnlyToClientsThatTakeIt) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, *"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_TRUE(accepts_gzip("gzip;q=0.001"));
  EXPECT_FALSE(accepts_gzip("gzipx, xgzip"));
}

}  // namespace
}  // namespace gavel::net
