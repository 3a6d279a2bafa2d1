#include "net/http_routes.hpp"

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include "net/static_files.hpp"

namespace gavel::net {

namespace http = boost::beast::http;

namespace {
// Tokens are hex and join codes short words: anything else is no link.
bool is_join_token(std::string_view token) {
  return !token.empty() && token.size() <= 64 && std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}
}  // namespace

HttpResponse plain_text(const HttpRequest& request, http::status status, std::string body) {
  HttpResponse response{status, request.version()};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body() = std::move(body);
  response.prepare_payload();
  response.keep_alive(request.keep_alive());
  return response;
}

HttpResponse answer_http(const HttpRequest& request, const WebRoot& web) {
  if (request.method() != http::verb::get && request.method() != http::verb::head)
    return plain_text(request, http::status::method_not_allowed, "method not allowed\n");
  std::string_view target = request.target();
  if (target == "/healthz") return plain_text(request, http::status::ok, "ok\n");
  if (target.starts_with("/j/")) {
    std::string_view token = target.substr(3);
    if (!is_join_token(token)) return plain_text(request, http::status::not_found, "not found\n");
    // A personal join link: the token travels on in the fragment, which
    // browsers never send back to a server or write into its logs.
    auto response = plain_text(request, http::status::found, "");
    response.set(http::field::location, "/#token=" + std::string(token));
    response.set(http::field::cache_control, "no-store");
    response.set("Referrer-Policy", "no-referrer");
    return response;
  }
  auto path = web_path_for(target);
  auto file = path ? web.read(*path, accepts_gzip(request[http::field::accept_encoding])) : std::nullopt;
  if (!file) return plain_text(request, http::status::not_found, "not found\n");
  HttpResponse response{http::status::ok, request.version()};
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

}  // namespace gavel::net
