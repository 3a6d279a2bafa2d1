// Reads back what the frame drew and writes it as a PNG. Render thread, after
// the frame is rendered and before the buffers are swapped.
#pragma once

#include <string>

#include "client_lib/result.hpp"

namespace gavel::display {

client::Result<bool, std::string> save_screenshot(const std::string& path, int width, int height);

}  // namespace gavel::display
