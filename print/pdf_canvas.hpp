// An A4 PDF drawn with pango + cairo: text flowed line by line onto pages
// with fixed margins, page breaks between lines, and callbacks for what
// every page repeats (running head, page number). Used by the minutes and
// the join cards. Fonts are named explicitly (Noto Serif/Sans CJK SC, Debian's
// fonts-noto-cjk): a renderer left to guess prints empty boxes for Chinese.
// Not thread-safe; one canvas per document, on one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace gavel::print {

constexpr double kMm = 72.0 / 25.4;
constexpr double kA4Width = 210 * kMm, kA4Height = 297 * kMm;
constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

struct Margins {
  double top = 37 * kMm, bottom = 35 * kMm, left = 28 * kMm, right = 26 * kMm;
};

enum class Align { left, centre, right };

// How one run of text is set.
struct TextStyle {
  std::string family = kSerif;
  double size = 15.75;      // points: 28 characters fill a 156 mm line (GB/T 9704)
  bool bold = false;
  double pitch = 0;         // line advance in points; 0: the font's own
  double indent = 0;        // first line, points from the left of the box
  double hanging = 0;       // later lines, points from the left of the box
  Align align = Align::left;
  double red = 0, green = 0, blue = 0;
};

// A label in another family at the start of a run (e.g. 出席 in sans).
struct Lead {
  std::string text;
  std::string family = kSans;
};

struct Metadata {
  std::string title;
  std::string creator = "Gavel 议事厅";
  std::string created;  // ISO 8601 with offset, e.g. 2026-03-21T18:05:00+08:00
};

class PdfCanvas {
 public:
  using PageHook = std::function<void(PdfCanvas&, int page)>;

  PdfCanvas(Margins margins, const Metadata& metadata);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // Called at the start of each page (after the first one's) and at its end.
  void on_page_start(PageHook hook) { on_start_ = std::move(hook); }
  void on_page_end(PageHook hook) { on_end_ = std::move(hook); }

  // Flows text across the text block's width (or `width` from `x`), breaking
  // pages between lines. Chinese line breaking is pango's (UAX #14, zh-cn).
  void flow(const std::string& text, const TextStyle& style, const Lead& lead = {}, double x = 0, double width = 0);
  // Moves down; starts a new page when fewer than `keep` points are left.
  void space(double points, double keep = 0);
  void new_page();

  // Absolute drawing, for page furniture, tables and cards.
  double text_height(const std::string& text, const TextStyle& style, double width) const;
  void text_at(const std::string& text, const TextStyle& style, double x, double y, double width);
  void rule(double x0, double y0, double x1, double y1, double line_width = 0.6);
  void box(double x, double y, double w, double h, double line_width = 0.6);
  void fill(double x, double y, double w, double h);
  // A QR code (black modules) of `modules`×`modules`, `bits` row-major, 1 = dark.
  void qr(const std::vector<std::uint8_t>& bits, int modules, double x, double y, double size);

  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double left() const { return margins_.left; }
  double right() const { return kA4Width - margins_.right; }
  double top() const { return margins_.top; }
  double bottom() const { return kA4Height - margins_.bottom; }
  double width() const { return right() - left(); }
  int page() const { return page_; }
  const Margins& margins() const { return margins_; }

  // Ends the last page and returns the PDF's bytes; nothing if cairo failed,
  // and then failure() says why.
  std::optional<std::string> finish();
  const std::string& failure() const { return failure_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Margins margins_;
  double y_ = 0;
  int page_ = 1;
  bool finished_ = false;
  std::string failure_;
  PageHook on_start_, on_end_;
};

}  // namespace gavel::print
