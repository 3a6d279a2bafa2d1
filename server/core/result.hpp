// Errors are values: every engine decision returns a Result that holds either
// the value or a typed Error with a message in Chinese and English.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace gavel::core {

// Numbered as gavel.v1.ErrorCode so the codec maps them one to one.
enum class ErrorCode {
  bad_message = 1,
  unsupported_version = 2,
  unauthenticated = 3,
  not_allowed = 4,
  not_found = 5,
  invalid_state = 6,
  invalid_argument = 7,
  not_present = 8,
  duplicate = 9,
  limit_reached = 10,
  rate_limited = 11,
  too_large = 12,
  not_eligible = 13,
  internal = 14,
  storage_unavailable = 150,  // the disk refuses writes: refused until it recovers
};

struct Error {
  ErrorCode code;
  std::string message_zh;
  std::string message_en;
};

inline Error make_error(ErrorCode code, std::string zh, std::string en) {
  return Error{code, std::move(zh), std::move(en)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

}  // namespace gavel::core
