// The GLFW window: windowed or full screen on the chosen monitor, with F11
// to switch and Ctrl+Q to quit. Main thread only (GLFW's rule).
#pragma once

#include <memory>
#include <string>

#include "client_lib/result.hpp"
#include "model/options.hpp"

struct GLFWwindow;
struct GLFWmonitor;

namespace gavel::display {

class Window {
 public:
  // glfwInit must have succeeded. The window's OpenGL context is made current.
  static client::Result<std::unique_ptr<Window>, std::string> open(const Options& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  bool should_close() const;
  // Keys handled between frames; call once a frame.
  void handle_keys();

 private:
  Window(GLFWwindow* window, int monitor) : window_(window), monitor_(monitor) {}
  GLFWmonitor* monitor() const;
  void toggle_fullscreen();

  GLFWwindow* window_;
  int monitor_;
  bool f11_down_ = false;
  int windowed_x_ = 80, windowed_y_ = 80, windowed_width_ = 1280, windowed_height_ = 720;
};

}  // namespace gavel::display
