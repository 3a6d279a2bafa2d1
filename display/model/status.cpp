#include "model/status.hpp"

#include "model/view.hpp"

namespace gavel::display {

std::vector<std::string> status_changes(const FeedState& now, const FeedState& before) {
  std::vector<std::string> lines;
  const bool link_changed = now.link != before.link;
  if (link_changed || (now.link != Link::live && now.problem != before.problem)) {
    std::string line = std::string("link ") + link_name(now.link);
    if (now.link != Link::live && !now.problem.empty()) line += ": " + now.problem;
    lines.push_back(std::move(line));
  }
  if (now.snapshot && now.snapshot != before.snapshot) {
    const View view = choose_view(*now.snapshot);
    if (!before.snapshot || before.snapshot->seq() != now.snapshot->seq() || choose_view(*before.snapshot) != view)
      lines.push_back("state seq=" + std::to_string(now.snapshot->seq()) + " view=" + view_name(view));
  }
  return lines;
}

}  // namespace gavel::display
