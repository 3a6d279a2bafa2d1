// The record commands' texts, in both languages: each call site gives the
// Chinese and the English, and the chosen language picks one.
#pragma once

#include <string>

namespace gavel::record_cli {

enum class Lang { zh, en };

struct Say {
  Lang lang = Lang::zh;
  const std::string& operator()(const std::string& zh, const std::string& en) const {
    return lang == Lang::zh ? zh : en;
  }
};

}  // namespace gavel::record_cli
