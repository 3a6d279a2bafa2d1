// A vote in progress: the question, the ballot form, turnout against the
// eligible as a bar, and bars per choice only where the room may see them
// (an open ballot, or a secret one with a live tally the meeting allows).
#include <algorithm>

#include "ui/panels.hpp"

namespace gavel::display {

void draw_vote(Canvas& c, const Frame& f, Box box) {
  const v1::Vote& vote = f.snapshot.current_vote();
  const v1::VoteSpec& spec = vote.spec();
  const float pad = c.u(72);
  const float text = c.metrics().text_px;
  const float heading = c.metrics().heading_px;
  const float left = box.min.x + pad;
  const float right = box.max.x - pad;
  const float width = right - left;
  float y = box.min.y + c.u(36);

  float x = left;
  x += c.line(c.fonts().heading, text, x, y, palette::kAccent, tr(f.lang, Text::vote_open)).x + c.u(28);
  x += c.badge(x, y - text * 0.1f, text * 0.9f, tr(f.lang, spec.secret() ? Text::secret_ballot : Text::open_ballot),
               palette::kBadge, palette::kBadgeText) + c.u(28);
  c.line(c.fonts().text, text, x, y, palette::kMuted, ballot_form_words(f.lang, spec), right - x);
  y += text * 1.6f;
  y += c.paragraph(c.fonts().heading, heading, heading * 0.7f, ImVec2(left, y), width, 3, palette::kText,
                   spec.question()) + c.u(36);

  const float fraction = vote.eligible() ? static_cast<float>(vote.cast()) / static_cast<float>(vote.eligible()) : 0;
  if (vote.counts_size() == 0) {
    // A secret ballot shows nothing but turnout: make it the message.
    const float big = std::min(c.metrics().clock_px * 0.7f, (box.max.y - y) * 0.4f);
    y += c.line(c.fonts().heading, heading * 0.8f, left, y, palette::kText, tr(f.lang, Text::voted_label)).y;
    const std::string count = std::to_string(vote.cast()) + " / " + std::to_string(vote.eligible());
    y += c.line(c.fonts().clock, big, left, y, palette::kText, count, width).y + c.u(24);
    c.bar(ImVec2(left, y), ImVec2(right, y + c.u(56)), fraction, palette::kTurnout);
    y += c.u(56) + c.u(40);
    c.paragraph(c.fonts().text, text * 1.1f, text * 0.8f, ImVec2(left, y), width, 2, palette::kMuted,
                tr(f.lang, Text::secret_until_close));
    return;
  }
  const std::string voted =
      fill(tr(f.lang, Text::voted), {std::to_string(vote.cast()), std::to_string(vote.eligible())});
  y += c.line(c.fonts().heading, heading * 0.8f, left, y, palette::kText, voted, width).y + c.u(16);
  c.bar(ImVec2(left, y), ImVec2(right, y + c.u(56)), fraction, palette::kTurnout);
  y += c.u(56) + c.u(48);
  if (spec.secret()) y += c.line(c.fonts().text, text, left, y, palette::kAccent, tr(f.lang, Text::live_tally)).y + c.u(16);
  draw_choice_bars(c, f, ChoiceBars{spec, vote.counts(), 0}, Box{ImVec2(left, y), ImVec2(right, box.max.y - c.u(40))});
}

}  // namespace gavel::display
