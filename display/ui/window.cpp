#include "ui/window.hpp"

#include <GLFW/glfw3.h>

#include <iostream>

namespace gavel::display {

GLFWmonitor* Window::monitor() const {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (monitor_ >= 1 && monitor_ <= count) return monitors[monitor_ - 1];
  return glfwGetPrimaryMonitor();
}

client::Result<std::unique_ptr<Window>, std::string> Window::open(const Options& options) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  int count = 0;
  glfwGetMonitors(&count);
  if (options.monitor > count)
    std::cerr << "gavel-display: there is no monitor " << options.monitor << " (" << count
              << " found); using the primary one\n";
  auto window = std::unique_ptr<Window>(new Window(nullptr, options.monitor));
  window->windowed_width_ = options.width;
  window->windowed_height_ = options.height;
  GLFWmonitor* monitor = options.fullscreen ? window->monitor() : nullptr;
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  window->window_ = glfwCreateWindow(mode ? mode->width : options.width, mode ? mode->height : options.height,
                                     "Gavel 议事厅", mode ? monitor : nullptr, nullptr);
  if (!window->window_) return std::string("cannot open an OpenGL 3 window (is DISPLAY set?)");
  glfwMakeContextCurrent(window->window_);
  glfwSwapInterval(1);
  // A projector should not show a pointer over the countdown.
  glfwSetInputMode(window->window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  return window;
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
}

bool Window::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void Window::handle_keys() {
  const bool control = glfwGetKey(window_, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS ||
                       glfwGetKey(window_, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS;
  if (control && glfwGetKey(window_, GLFW_KEY_Q) == GLFW_PRESS) glfwSetWindowShouldClose(window_, GLFW_TRUE);
  const bool f11 = glfwGetKey(window_, GLFW_KEY_F11) == GLFW_PRESS;
  if (f11 && !f11_down_) toggle_fullscreen();
  f11_down_ = f11;
}

void Window::toggle_fullscreen() {
  if (glfwGetWindowMonitor(window_)) {
    glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_width_, windowed_height_, 0);
    return;
  }
  glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
  glfwGetWindowSize(window_, &windowed_width_, &windowed_height_);
  GLFWmonitor* target = monitor();
  const GLFWvidmode* mode = glfwGetVideoMode(target);
  if (mode) glfwSetWindowMonitor(window_, target, 0, 0, mode->width, mode->height, mode->refreshRate);
}

}  // namespace gavel::display
