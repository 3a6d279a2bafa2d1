// Boost.Beast and Asio names used by the network layer. Included only by
// the few .cpp files that do I/O, to keep compile times down.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "net/hall.hpp"
#include "net/web_root.hpp"

namespace gavel::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// The hall and the strand it runs on, shared by every session.
struct HallHandle {
  std::shared_ptr<Hall> hall;
  asio::strand<asio::io_context::executor_type> strand;
};

constexpr std::size_t kMaxFrame = 64 * 1024;

// Starts an HTTP session on an accepted, handshaken stream (http_session.cpp).
void serve_http(PlainStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const WebRoot> web);
void serve_http(TlsStream stream, std::shared_ptr<HallHandle> hall, std::shared_ptr<const WebRoot> web);

// Takes over a stream whose HTTP request asked for a WebSocket (websocket_session.cpp).
void serve_websocket(PlainStream stream, http::request<http::string_body> request, std::shared_ptr<HallHandle> hall);
void serve_websocket(TlsStream stream, http::request<http::string_body> request, std::shared_ptr<HallHandle> hall);

}  // namespace gavel::net
