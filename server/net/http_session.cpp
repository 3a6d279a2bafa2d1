// One HTTP connection: reads requests within their limits, answers them
// (http_routes.hpp) and hands the upgrade at /ws to the WebSocket session.
#include "net/beast.hpp"
#include "net/http_routes.hpp"

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
      return respond(plain_text(none, http::status::bad_request, "bad request\n"));
    }
    auto request = parser_->release();
    if (websocket::is_upgrade(request)) {
      if (request.target() != "/ws") return respond(plain_text(request, http::status::not_found, "no WebSocket here\n"));
      return serve_websocket(std::move(stream_), std::move(request), hall_);
    }
    respond(answer_http(request, *web_));
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
