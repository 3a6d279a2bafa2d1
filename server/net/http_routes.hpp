// What gaveld answers to a plain HTTP request (not the WebSocket upgrade):
// the health check, personal join links and the web clients' files, each
// else a 404 with the same short body. Pure over the web root, so the
// fuzzer drives it without a socket. Safe on any I/O thread.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "net/web_root.hpp"

namespace gavel::net {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

HttpResponse answer_http(const HttpRequest& request, const WebRoot& web);
// A short text/plain answer that keeps the request's HTTP version and keep-alive.
HttpResponse plain_text(const HttpRequest& request, boost::beast::http::status status, std::string body);

}  // namespace gavel::net
