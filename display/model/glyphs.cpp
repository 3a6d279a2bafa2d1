#include "model/glyphs.hpp"

namespace gavel::display {

namespace {
constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kLastBmp = 0xFFFF;
}  // namespace

std::vector<char32_t> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    char32_t cp = lead;
    if (lead >= 0xF0 && lead <= 0xF4) { length = 4; cp = lead & 0x07u; }
    else if (lead >= 0xE0) { length = 3; cp = lead & 0x0Fu; }
    else if (lead >= 0xC2 && lead <= 0xDF) { length = 2; cp = lead & 0x1Fu; }
    else if (lead >= 0x80) length = 0;  // a continuation byte or an invalid lead
    bool ok = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      ok = (next & 0xC0u) == 0x80u;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    if (ok && length == 3) ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    if (ok && length == 4) ok = cp >= 0x10000 && cp <= 0x10FFFF;
    out.push_back(ok ? cp : kReplacement);
    i += ok ? length : 1;
  }
  return out;
}

bool GlyphSet::add(std::string_view utf8) {
  bool grew = false;
  for (char32_t cp : decode_utf8(utf8))
    if (cp <= kLastBmp && codepoints_.insert(cp).second) grew = true;
  return grew;
}

bool GlyphSet::add_labels(Lang lang) {
  bool grew = false;
  for (int i = 0; i < static_cast<int>(Text::count); ++i) grew |= add(tr(lang, static_cast<Text>(i)));
  for (int o = v1::Outcome_MIN; o <= v1::Outcome_MAX; ++o)
    if (v1::Outcome_IsValid(o)) grew |= add(outcome_word(lang, static_cast<v1::Outcome>(o)));
  for (int k = v1::RequestKind_MIN; k <= v1::RequestKind_MAX; ++k)
    if (v1::RequestKind_IsValid(k)) grew |= add(request_kind_word(lang, static_cast<v1::RequestKind>(k)));
  for (int f = v1::BallotForm_MIN; f <= v1::BallotForm_MAX; ++f) {
    v1::VoteSpec spec;
    if (v1::BallotForm_IsValid(f)) spec.set_form(static_cast<v1::BallotForm>(f));
    grew |= add(ballot_form_words(lang, spec));
  }
  return grew;
}

bool GlyphSet::add_snapshot(const v1::MeetingSnapshot& s) {
  bool grew = false;
  grew |= add(s.info().title());
  grew |= add(s.info().date());
  grew |= add(s.info().place());
  grew |= add(s.info().chair_name());
  for (const v1::Participant& p : s.roster()) {
    grew |= add(p.name());
    grew |= add(p.group());
  }
  for (const v1::AgendaItem& item : s.agenda()) {
    grew |= add(item.title());
    grew |= add(item.veto_group());
  }
  for (const v1::Motion& motion : s.motions()) grew |= add(motion.text());
  auto add_vote = [&](const v1::Vote& vote) {
    grew |= add(vote.spec().question());
    grew |= add(vote.spec().veto_group());
    for (const std::string& option : vote.spec().options()) grew |= add(option);
    for (const std::string& description : vote.spec().option_descriptions()) grew |= add(description);
    for (const v1::Wording* w : {&vote.rule_words(), &vote.veto_words(), &vote.result().rule_words()}) {
      grew |= add(w->zh());
      grew |= add(w->en());
    }
  };
  add_vote(s.current_vote());
  for (const v1::Vote& vote : s.votes()) add_vote(vote);
  return grew;
}

}  // namespace gavel::display
