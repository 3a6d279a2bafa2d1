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

  // The same mistake in Chinese and in English, after the command's name.
  UsageError error(std::string_view zh, std::string_view en) const {
    return UsageError{topic_ + "：" + std::string(zh), topic_ + ": " + std::string(en), group_};
  }

  // Checks on positional arguments: between min and max of them, named
  // `names_zh` / `names_en` (e.g. "议程项 ITEM" / "ITEM") in the message.
  std::optional<UsageError> expect(std::size_t min, std::size_t max, std::string_view names_zh,
                                   std::string_view names_en) const;
  // All positional arguments from `first` on, joined by spaces: unquoted
  // text reads as one sentence.
  std::string text_from(std::size_t first) const;

  // A whole number no larger than `max`; `what_zh` / `what_en` name it in the message.
  Checked<std::uint64_t> number(std::string_view word, std::string_view what_zh, std::string_view what_en,
                                std::uint64_t max = UINT64_MAX) const;
  Checked<std::uint64_t> number_flag(std::string_view flag, std::uint64_t fallback,
                                     std::uint64_t max = UINT64_MAX) const;

  template <class E, std::size_t N>
  Checked<E> word_flag(std::string_view flag, const std::pair<std::string_view, E> (&table)[N],
                       E fallback) const {
    if (!has(flag)) return fallback;
    const std::string given = value(flag);
    if (auto v = from_word(table, given)) return *v;
    const std::string words = word_list(table);
    return error(std::string(flag) + " 应为 " + words + " 之一，而不是 '" + given + "'",
                 std::string(flag) + " must be one of " + words + ", not '" + given + "'");
  }

 private:
  std::string topic_;  // "speakers request"
  std::string group_;  // "speakers"
  bool help_ = false;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace gavel::cli
