// One HTTP connection: health check, static files for the web clients,
// personal join links, and the upgrade to the WebSocket at /ws.
#include <fstream>
#include <sstream>

#include "net/beast.hpp"
#include "net/static_files.hpp"

namespace gavel::net {

namespace {
constexpr std::size_t kMaxFile = 16 * 1024 * 1024;

template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const std::string> web_root)
      : stream_(std::move(stream)), hall_(std::move(hall)), web_root_(std::move(web_root)) {}

  void run() { do_read(); }

 private:
  void do_read() {
    parser_.emplace();
    parser_->body_limit(kMaxFrame);
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) return;  // closed, timed out or malformed: nothing to answer
    auto request = parser_->release();
    if (websocket::is_upgrade(request)) {
      if (request.target() != "/ws") return respond(text(request, http::status::not_found, "no WebSocket here\n"));
      return serve_websocket(std::move(stream_), std::move(request), hall_);
    }
    respond(route(request));
  }

  http::response<http::string_body> route(const http::request<http::string_body>& request) {
    if (request.method() != http::verb::get && request.method() != http::verb::head)
      return text(request, http::status::method_not_allowed, "method not allowed\n");
    std::string_view target = request.target();
    if (target == "/healthz") return text(request, http::status::ok, "ok\n");
    if (target.starts_with("/j/")) {
      // A personal join link: the token travels on in the fragment, which
      // browsers never send back to a server or write into its logs.
      auto response = text(request, http::status::found, "");
      response.set(http::field::location, "/#token=" + std::string(target.substr(3)));
      response.set(http::field::cache_control, "no-store");
      return response;
    }
    auto file = file_for_path(target);
    if (!file) return text(request, http::status::not_found, "not found\n");
    std::ifstream in(*web_root_ + "/" + *file, std::ios::binary);
    if (!in) return text(request, http::status::not_found, "not found\n");
    std::ostringstream body;
    body << in.rdbuf();
    if (body.str().size() > kMaxFile) return text(request, http::status::internal_server_error, "too large\n");
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::content_type, mime_type(*file));
    response.set(http::field::cache_control, "no-cache");
    response.body() = request.method() == http::verb::head ? std::string() : body.str();
    response.content_length(body.str().size());
    response.keep_alive(request.keep_alive());
    return response;
  }

  static http::response<http::string_body> text(const http::request<http::string_body>& request,
                                                http::status status, std::string body) {
    http::response<http::string_body> response{status, request.version()};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = std::move(body);
    response.prepare_payload();
    response.keep_alive(request.keep_alive());
    return response;
  }

  void respond(http::response<http::string_body> response) {
    auto shared = std::make_shared<http::response<http::string_body>>(std::move(response));
    http::async_write(stream_, *shared, [self = this->shared_from_this(), shared](beast::error_code ec, std::size_t) {
      if (ec) return;
      if (!shared->keep_alive()) return self->shutdown();
      self->do_read();
    });
  }

  void shutdown() {
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  Stream stream_;
  std::shared_ptr<HallHandle> hall_;
  std::shared_ptr<const std::string> web_root_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};
}  // namespace

void serve_http(PlainStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const std::string> web_root) {
  std::make_shared<HttpSession<PlainStream>>(std::move(stream), std::move(hall), std::move(web_root))->run();
}

void serve_http(TlsStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const std::string> web_root) {
  std::make_shared<HttpSession<TlsStream>>(std::move(stream), std::move(hall), std::move(web_root))->run();
}

}  // namespace gavel::net
