// RGB images to and from PNG files (libpng's simplified API), for
// screenshots and the tests that read them. Pure; any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client_lib/result.hpp"
#include "model/palette.hpp"

namespace gavel::display {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  // top row first, 3 bytes a pixel

  Rgb at(int x, int y) const {
    const auto i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

// Errors are one line naming the file.
client::Result<bool, std::string> write_png(const std::string& path, const Image& image);
client::Result<Image, std::string> read_png(const std::string& path);

}  // namespace gavel::display
