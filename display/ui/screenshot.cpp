#include "ui/screenshot.hpp"

#include <GL/gl.h>

#include <cstring>

#include "model/png_file.hpp"

namespace gavel::display {

client::Result<bool, std::string> save_screenshot(const std::string& path, int width, int height) {
  Image image;
  image.width = width;
  image.height = height;
  const auto row = static_cast<std::size_t>(width) * 3;
  std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) return std::string("could not read the frame back from OpenGL");
  // OpenGL's rows start at the bottom; PNG's at the top.
  image.rgb.resize(pixels.size());
  for (int y = 0; y < height; ++y)
    std::memcpy(&image.rgb[static_cast<std::size_t>(y) * row],
                &pixels[static_cast<std::size_t>(height - 1 - y) * row], row);
  return write_png(path, image);
}

}  // namespace gavel::display
