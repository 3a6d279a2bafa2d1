// The result of the vote that just closed: the outcome in words, large and
// coloured, the counts per choice with the threshold marked, and the facts
// the minutes will carry (turnout, recusals, quorum at opening and close).
#include "model/view.hpp"
#include "ui/panels.hpp"

namespace gavel::display {

namespace {

bool favourable(v1::Outcome outcome) { return outcome == v1::OUTCOME_CARRIED || outcome == v1::OUTCOME_CHOSEN; }

std::string outcome_text(const Frame& f, const v1::Vote& vote) {
  const v1::VoteResult& result = vote.result();
  std::string words = outcome_word(f.lang, result.outcome());
  const int chosen = result.chosen_option();
  if (result.outcome() == v1::OUTCOME_CHOSEN && chosen >= 0 && chosen < vote.spec().options_size())
    words += (f.lang == Lang::zh ? "：" : ": ") + vote.spec().options(chosen);
  return words;
}

// The vote's own veto group, else its item's.
std::string veto_group(const Frame& f, const v1::Vote& vote) {
  if (!vote.spec().veto_group().empty()) return vote.spec().veto_group();
  for (const v1::AgendaItem& item : f.snapshot.agenda())
    if (item.id() == vote.item_id()) return item.veto_group();
  return "";
}

}  // namespace

void draw_result(Canvas& c, const Frame& f, Box box) {
  const v1::Vote* vote = fresh_result(f.snapshot);
  if (!vote) return;
  const v1::VoteResult& result = vote->result();
  const float pad = c.u(72);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float left = box.min.x + pad;
  const float right = box.max.x - pad;
  const float width = right - left;
  float y = box.min.y + c.u(36);

  const float label = c.line(c.fonts().heading, text, left, y, palette::kAccent, tr(f.lang, Text::result)).x;
  c.line(c.fonts().text, text, left + label + c.u(28), y, palette::kMuted, ballot_form_words(f.lang, vote->spec()),
         width - label - c.u(28));
  y += text * 1.6f;
  y += c.paragraph(c.fonts().heading, heading * 0.8f, heading * 0.6f, ImVec2(left, y), width, 2, palette::kText,
                   vote->spec().question()) + c.u(24);

  const float outcome_px = heading * 1.7f;
  const Rgb ink = favourable(result.outcome()) ? palette::kGood : palette::kBad;
  const float word = c.line(c.fonts().heading, outcome_px, left, y, ink, outcome_text(f, *vote), width).x;
  if (result.vetoed()) {
    const std::string group = veto_group(f, *vote);
    c.line(c.fonts().heading, text * 1.1f, left + word + c.u(40), y + outcome_px - text * 1.6f, ink,
           fill(tr(f.lang, Text::vetoed_by), {group}), width - word - c.u(40));
  }
  y += outcome_px * 1.2f + c.u(36);

  // The facts go at the bottom; the bars take what is left between.
  const float facts_top = box.max.y - c.u(40) - text * 1.25f * 2;
  draw_choice_bars(c, f, ChoiceBars{vote->spec(), result.counts(), result.needed()},
                   Box{ImVec2(left, y), ImVec2(right, facts_top - c.u(24))});

  std::string facts = fill(tr(f.lang, Text::needed), {words(f.lang, result.rule_words())});
  c.line(c.fonts().text, text, left, facts_top, palette::kThresholdLine, facts, width);
  facts = fill(tr(f.lang, Text::voted), {std::to_string(result.cast()), std::to_string(result.eligible())});
  if (result.recused() > 0) facts += "  ·  " + fill(tr(f.lang, Text::recused), {std::to_string(result.recused())});
  facts += "  ·  ";
  facts += tr(f.lang, result.quorate_at_open() ? Text::quorate_at_open : Text::not_quorate_at_open);
  facts += "  ·  ";
  facts += tr(f.lang, result.quorate_at_close() ? Text::quorate_at_close : Text::not_quorate_at_close);
  c.line(c.fonts().text, text, left, facts_top + text * 1.25f, palette::kMuted, facts, width);
}

}  // namespace gavel::display
