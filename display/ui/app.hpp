// The projector program: a GLFW window with an OpenGL 3 context, Dear ImGui
// on it, and the frame loop that draws the latest state the Feed published.
// Runs on the main thread; the Feed brings its own network thread.
#pragma once

#include <atomic>

#include "model/options.hpp"

namespace gavel::display {

// Set by signal handlers, read by the frame loop between frames.
struct Requests {
  std::atomic<bool> quit{false};        // SIGINT, SIGTERM
  std::atomic<bool> screenshot{false};  // SIGUSR1
};

// Returns the process's exit code: 0, or 1 when the window, OpenGL or the
// fonts could not be set up (the reason is on stderr).
int run_display(const Options& options, Requests& requests);

}  // namespace gavel::display
