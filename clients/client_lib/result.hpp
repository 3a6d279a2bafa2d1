// Errors as values for every client: a failure is either the server's typed
// v1::Error or a local one (bad URL, connect failed, timeout, closed). No
// exception leaves the client library. Plain data: usable on any thread.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "gavel/v1/envelope.pb.h"

namespace gavel::client {

enum class ErrorKind {
  server,     // the server refused: see Error::server
  bad_url,
  bad_file,   // access.json missing or malformed
  connect,    // resolve, TCP or WebSocket handshake failed
  tls,        // TLS setup or handshake failed (often: certificate not trusted)
  timeout,
  closed,     // the connection ended (by either side)
  protocol,   // the server sent something this client cannot understand
  too_large,  // the message would exceed the server's frame limit
};

struct Error {
  ErrorKind kind = ErrorKind::closed;
  // Local failures: what went wrong, in Chinese and in English (a system's
  // own words, such as "Connection refused", are quoted in both).
  std::string message_zh, message_en;
  v1::Error server;     // kind == server: code, message_zh, message_en
};

Error local_error(ErrorKind kind, std::string message_zh, std::string message_en);
Error server_error(const v1::Error& error);

enum class Language { zh, en };

// One line for a person in one language: "NOT_ALLOWED: 当前身份无权执行此操作"
// for the server's errors (code name first, for scripts), the message for
// local ones. Falls back to the other language when one is missing.
std::string describe(const Error& error, Language language);
// Both languages, for logs: "NOT_ALLOWED: 中文 (English)", "中文 (English)".
std::string describe(const Error& error);

// "NOT_ALLOWED" for v1::ERROR_NOT_ALLOWED.
std::string error_code_name(v1::ErrorCode code);

template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

}  // namespace gavel::client
