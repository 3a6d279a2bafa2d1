// A vote in progress: the question; the options with their descriptions
// (numbered as the clicker keys); the rule it is decided by and the veto
// rule, in the server's words; a warning when it opened without quorum;
// turnout against the eligible, and bars per choice only where the room may
// see them (an open ballot, or a secret one with a live tally the meeting
// allows); and how to vote: the join code and the clicker keys.
#include <algorithm>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {

void draw_options(Canvas& c, const v1::VoteSpec& spec, Box box) {
  const float text = c.metrics().text_px;
  const int n = std::max(1, spec.options_size());
  const float row = std::min(text * 2.0f, box.height() / static_cast<float>(n));
  const float px = std::min(text * 1.05f, row / 1.4f);
  float y = box.min.y;
  for (int i = 0; i < spec.options_size(); ++i) {
    // Neutral plates: a choice's colour would read as a count (and a secret
    // ballot shows none).
    const float key = c.badge(box.min.x, y, px * 0.85f, std::to_string(i + 1), palette::kTrack, palette::kText) + c.u(20);
    const float label = c.line(c.fonts().heading, px, box.min.x + key, y, palette::kText, spec.options(i),
                               box.width() * 0.4f).x;
    if (i < spec.option_descriptions_size() && !spec.option_descriptions(i).empty())
      c.line(c.fonts().text, px * 0.85f, box.min.x + key + label + c.u(24), y + px * 0.1f, palette::kMuted,
             spec.option_descriptions(i), box.width() - key - label - c.u(24));
    y += row;
  }
}

// The right column: how to take part, by phone or by clicker.
void draw_how_to_vote(Canvas& c, const Frame& f, const v1::VoteSpec& spec, Box box) {
  const float text = c.metrics().text_px;
  c.rect(box.min, box.max, palette::kPanel, c.u(16));
  const float pad = c.u(28);
  const float left = box.min.x + pad;
  const float width = box.width() - 2 * pad;
  float y = box.min.y + pad;
  y += c.line(c.fonts().heading, text, left, y, palette::kAccent, tr(f.lang, Text::how_to_vote), width).y + c.u(14);
  const float keys_height = (text * 0.85f) * 1.5f * static_cast<float>(std::min(spec.options_size(), 9) + 1);
  const float code_height = std::max(c.u(120), box.max.y - pad - keys_height - y - c.u(20));
  draw_join_code(c, f, Box{ImVec2(left, y), ImVec2(left + width, y + code_height)}, text * 0.7f);
  y += code_height + c.u(20);
  const float px = text * 0.85f;
  y += c.line(c.fonts().heading, px, left, y, palette::kText, tr(f.lang, Text::clicker_keys), width).y + px * 0.4f;
  for (int i = 0; i < spec.options_size() && i < 9; ++i) {
    c.line(c.fonts().text, px, left, y, palette::kMuted,
           fill(tr(f.lang, Text::clicker_key), {std::to_string(i + 1), spec.options(i)}), width);
    y += px * 1.5f;
  }
}

}  // namespace

void draw_vote(Canvas& c, const Frame& f, Box box) {
  const v1::Vote& vote = f.snapshot.current_vote();
  const v1::VoteSpec& spec = vote.spec();
  const float pad = c.u(72);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float left = box.min.x + pad;
  const float right = box.max.x - pad;
  const float split = left + (right - left) * 0.66f;
  const float width = split - left - c.u(36);
  float y = box.min.y + c.u(30);

  float x = left;
  x += c.line(c.fonts().heading, text, x, y, palette::kAccent, tr(f.lang, Text::vote_open)).x + c.u(28);
  x += c.badge(x, y - text * 0.1f, text * 0.9f, tr(f.lang, spec.secret() ? Text::secret_ballot : Text::open_ballot),
               palette::kBadge, palette::kBadgeText) + c.u(28);
  if (!vote.quorate_at_open())
    x += c.badge(x, y - text * 0.1f, text * 0.9f, tr(f.lang, Text::opened_without_quorum), palette::kBad,
                 palette::kBannerText) + c.u(28);
  c.line(c.fonts().text, text, x, y, palette::kMuted, ballot_form_words(f.lang, spec), split - x);
  y += text * 1.6f;
  y += c.paragraph(c.fonts().heading, heading, heading * 0.6f, ImVec2(left, y), width, 2, palette::kText,
                   spec.question()) + c.u(24);

  draw_how_to_vote(c, f, spec, Box{ImVec2(split, y), ImVec2(right, box.max.y - c.u(36))});

  // The rules, above the turnout, in the server's words.
  const float rule_px = text * 0.95f;
  std::vector<std::pair<std::string, Rgb>> rules;
  if (!vote.rule_words().zh().empty() || !vote.rule_words().en().empty())
    rules.emplace_back(fill(tr(f.lang, Text::needed), {words(f.lang, vote.rule_words())}), palette::kThresholdLine);
  if (!vote.veto_group().empty()) rules.emplace_back(words(f.lang, vote.veto_words()), palette::kBad);

  const float turnout_height = heading * 0.8f * 1.3f + c.u(16) + c.u(44);
  const float rules_height = rule_px * 1.45f * static_cast<float>(rules.size());
  const float bottom = box.max.y - c.u(36);
  const float options_bottom = bottom - turnout_height - rules_height - c.u(36);

  if (vote.counts_size() == 0) {
    draw_options(c, spec, Box{ImVec2(left, y), ImVec2(split - c.u(36), options_bottom)});
  } else {
    float top = y;
    // Described options keep their descriptions above the bars.
    const bool described = std::any_of(spec.option_descriptions().begin(), spec.option_descriptions().end(),
                                       [](const std::string& d) { return !d.empty(); });
    if (described) {
      const float list = std::min((options_bottom - top) * 0.45f, text * 1.5f * static_cast<float>(spec.options_size()));
      draw_options(c, spec, Box{ImVec2(left, top), ImVec2(split - c.u(36), top + list)});
      top += list + c.u(12);
    }
    if (spec.secret())
      top += c.line(c.fonts().text, text * 0.9f, left, top, palette::kAccent, tr(f.lang, Text::live_tally)).y + c.u(8);
    draw_choice_bars(c, f, ChoiceBars{spec, vote.counts(), 0}, Box{ImVec2(left, top), ImVec2(split - c.u(36), options_bottom)});
  }

  y = options_bottom + c.u(20);
  for (const auto& [line, ink] : rules) {
    c.line(c.fonts().heading, rule_px, left, y, ink, line, width);
    y += rule_px * 1.45f;
  }
  y += c.u(16);
  const float fraction = vote.eligible() ? static_cast<float>(vote.cast()) / static_cast<float>(vote.eligible()) : 0;
  const std::string voted = fill(tr(f.lang, Text::voted), {std::to_string(vote.cast()), std::to_string(vote.eligible())});
  const float voted_w = c.line(c.fonts().heading, heading * 0.8f, left, y, palette::kText, voted, width).x;
  if (spec.secret() && vote.counts_size() == 0)
    c.line(c.fonts().text, text * 0.8f, left + voted_w + c.u(30), y + heading * 0.8f - text * 0.95f, palette::kMuted,
           tr(f.lang, Text::secret_until_close), width - voted_w - c.u(30));
  y += heading * 0.8f * 1.3f;
  c.bar(ImVec2(left, y), ImVec2(split - c.u(36), y + c.u(44)), fraction, palette::kTurnout);
}

}  // namespace gavel::display
