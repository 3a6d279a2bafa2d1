// Every label the projector shows, in Chinese (the default) and English, and
// the words for the protocol's enums. Pure; any thread.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "gavel/v1/meeting.pb.h"

namespace gavel::display {

enum class Lang { zh, en };

// "zh-CN" (also "zh") or "en".
std::optional<Lang> parse_lang(std::string_view text);

enum class Text {
  not_started,
  in_session,
  ended,
  thanks,
  scan_to_join,
  checked_in,          // {} people
  quorum_needed,       // {} people
  quorate,
  not_quorate,
  item_of,             // {} of {}
  speaking,
  waiting_for_speaker,
  speakers_list,
  nobody_waiting,
  list_closed,
  more_waiting,        // {} more
  paused,
  overtime,
  point_of_order,
  motion,
  vote_open,
  secret_ballot,
  open_ballot,
  voted,               // {} of {}
  voted_label,
  secret_until_close,
  live_tally,
  result,
  needed,              // {}
  recused,             // {}
  vetoed_by,           // {}
  quorate_at_open,
  not_quorate_at_open,
  quorate_at_close,
  not_quorate_at_close,
  weight,
  reconnecting,
  connecting,
  last_state,
  attempt,             // {}
  chair,               // {}
  count,               // not a text: the number of texts
};

const char* tr(Lang lang, Text which);
// `pattern` with each "{}" replaced by the next of `values`.
std::string fill(std::string_view pattern, std::initializer_list<std::string> values);

const char* outcome_word(Lang lang, v1::Outcome outcome);
const char* request_kind_word(Lang lang, v1::RequestKind kind);  // "" for a plain contribution
std::string ballot_form_words(Lang lang, const v1::VoteSpec& spec);
// The server's words for `lang` (the other language when that one is empty).
const std::string& words(Lang lang, const v1::Wording& wording);

}  // namespace gavel::display
