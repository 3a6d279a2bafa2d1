#include "model/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace gavel::display {

std::optional<QrCode> make_qr(std::string_view text) {
  const std::string copy(text);  // libqrencode wants a terminated string
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code || code->width <= 0) return std::nullopt;
  QrCode qr;
  qr.size = code->width;
  const auto cells = static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size);
  qr.dark.resize(cells);
  // libqrencode: bit 0 of each byte is the module's colour (1 is dark).
  for (std::size_t i = 0; i < cells; ++i) qr.dark[i] = (code->data[i] & 1u) != 0;
  return qr;
}

}  // namespace gavel::display
