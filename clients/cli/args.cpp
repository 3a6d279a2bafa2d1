#include "args.hpp"

#include <algorithm>
#include <charconv>

namespace gavel::cli {

Checked<Args> Args::parse(std::span<const std::string> words, std::initializer_list<FlagSpec> flags,
                          std::string topic) {
  Args args;
  args.group_ = topic.substr(0, topic.find(' '));
  args.topic_ = std::move(topic);
  bool flags_done = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (flags_done || word == "-" || !word.starts_with("-")) {
      args.positional_.push_back(word);
      continue;
    }
    if (word == "--") {
      flags_done = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      args.help_ = true;
      continue;
    }
    const auto eq = word.find('=');
    const std::string name = word.substr(0, eq);
    const auto spec =
        std::find_if(flags.begin(), flags.end(), [&](const FlagSpec& f) { return f.name == name; });
    if (spec == flags.end()) return args.error("未知选项 " + name, "unknown option " + name);
    if (!spec->takes_value) {
      if (eq != std::string::npos) return args.error(name + " 不带值", name + " takes no value");
      args.values_[name].emplace_back();
      continue;
    }
    if (eq != std::string::npos) {
      args.values_[name].push_back(word.substr(eq + 1));
    } else if (i + 1 < words.size()) {
      args.values_[name].push_back(words[++i]);
    } else {
      return args.error(name + " 后面需要一个值", name + " needs a value");
    }
  }
  return args;
}

std::string Args::value(std::string_view flag) const {
  const auto it = values_.find(std::string(flag));
  return it == values_.end() ? std::string() : it->second.back();
}

std::vector<std::string> Args::values(std::string_view flag) const {
  const auto it = values_.find(std::string(flag));
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

std::optional<UsageError> Args::expect(std::size_t min, std::size_t max, std::string_view names_zh,
                                       std::string_view names_en) const {
  const std::size_t n = positional_.size();
  if (n >= min && n <= max) return std::nullopt;
  const std::string zh(names_zh), en(names_en);
  if (max == 0) {
    const std::string& extra = positional_.front();
    return error("多余的参数 '" + extra + "'，此命令不带参数", "unexpected argument '" + extra + "'");
  }
  if (n < min) return error("缺少参数，需要" + zh, "expected " + en);
  return error("参数过多，需要" + zh + "；含空格的文本请加引号",
               "too many arguments (expected " + en + "; quote text with spaces)");
}

std::string Args::text_from(std::size_t first) const {
  std::string text;
  for (std::size_t i = first; i < positional_.size(); ++i) {
    if (!text.empty()) text += ' ';
    text += positional_[i];
  }
  return text;
}

Checked<std::uint64_t> Args::number(std::string_view word, std::string_view what_zh, std::string_view what_en,
                                    std::uint64_t max) const {
  std::uint64_t value = 0;
  const char* end = word.data() + word.size();
  const auto [ptr, ec] = std::from_chars(word.data(), end, value);
  if (word.empty() || ec != std::errc() || ptr != end || value > max) {
    const bool capped = max != UINT64_MAX;
    const std::string given = "'" + std::string(word) + "'";
    return error(std::string(what_zh) + " 应为" + (capped ? "不超过 " + std::to_string(max) + " 的" : "") +
                     "整数，而不是 " + given,
                 std::string(what_en) + " must be a whole number" +
                     (capped ? " up to " + std::to_string(max) : "") + ", not " + given);
  }
  return value;
}

Checked<std::uint64_t> Args::number_flag(std::string_view flag, std::uint64_t fallback,
                                         std::uint64_t max) const {
  if (!has(flag)) return fallback;
  return number(value(flag), flag, flag, max);
}

}  // namespace gavel::cli
