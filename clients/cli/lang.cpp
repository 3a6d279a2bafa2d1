#include "lang.hpp"

namespace gavel::cli {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "zh" || text.starts_with("zh-") || text.starts_with("zh_")) return Lang::zh;
  if (text == "en" || text.starts_with("en-") || text.starts_with("en_")) return Lang::en;
  return std::nullopt;
}

Lang lang_from_locale(std::string_view lc_all, std::string_view lang) {
  // LC_ALL overrides LANG, as for every program; "C" or unset says nothing.
  for (std::string_view locale : {lc_all, lang})
    if (auto chosen = parse_lang(locale)) return *chosen;
  return Lang::zh;
}

}  // namespace gavel::cli
