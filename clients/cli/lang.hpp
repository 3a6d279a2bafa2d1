// Which language gavelctl speaks: Chinese (zh-CN) by default, English with
// `--lang en` or an English locale (LC_ALL / LANG = en_*). Pure, any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gavel::cli {

enum class Lang { zh, en };

// "zh", "zh-CN", "zh_CN.UTF-8" -> zh; "en", "en_GB.UTF-8" -> en; else none.
std::optional<Lang> parse_lang(std::string_view text);
// The locale's language when it is one gavelctl speaks, else Chinese.
Lang lang_from_locale(std::string_view lc_all, std::string_view lang);

// The Chinese or the English text, for `lang`.
inline std::string say(Lang lang, std::string_view zh, std::string_view en) {
  return std::string(lang == Lang::zh ? zh : en);
}

}  // namespace gavel::cli
