// The lines `gavel-display --status` prints when the link or the shown state
// changes, for scripts and tests to wait on:
//   link connecting: PROBLEM | link live | link reconnecting: PROBLEM
//   state seq=N view=VIEW
// Pure; called on the network thread.
#pragma once

#include <string>
#include <vector>

#include "model/feed.hpp"

namespace gavel::display {

std::vector<std::string> status_changes(const FeedState& now, const FeedState& before);

}  // namespace gavel::display
