// One bar per option with its count (and weight in a weighted vote), and the
// threshold marked across them: shared by the vote and result panels.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/panels.hpp"

namespace gavel::display {

namespace {

Rgb choice_colour(const v1::VoteSpec& spec, int index) {
  // Green for yes, red for no, grey for abstain; a consensus block is a no.
  if (spec.form() == v1::BALLOT_YES_NO_ABSTAIN) return palette::kChoices[std::min(index, 2)];
  if (spec.form() == v1::BALLOT_CONSENSUS) {
    constexpr int kOrder[] = {0, 2, 1};
    return palette::kChoices[kOrder[std::min(index, 2)]];
  }
  return palette::kChoices[static_cast<std::size_t>(3 + index) % std::size(palette::kChoices)];
}

std::string two_decimals(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace

float draw_choice_bars(Canvas& c, const Frame& f, const ChoiceBars& bars, Box box) {
  const int n = bars.counts.size();
  if (n == 0) return 0;
  const bool weighted = bars.spec.weighted();
  double total = 0;
  for (const v1::ChoiceCount& count : bars.counts) total += weighted ? count.weight() : count.count();
  const double scale = std::max({total, bars.needed, 1.0});

  const float text = c.metrics().text_px;
  const float row = std::min(box.height() / static_cast<float>(n), text * 2.4f);
  const float px = std::min(text * 1.1f, row * 0.6f);
  // The labels and the values take what their longest needs, within limits;
  // the bars take the rest.
  std::vector<std::string> values;
  float label_width = 0, value_width = 0;
  for (const v1::ChoiceCount& count : bars.counts) {
    std::string value = std::to_string(count.count());
    if (weighted) value += "  " + std::string(tr(f.lang, Text::weight)) + " " + two_decimals(count.weight());
    label_width = std::max(label_width, c.measure(c.fonts().heading, px, count.option()).x);
    value_width = std::max(value_width, c.measure(c.fonts().heading, px, value).x);
    values.push_back(std::move(value));
  }
  label_width = std::min(label_width, box.width() * 0.34f);
  value_width = std::min(value_width, box.width() * 0.3f);
  const float bar_left = box.min.x + label_width + c.u(36);
  const float bar_right = box.max.x - value_width - c.u(36);

  for (int i = 0; i < n; ++i) {
    const v1::ChoiceCount& count = bars.counts.Get(i);
    const float top = box.min.y + row * static_cast<float>(i);
    const float mid = top + row * 0.4f;
    c.line(c.fonts().heading, px, box.min.x, mid - px / 2, palette::kText, count.option(), label_width);
    const double amount = weighted ? count.weight() : count.count();
    c.bar(ImVec2(bar_left, top + row * 0.1f), ImVec2(bar_right, top + row * 0.7f),
          static_cast<float>(amount / scale), choice_colour(bars.spec, i));
    c.line(c.fonts().heading, px, box.max.x, mid - px / 2, palette::kText, values[static_cast<std::size_t>(i)],
           value_width, Align::right);
  }
  if (bars.needed > 0) {
    const float x = bar_left + (bar_right - bar_left) * static_cast<float>(bars.needed / scale);
    c.rect(ImVec2(x - c.u(3), box.min.y), ImVec2(x + c.u(3), box.min.y + row * static_cast<float>(n) - row * 0.2f),
           palette::kThresholdLine);
  }
  return row * static_cast<float>(n);
}

}  // namespace gavel::display
