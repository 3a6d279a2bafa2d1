#include "join_cards.hpp"

#include <qrencode.h>

#include <cstdint>

#include "print/pdf_canvas.hpp"

namespace gavel::cli {

namespace {

using print::kMm;

constexpr int kColumns = 2, kRows = 4;
constexpr double kMargin = 12 * kMm;
constexpr double kCardW = (print::kA4Width - 2 * kMargin) / kColumns;
constexpr double kCardH = (print::kA4Height - 2 * kMargin) / kRows;
constexpr double kPad = 5 * kMm;

struct Qr {
  std::vector<std::uint8_t> bits;
  int modules = 0;
};

// Error correction M: survives a crease or a smudge on a printed card.
std::optional<Qr> qr_of(const std::string& text) {
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return std::nullopt;
  Qr qr;
  qr.modules = code->width;
  const auto n = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  qr.bits.resize(n);
  for (std::size_t i = 0; i < n; ++i) qr.bits[i] = code->data[i] & 1;
  QRcode_free(code);
  return qr;
}

print::TextStyle style(double size, bool bold = false, const char* family = print::kSans) {
  print::TextStyle s;
  s.family = family;
  s.size = size;
  s.bold = bold;
  return s;
}

bool draw_card(print::PdfCanvas& pdf, const CardSheet& sheet, const JoinCard& card, const std::optional<Qr>& wifi,
               double x, double y, std::string& why) {
  pdf.box(x + 2, y + 2, kCardW - 4, kCardH - 4, 0.4);
  double left = x + kPad, top = y + kPad, inner = kCardW - 2 * kPad;
  print::TextStyle head = style(8);
  head.red = head.green = head.blue = 0.35;
  pdf.text_at(sheet.title, head, left, top, inner);
  pdf.text_at(card.name, style(20, true), left, top + 5 * kMm, inner);
  pdf.text_at(card.group, style(11), left, top + 14 * kMm, inner);
  // The clicker on the group's line, at the right: clear of both QR codes.
  if (!card.clicker_id.empty()) {
    print::TextStyle clicker = style(11, true);
    clicker.align = print::Align::right;
    pdf.text_at("表决器 " + card.clicker_id, clicker, left, top + 14 * kMm, inner);
  }

  double qr_size = 34 * kMm, qr_top = top + 21 * kMm;
  auto join = qr_of(card.join_url);
  if (!join) {
    why = "cannot make a QR code of " + card.join_url;
    return false;
  }
  pdf.qr(join->bits, join->modules, left, qr_top, qr_size);
  pdf.text_at("扫码参会", style(9), left, qr_top + qr_size + 1 * kMm, qr_size);

  double right = left + qr_size + 5 * kMm, right_w = inner - qr_size - 5 * kMm;
  if (!card.code.empty()) {
    pdf.text_at("个人参会码", style(9), right, qr_top, right_w);
    pdf.text_at(card.code, style(26, true, "DejaVu Sans Mono"), right, qr_top + 4 * kMm, right_w);
  }
  if (wifi) {
    double wifi_size = 20 * kMm;
    double wx = x + kCardW - kPad - wifi_size, wy = qr_top + qr_size - wifi_size;
    pdf.qr(wifi->bits, wifi->modules, wx, wy, wifi_size);
    print::TextStyle label = style(8);
    label.align = print::Align::right;
    pdf.text_at("Wi-Fi：" + sheet.wifi_name, label, wx - 30 * kMm, wy + wifi_size + 1 * kMm, 30 * kMm + wifi_size);
  }
  return true;
}

}  // namespace

std::string wifi_name(const std::string& text) {
  auto at = text.find(";S:");
  if (at == std::string::npos) at = text.find(":S:");
  if (at == std::string::npos) return "";
  std::string out;
  for (std::size_t i = at + 3; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out += text[++i];
    } else if (text[i] == ';') {
      break;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::string> render_join_cards(const CardSheet& sheet, std::string& why) {
  print::Metadata meta;
  meta.title = sheet.title + " 参会卡";
  print::PdfCanvas pdf(print::Margins{kMargin, kMargin, kMargin, kMargin}, meta);
  std::optional<Qr> wifi;
  if (!sheet.wifi.empty()) {
    wifi = qr_of(sheet.wifi);
    if (!wifi) {
      why = "cannot make a QR code of the Wi-Fi";
      return std::nullopt;
    }
  }
  for (std::size_t i = 0; i < sheet.cards.size(); ++i) {
    std::size_t slot = i % (kColumns * kRows);
    if (i > 0 && slot == 0) pdf.new_page();
    double x = kMargin + static_cast<double>(slot % kColumns) * kCardW;
    double y = kMargin + static_cast<double>(slot / kColumns) * kCardH;
    if (!draw_card(pdf, sheet, sheet.cards[i], wifi, x, y, why)) return std::nullopt;
  }
  auto bytes = pdf.finish();
  if (!bytes) why = pdf.failure();
  return bytes;
}

}  // namespace gavel::cli
