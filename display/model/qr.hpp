// The QR code of the join URL, as a matrix of modules (libqrencode). Pure;
// any thread.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace gavel::display {

struct QrCode {
  int size = 0;                  // modules per side, without the quiet zone
  std::vector<bool> dark;        // row by row
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Error correction level M: survives a smudged projector or a glare spot
// and still fits a long URL in a code large enough to scan across a room.
std::optional<QrCode> make_qr(std::string_view text);

}  // namespace gavel::display
