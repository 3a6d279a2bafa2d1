// A private X server (Debian's xvfb; Mesa renders OpenGL in software) for
// the screenshot tests: started once per test process with -displayfd, so
// parallel tests never race for a display number. Sets DISPLAY.
#pragma once

#include <sys/types.h>

#include <string>

namespace gavel::display::test {

class Xvfb {
 public:
  // Throws std::runtime_error with the reason when Xvfb cannot start.
  Xvfb(int width, int height);
  ~Xvfb();
  Xvfb(const Xvfb&) = delete;
  Xvfb& operator=(const Xvfb&) = delete;

  const std::string& display() const { return display_; }

 private:
  pid_t pid_ = 0;
  std::string display_;
};

}  // namespace gavel::display::test
