// A command's words split into its flags and positional arguments, with
// typed getters that report mistakes as UsageErrors. Pure, any thread.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "client_lib/result.hpp"
#include "invocation.hpp"
#include "words.hpp"

namespace gavel::cli {

struct FlagSpec {
  std::string_view name;    // "--kind"
  bool takes_value = true;  // false: a switch like "--secret"
};

template <class T>
using Checked = client::Result<T, UsageError>;

class Args {
 public:
  // "--flag value" and "--flag=value"; "--" ends the flags; "-h"/"--help"
  // anywhere asks for help. `topic` goes into error messages.
  static Checked<Args> parse(std::span<const std::string> words, std::initializer_list<FlagSpec> flags,
                             std::string topic);

  bool help() const { return help_; }
  bool has(std::string_view flag) const { return values_.count(std::string(flag)) > 0; }
  // The last value given, or empty.
  std::string value(std::string_view flag) const;
  // Every value of a repeated flag, in order.
  std::vector<std::string> values(std::string_view flag) const;
  const std::vector<std::string>& positional() const { return positional_; }

  UsageError error(std::string message) const {
    return UsageError{topic_ + ": " + std::move(message), group_};
  }

  // Checks on positional arguments: exactly `names` of them (e.g. {"ITEM"}),
  // or between min and max.
  std::optional<UsageError> expect(std::size_t min, std::size_t max, std::string_view names) const;
  // All positional arguments from `first` on, joined by spaces: unquoted
  // text reads as one sentence.
  std::string text_from(std::size_t first) const;

  // A whole number no larger than `max`; `what` names it in the message.
  Checked<std::uint64_t> number(std::string_view word, std::string_view what,
                                std::uint64_t max = UINT64_MAX) const;
  Checked<std::uint64_t> number_flag(std::string_view flag, std::uint64_t fallback,
                                     std::uint64_t max = UINT64_MAX) const;

  template <class E, std::size_t N>
  Checked<E> word_flag(std::string_view flag, const std::pair<std::string_view, E> (&table)[N],
                       E fallback) const {
    if (!has(flag)) return fallback;
    const std::string given = value(flag);
    if (auto v = from_word(table, given)) return *v;
    return error(std::string(flag) + " must be one of " + word_list(table) + ", not '" + given + "'");
  }

 private:
  std::string topic_;  // "speakers request"
  std::string group_;  // "speakers"
  bool help_ = false;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace gavel::cli
