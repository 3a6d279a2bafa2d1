// One HTTP connection: health check, static files for the web clients,
// personal join links, and the upgrade to the WebSocket at /ws.
#include <algorithm>

#include "net/beast.hpp"
#include "net/static_files.hpp"

namespace gavel::net {

namespace {
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const WebRoot> web)
      : stream_(std::move(stream)), hall_(std::move(hall)), web_(std::move(web)) {}

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
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return;  // closed or timed out: nobody to answer
    if (ec) {
      // Malformed, or headers or body over their limits: say so, then hang up.
      http::request<http::string_body> none{http::verb::get, "/", 11};
      none.keep_alive(false);
      return respond(text(none, http::status::bad_request, "bad request\n"));
    }
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
      std::string_view token = target.substr(3);
      if (!is_join_token(token)) return text(request, http::status::not_found, "not found\n");
      // A personal join link: the token travels on in the fragment, which
      // browsers never send back to a server or write into its logs.
      auto response = text(request, http::status::found, "");
      response.set(http::field::location, "/#token=" + std::string(token));
      response.set(http::field::cache_control, "no-store");
      response.set("Referrer-Policy", "no-referrer");
      return response;
    }
    auto path = web_path_for(target);
    auto file = path ? web_->read(*path, accepts_gzip(request[http::field::accept_encoding])) : std::nullopt;
    if (!file) return text(request, http::status::not_found, "not found\n");
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::content_type, file->mime);
    // Assets carry a content hash in their names; the pages that name them
    // must never be kept (WeChat on Android holds on to stale files).
    response.set(http::field::cache_control, file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Content-Type-Options", "nosniff");
    if (file->gzipped) response.set(http::field::content_encoding, "gzip");
    response.set(http::field::vary, "Accept-Encoding");
    response.content_length(file->body.size());
    if (request.method() != http::verb::head) response.body() = std::move(file->body);
    response.keep_alive(request.keep_alive());
    return response;
  }

  // Tokens are hex and join codes short words: anything else is no link.
  static bool is_join_token(std::string_view token) {
    return !token.empty() && token.size() <= 64 && std::all_of(token.begin(), token.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
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
  std::shared_ptr<const WebRoot> web_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};
}  // namespace

void serve_http(PlainStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const WebRoot> web) {
  std::make_shared<HttpSession<PlainStream>>(std::move(stream), std::move(hall), std::move(web))->run();
}

void serve_http(TlsStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const WebRoot> web) {
  std::make_shared<HttpSession<TlsStream>>(std::move(stream), std::move(hall), std::move(web))->run();
}

}  // namespace gavel::net
