#include "ui/app.hpp"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "client_lib/clock_offset.hpp"
#include "model/feed.hpp"
#include "model/glyphs.hpp"
#include "model/target.hpp"
#include "model/status.hpp"
#include "model/view.hpp"
#include "ui/fonts.hpp"
#include "ui/panels.hpp"
#include "ui/screenshot.hpp"
#include "ui/window.hpp"

namespace gavel::display {

namespace {

using Clock = std::chrono::steady_clock;

// 30 frames a second is smooth for a countdown of whole seconds, and leaves
// the CPU to the server when both run on one laptop.
constexpr double kFrameSeconds = 1.0 / 30;
// While a window is being resized, draw with the old fonts scaled and bake
// new ones only once the size has held this long.
constexpr std::chrono::milliseconds kResizeSettle{300};
constexpr float kHeaderDesignPx = 130;

void status_line(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::cout << line << '\n' << std::flush;
}

// Everything the loop keeps from one frame to the next.
class Loop {
 public:
  Loop(const Options& options, Requests& requests, Window& window, FontSet& fonts)
      : options_(options), requests_(requests), window_(window), fonts_(fonts), started_(Clock::now()) {
    glyphs_.add_labels(options.lang);
  }

  // Returns the exit code once the window closes or a quit is requested.
  int run(Feed& feed);

 private:
  enum class Next { go_on, done, failed };
  Next frame(const FeedState& state, bool screenshot);
  void take_in(const FeedState& state);
  void draw(const FeedState& state, const Metrics& metrics);
  bool screenshot_due();

  const Options& options_;
  Requests& requests_;
  Window& window_;
  FontSet& fonts_;
  const Clock::time_point started_;
  GlyphSet glyphs_;
  // Held, not just its address: a new snapshot could reuse a freed one's.
  std::shared_ptr<const v1::MeetingSnapshot> seen_snapshot_;
  std::string qr_text_;
  std::optional<QrCode> qr_;
  Metrics wanted_metrics_;
  Clock::time_point wanted_since_;
};

void Loop::take_in(const FeedState& state) {
  if (state.snapshot && state.snapshot != seen_snapshot_) {
    glyphs_.add_snapshot(*state.snapshot);
    seen_snapshot_ = state.snapshot;
  }
  glyphs_.add(state.problem);
  glyphs_.add(state.phone_url);
  if (state.phone_url != qr_text_) {
    qr_text_ = state.phone_url;
    // A loopback URL would make a code no phone can use: none at all.
    qr_ = qr_text_.empty() || !reachable_from_phones(qr_text_) ? std::nullopt : make_qr(qr_text_);
  }
}

// Asked before the frame reads the state, so that the picture is at least
// as new as the request.
bool Loop::screenshot_due() {
  if (options_.screenshot.empty()) return false;
  if (options_.after_ms) return Clock::now() - started_ >= std::chrono::milliseconds(*options_.after_ms);
  return requests_.screenshot.exchange(false);
}

void Loop::draw(const FeedState& state, const Metrics& m) {
  Canvas canvas(ImGui::GetBackgroundDrawList(), m, fonts_.fonts());
  static const v1::MeetingSnapshot kNothing;
  const v1::MeetingSnapshot& snapshot = state.snapshot ? *state.snapshot : kNothing;
  const Frame frame{state, snapshot, options_.lang, client::steady_now_ms() + state.clock_offset_ms, qr_};
  const Box whole{ImVec2(0, 0), ImVec2(m.width, m.height)};
  if (!state.snapshot) {
    draw_connecting(canvas, frame, whole);
    return;
  }
  const Box header{ImVec2(0, 0), ImVec2(m.width, canvas.u(kHeaderDesignPx))};
  const Box body{ImVec2(0, header.max.y), whole.max};
  const View view = choose_view(snapshot);
  // The join view shows the title and attendance large already: no header.
  const bool own_header = view == View::join || view == View::ended;
  switch (view) {
    case View::join: draw_join(canvas, frame, whole); break;
    case View::ended: draw_summary(canvas, frame, whole); break;
    case View::agenda: draw_agenda(canvas, frame, body); break;
    case View::debate: draw_debate(canvas, frame, body); break;
    case View::vote: draw_vote(canvas, frame, body); break;
    case View::result: draw_result(canvas, frame, body); break;
  }
  if (state.link != Link::live) draw_banner(canvas, frame, header);
  else if (!own_header) draw_header(canvas, frame, header);
}

Loop::Next Loop::frame(const FeedState& state, bool screenshot) {
  take_in(state);
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_.handle(), &width, &height);
  if (width <= 0 || height <= 0) return Next::go_on;  // minimised
  const Metrics metrics = metrics_for(width, height);
  if (!(metrics == wanted_metrics_)) {
    wanted_metrics_ = metrics;
    wanted_since_ = Clock::now();
  }
  const bool settled = Clock::now() - wanted_since_ >= kResizeSettle || !fonts_.fonts().text;
  if (!fonts_.current(glyphs_, metrics) && settled) {
    if (auto built = fonts_.rebuild(glyphs_, metrics); !built) {
      std::cerr << "gavel-display: " << built.error() << "\n";
      return Next::failed;
    }
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  draw(state, metrics);
  ImGui::Render();
  glViewport(0, 0, width, height);
  const Rgb bg = palette::kBackground;
  glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  // A screenshot waits for the frame whose atlas has every glyph it shows.
  Next next = Next::go_on;
  const bool complete = fonts_.current(glyphs_, metrics);
  if (screenshot && !complete) requests_.screenshot = true;
  if (screenshot && complete) {
    if (auto saved = save_screenshot(options_.screenshot, width, height); !saved) {
      std::cerr << "gavel-display: " << saved.error() << "\n";
      return Next::failed;
    }
    if (options_.status) status_line("screenshot " + options_.screenshot);
    if (options_.after_ms) next = Next::done;
  }
  glfwSwapBuffers(window_.handle());
  return next;
}

int Loop::run(Feed& feed) {
  feed.start();
  while (!window_.should_close() && !requests_.quit) {
    glfwWaitEventsTimeout(kFrameSeconds);
    window_.handle_keys();
    const bool screenshot = screenshot_due();
    const Next next = frame(*feed.latest(), screenshot);
    if (next != Next::go_on) return next == Next::done ? 0 : 1;
  }
  return 0;
}

}  // namespace

int run_display(const Options& options, Requests& requests) {
  glfwSetErrorCallback([](int code, const char* what) { std::cerr << "glfw error " << code << ": " << what << "\n"; });
  if (!glfwInit()) {
    std::cerr << "gavel-display: cannot start GLFW (is DISPLAY set?)\n";
    return 1;
  }
  int code = 1;
  {
    auto window = Window::open(options);
    if (!window) {
      std::cerr << "gavel-display: " << window.error() << "\n";
      glfwTerminate();
      return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // nothing to remember between runs
    // The projector takes no input through ImGui: no callbacks.
    ImGui_ImplGlfw_InitForOpenGL(window.value()->handle(), false);
    // Shaders now, so that the first frame finds them and does not bake the
    // default font over ours.
    const bool gl_ready = ImGui_ImplOpenGL3_Init("#version 130") && ImGui_ImplOpenGL3_CreateDeviceObjects();
    auto fonts = FontSet::load();
    if (!gl_ready) {
      std::cerr << "gavel-display: OpenGL 3 is not available (Debian: libgl1-mesa-dri)\n";
    } else if (!fonts) {
      std::cerr << "gavel-display: " << fonts.error() << "\n";
    } else {
      Loop loop(options, requests, *window.value(), fonts.value());
      // The feed's thread wakes the loop when it publishes; it is stopped
      // (end of this scope) before GLFW goes away.
      Feed feed([&options] { return resolve_target(options); }, options.tls,
                [&options](const FeedState& now, const FeedState& before) {
                  glfwPostEmptyEvent();
                  if (options.status)
                    for (const std::string& line : status_changes(now, before)) status_line(line);
                });
      code = loop.run(feed);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  glfwTerminate();
  return code;
}

}  // namespace gavel::display
