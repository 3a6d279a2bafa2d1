#include "pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace gavel::print {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

int pango_units(double points) { return static_cast<int>(points * PANGO_SCALE); }

}  // namespace

struct PdfCanvas::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* context = nullptr;

  ~Impl() {
    if (context) g_object_unref(context);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  // A layout for `text` in `style`, `width` points wide.
  PangoLayout* layout(const std::string& text, const TextStyle& style, const Lead& lead, double width) const {
    PangoLayout* l = pango_layout_new(context);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family.c_str());
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, font);
    pango_font_description_free(font);
    // Hanging text: the layout starts at the hanging edge and its first line
    // is moved by the difference (pango's indent may be negative).
    double start = std::min(style.indent, style.hanging);
    pango_layout_set_width(l, pango_units(width - start));
    pango_layout_set_indent(l, pango_units(style.indent - style.hanging));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, style.align == Align::centre  ? PANGO_ALIGN_CENTER
                                  : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT);
    std::string all = lead.text + text;
    pango_layout_set_text(l, all.c_str(), static_cast<int>(all.size()));
    if (!lead.text.empty()) {
      PangoAttrList* attrs = pango_attr_list_new();
      PangoAttribute* family = pango_attr_family_new(lead.family.c_str());
      family->start_index = 0;
      family->end_index = static_cast<guint>(lead.text.size());
      pango_attr_list_insert(attrs, family);
      pango_layout_set_attributes(l, attrs);
      pango_attr_list_unref(attrs);
    }
    return l;
  }
};

PdfCanvas::PdfCanvas(Margins margins, const Metadata& metadata) : impl_(std::make_unique<Impl>()), margins_(margins) {
  impl_->surface = cairo_pdf_surface_create_for_stream(append, &impl_->bytes, kA4Width, kA4Height);
  if (!metadata.title.empty())
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator.c_str());
  // Without these cairo writes the time of the run: the same document would
  // differ from one export to the next.
  if (!metadata.created.empty()) {
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.created.c_str());
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.created.c_str());
  }
  impl_->cr = cairo_create(impl_->surface);
  impl_->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_context_set_language(impl_->context, pango_language_from_string("zh-cn"));
  // Unhinted metrics: line breaks depend on the fonts only, not on the device.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(impl_->context, options);
  cairo_font_options_destroy(options);
  pango_cairo_update_context(impl_->cr, impl_->context);
  y_ = top();
}

PdfCanvas::~PdfCanvas() = default;

void PdfCanvas::new_page() {
  if (on_end_) on_end_(*this, page_);
  cairo_show_page(impl_->cr);
  ++page_;
  y_ = top();
  if (on_start_) on_start_(*this, page_);
}

void PdfCanvas::space(double points, double keep) {
  if (y_ + points + keep > bottom()) {
    if (y_ > top()) new_page();
    return;
  }
  y_ += points;
}

void PdfCanvas::flow(const std::string& text, const TextStyle& style, const Lead& lead, double x, double width) {
  if (width <= 0) width = this->width() - x;
  PangoLayout* l = impl_->layout(text, style, lead, width);
  double origin = left() + x + std::min(style.indent, style.hanging);
  cairo_set_source_rgb(impl_->cr, style.red, style.green, style.blue);
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double height = logical.height / static_cast<double>(PANGO_SCALE);
    double advance = std::max(style.pitch, height);
    if (y_ + advance > bottom() && y_ > top()) new_page();
    double baseline = (pango_layout_iter_get_baseline(it) - logical.y) / static_cast<double>(PANGO_SCALE);
    cairo_set_source_rgb(impl_->cr, style.red, style.green, style.blue);
    cairo_move_to(impl_->cr, origin + logical.x / static_cast<double>(PANGO_SCALE),
                  y_ + (advance - height) / 2 + baseline);
    pango_cairo_show_layout_line(impl_->cr, pango_layout_iter_get_line_readonly(it));
    y_ += advance;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(l);
  cairo_set_source_rgb(impl_->cr, 0, 0, 0);
}

double PdfCanvas::text_height(const std::string& text, const TextStyle& style, double width) const {
  PangoLayout* l = impl_->layout(text, style, {}, width);
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return h / static_cast<double>(PANGO_SCALE);
}

void PdfCanvas::text_at(const std::string& text, const TextStyle& style, double x, double y, double width) {
  PangoLayout* l = impl_->layout(text, style, {}, width);
  cairo_set_source_rgb(impl_->cr, style.red, style.green, style.blue);
  cairo_move_to(impl_->cr, x, y);
  pango_cairo_show_layout(impl_->cr, l);
  g_object_unref(l);
  cairo_set_source_rgb(impl_->cr, 0, 0, 0);
}

void PdfCanvas::rule(double x0, double y0, double x1, double y1, double line_width) {
  cairo_set_line_width(impl_->cr, line_width);
  cairo_move_to(impl_->cr, x0, y0);
  cairo_line_to(impl_->cr, x1, y1);
  cairo_stroke(impl_->cr);
}

void PdfCanvas::box(double x, double y, double w, double h, double line_width) {
  cairo_set_line_width(impl_->cr, line_width);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_stroke(impl_->cr);
}

void PdfCanvas::fill(double x, double y, double w, double h) {
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_fill(impl_->cr);
}

void PdfCanvas::qr(const std::vector<std::uint8_t>& bits, int modules, double x, double y, double size) {
  if (modules <= 0) return;
  double cell = size / modules;
  for (int r = 0; r < modules; ++r)
    for (int c = 0; c < modules; ++c)
      if (bits[static_cast<std::size_t>(r * modules + c)]) cairo_rectangle(impl_->cr, x + c * cell, y + r * cell, cell, cell);
  cairo_fill(impl_->cr);
}

std::optional<std::string> PdfCanvas::finish() {
  if (!finished_) {
    if (on_end_) on_end_(*this, page_);
    cairo_destroy(impl_->cr);
    impl_->cr = nullptr;
    cairo_surface_finish(impl_->surface);
    finished_ = true;
  }
  cairo_status_t status = cairo_surface_status(impl_->surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    failure_ = std::string("cairo: ") + cairo_status_to_string(status);
    return std::nullopt;
  }
  return impl_->bytes;
}

}  // namespace gavel::print
