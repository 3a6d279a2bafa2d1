#include "result.hpp"

namespace gavel::client {

Error local_error(ErrorKind kind, std::string message) { return Error{kind, std::move(message), {}}; }

Error server_error(const v1::Error& error) { return Error{ErrorKind::server, {}, error}; }

std::string error_code_name(v1::ErrorCode code) {
  std::string name = v1::ErrorCode_Name(code);
  if (name.empty()) return "ERROR_" + std::to_string(static_cast<int>(code));
  constexpr std::string_view kPrefix = "ERROR_";
  if (name.starts_with(kPrefix) && code != v1::ERROR_CODE_UNSPECIFIED) name.erase(0, kPrefix.size());
  return name;
}

std::string describe(const Error& error) {
  if (error.kind != ErrorKind::server) return error.message;
  const v1::Error& e = error.server;
  std::string line = error_code_name(e.code());
  // Both languages when the server gave both; either one alone otherwise.
  if (!e.message_zh().empty()) line += ": " + e.message_zh();
  if (!e.message_en().empty()) {
    line += e.message_zh().empty() ? ": " + e.message_en() : " (" + e.message_en() + ")";
  }
  return line;
}

}  // namespace gavel::client
