// The minutes as an A4 PDF in the GB/T 9704-2012 纪要 layout: title centred
// (bold Noto Serif CJK SC standing in for 小标宋), body in Noto Serif CJK SC
// at 3号 (about 16 pt, 28 characters a line, 22 lines a page), labels in Noto
// Sans CJK SC standing in for 黑体, margins 37/35/28/26 mm, page numbers
// "— 1 —" 7 mm below the text block, odd pages right and even pages left.
#include <algorithm>
#include <functional>

#include "minutes/beijing_time.hpp"
#include "minutes/page.hpp"
#include "minutes/render.hpp"
#include "print/pdf_canvas.hpp"

namespace gavel::minutes {

namespace {

using print::Align;
using print::kMm;
using print::Lead;
using print::PdfCanvas;
using print::TextStyle;

constexpr double kBody = 15.75;
constexpr double kPitch = 225 * kMm / 22;  // 22 lines in the 225 mm text block
constexpr double kChar = kBody;            // one character's width

TextStyle body() {
  TextStyle s;
  s.pitch = kPitch;
  return s;
}

void page_number(PdfCanvas& pdf, int page) {
  TextStyle s;
  s.size = 14;  // 4号
  std::string text = "— " + std::to_string(page) + " —";
  double y = pdf.bottom() + 7 * kMm;
  double width = 6 * s.size;
  // Odd pages right, even pages left, one character in from the text block.
  if (page % 2) {
    s.align = Align::right;
    pdf.text_at(text, s, pdf.right() - s.size - width, y, width);
  } else {
    pdf.text_at(text, s, pdf.left() + s.size, y, width);
  }
}

void running_head(PdfCanvas& pdf, const std::string& head, bool draft) {
  TextStyle s;
  s.family = print::kSans;
  s.size = 10.5;  // 5号
  s.red = s.green = s.blue = 0.35;
  double y = pdf.top() - 12 * kMm;
  pdf.text_at(head, s, pdf.left(), y, pdf.width());
  pdf.rule(pdf.left(), y + 5.5 * kMm, pdf.right(), y + 5.5 * kMm, 0.4);
  if (draft) {
    TextStyle mark = s;
    mark.bold = true;
    mark.size = 12;
    mark.red = 0.75;
    mark.green = mark.blue = 0;
    mark.align = Align::right;
    pdf.text_at("草稿", mark, pdf.left(), y - 1, pdf.width());
  }
}

std::size_t chars_in(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void table(PdfCanvas& pdf, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  const double fractions[] = {0.07, 0.20, 0.38, 0.17, 0.18};
  constexpr double kPad = 2.5;
  TextStyle cell;
  cell.size = 12;  // 小4号
  TextStyle head = cell;
  head.family = print::kSans;
  std::function<void(const std::vector<std::string>&, bool)> draw_row = [&](const std::vector<std::string>& row,
                                                                               bool is_head) {
    const TextStyle& style = is_head ? head : cell;
    double height = 0;
    std::vector<double> widths;
    for (std::size_t i = 0; i < row.size(); ++i) {
      double w = pdf.width() * (i < 5 ? fractions[i] : 0.1);
      widths.push_back(w);
      height = std::max(height, pdf.text_height(row[i], style, w - 2 * kPad));
    }
    height += 2 * kPad;
    if (pdf.y() + height > pdf.bottom() && pdf.y() > pdf.top()) {
      pdf.new_page();
      // The header row repeats at the top of a page the table continues on.
      if (!is_head) draw_row(rows[0], true);
    }
    double x = pdf.left();
    for (std::size_t i = 0; i < row.size(); ++i) {
      pdf.box(x, pdf.y(), widths[i], height);
      pdf.text_at(row[i], style, x + kPad, pdf.y() + kPad, widths[i] - 2 * kPad);
      x += widths[i];
    }
    pdf.set_y(pdf.y() + height);
  };
  for (std::size_t r = 0; r < rows.size(); ++r) draw_row(rows[r], r == 0);
  pdf.space(kPitch / 2);
}

}  // namespace

core::Result<std::string> render_pdf(const Document& doc) {
  Page page = page_of(doc);
  print::Metadata meta;
  meta.title = doc.header.title + "纪要";
  if (doc.pdf_date) meta.created = beijing_time(doc.pdf_date, "%Y-%m-%dT%H:%M:%S+08:00");
  PdfCanvas pdf(print::Margins{}, meta);
  std::string head = page.running_head;
  bool draft = doc.draft;
  pdf.on_page_start([head, draft](PdfCanvas& p, int) { running_head(p, head, draft); });
  pdf.on_page_end([](PdfCanvas& p, int n) { page_number(p, n); });

  bool in_entry = false;
  for (const Block& b : page.blocks) {
    TextStyle s = body();
    switch (b.kind) {
      case BlockKind::title:
        s.size = 22;  // 2号
        s.bold = true;
        s.align = Align::centre;
        s.pitch = kPitch * 1.4;
        pdf.flow(b.text, s);
        pdf.space(kPitch / 2);
        break;
      case BlockKind::draft_mark:
        s.family = print::kSans;
        s.bold = true;
        s.align = Align::centre;
        s.red = 0.75;
        pdf.flow(b.text, s);
        pdf.space(kPitch / 3);
        break;
      case BlockKind::field: {
        // Two characters in; wrapped lines align after the full-width colon.
        Lead lead{b.label + "：", print::kSans};
        s.indent = 2 * kChar;
        s.hanging = 2 * kChar + static_cast<double>(chars_in(lead.text)) * kChar;
        pdf.flow(b.text, s, lead);
        in_entry = false;
        break;
      }
      case BlockKind::heading:
        pdf.space(kPitch / 2, 3 * kPitch);
        s.family = print::kSans;
        s.indent = s.hanging = 0;
        pdf.flow(b.label + b.text, s);
        in_entry = false;
        break;
      case BlockKind::section:
        pdf.space(0, 2 * kPitch);
        s.family = print::kSans;
        s.indent = s.hanging = 2 * kChar;
        pdf.flow(b.text, s);
        in_entry = false;
        break;
      case BlockKind::paragraph:
        s.indent = 2 * kChar;
        s.hanging = 0;
        pdf.flow(b.text, s);
        break;
      case BlockKind::entry: {
        double label = static_cast<double>(chars_in(b.label) + 1) * kChar * 0.6;
        s.indent = 2 * kChar;
        s.hanging = 2 * kChar + label;
        pdf.flow(b.text, s, Lead{b.label + " ", print::kSerif});
        in_entry = true;
        break;
      }
      case BlockKind::detail:
      case BlockKind::note: {
        s.indent = s.hanging = in_entry ? 3.5 * kChar : 2 * kChar;
        if (b.kind == BlockKind::note) s.red = s.green = s.blue = 0.3;
        std::string text = b.kind == BlockKind::note ? "〔" + b.label + "〕" + b.text : b.text;
        pdf.flow(text, s);
        break;
      }
      case BlockKind::table:
        pdf.space(kPitch / 4, 2 * kPitch);
        table(pdf, b.rows);
        in_entry = false;
        break;
      case BlockKind::seal:
        // The signature line in body text; the hashes below it small.
        if (b.text.starts_with("记录人签署")) {
          pdf.space(kPitch / 2, 2 * kPitch);
        } else {
          s.family = print::kSans;
          s.size = 10.5;
          s.pitch = 0;
        }
        pdf.flow(b.text, s);
        in_entry = false;
        break;
    }
  }
  auto bytes = pdf.finish();
  if (!bytes) return core::make_error(core::ErrorCode::internal, "纪要 PDF 生成失败：" + pdf.failure(),
                                      "the minutes' PDF could not be made: " + pdf.failure());
  return std::move(*bytes);
}

}  // namespace gavel::minutes
