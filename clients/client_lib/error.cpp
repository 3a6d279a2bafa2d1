#include "result.hpp"

namespace gavel::client {

Error local_error(ErrorKind kind, std::string message_zh, std::string message_en) {
  return Error{kind, std::move(message_zh), std::move(message_en), {}};
}

Error server_error(const v1::Error& error) { return Error{ErrorKind::server, {}, {}, error}; }

std::string error_code_name(v1::ErrorCode code) {
  std::string name = v1::ErrorCode_Name(code);
  if (name.empty()) return "ERROR_" + std::to_string(static_cast<int>(code));
  constexpr std::string_view kPrefix = "ERROR_";
  if (name.starts_with(kPrefix) && code != v1::ERROR_CODE_UNSPECIFIED) name.erase(0, kPrefix.size());
  return name;
}

namespace {
// Both when both are there; either one alone otherwise.
std::string both(const std::string& zh, const std::string& en) {
  if (zh.empty() || en.empty()) return zh.empty() ? en : zh;
  return zh + " (" + en + ")";
}

std::string one(const std::string& zh, const std::string& en, Language language) {
  const std::string& wanted = language == Language::zh ? zh : en;
  return wanted.empty() ? (language == Language::zh ? en : zh) : wanted;
}
}  // namespace

std::string describe(const Error& error, Language language) {
  if (error.kind != ErrorKind::server) return one(error.message_zh, error.message_en, language);
  const v1::Error& e = error.server;
  const std::string text = one(e.message_zh(), e.message_en(), language);
  return error_code_name(e.code()) + (text.empty() ? "" : ": " + text);
}

std::string describe(const Error& error) {
  if (error.kind != ErrorKind::server) return both(error.message_zh, error.message_en);
  const v1::Error& e = error.server;
  const std::string text = both(e.message_zh(), e.message_en());
  return error_code_name(e.code()) + (text.empty() ? "" : ": " + text);
}

}  // namespace gavel::client
