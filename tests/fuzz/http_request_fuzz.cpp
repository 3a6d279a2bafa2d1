// Fuzzes the HTTP request path: raw bytes through Beast's parser with the
// session's limits, then gaveld's answer (http_routes.hpp) over a real web
// folder on disk. Beside the folder lie a secret file and a symlink to it
// inside: no answer may ever carry the secret, and every answer is one of
// the few statuses gaveld gives.
#include <unistd.h>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "net/http_routes.hpp"

namespace gavel::fuzz {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
constexpr const char* kSecret = "SECRET-TOKEN-0123456789";

// web/ with the pages and an asset; secret.txt beside it, and links to it inside.
const net::WebRoot& web_root() {
  static const net::WebRoot root = [] {
    char pattern[] = "/tmp/gavel-fuzz-web-XXXXXX";
    if (!mkdtemp(pattern)) std::abort();
    fs::path base = pattern;
    fs::create_directories(base / "web" / "assets");
    fs::create_directories(base / "data");
    std::ofstream(base / "web" / "index.html") << "<!doctype html><p>index";
    std::ofstream(base / "web" / "chair.html") << "<!doctype html><p>chair";
    std::ofstream(base / "web" / "assets" / "app-1f2e.js") << "console.log(1)";
    std::ofstream(base / "web" / ".env") << kSecret;
    std::ofstream(base / "secret.txt") << kSecret;
    std::ofstream(base / "data" / "access.json") << kSecret;
    fs::create_symlink(base / "secret.txt", base / "web" / "link.txt");
    fs::create_directory_symlink(base / "data", base / "web" / "assets" / "data");
    auto opened = net::WebRoot::open(base / "web", base / "data");
    if (!opened) std::abort();
    return opened.value();
  }();
  return root;
}

}  // namespace
}  // namespace gavel::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  namespace http = boost::beast::http;
  const net::WebRoot& web = fuzz::web_root();
  // As the session reads them: one request after another on a connection.
  boost::asio::const_buffer rest(data, size);
  while (rest.size() > 0) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(64 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    while (!parser.is_done()) {
      std::size_t used = parser.put(rest, ec);
      rest += used;
      if (ec == http::error::need_more) {
        parser.put_eof(ec);  // as if the connection ended there
        break;
      }
      if (ec || used == 0) break;
    }
    if (ec || !parser.is_done()) return 0;  // the session answers 400 and hangs up
    auto request = parser.release();
    if (boost::beast::websocket::is_upgrade(request)) continue;  // the WebSocket's handshake
    auto response = net::answer_http(request, web);
    unsigned status = response.result_int();
    if (status != 200 && status != 302 && status != 404 && status != 405) std::abort();
    if (response.body().find(fuzz::kSecret) != std::string::npos) std::abort();
  }
  return 0;
}
