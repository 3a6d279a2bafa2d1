// The projector's colours: light on near-black for contrast in a lit room,
// and one distinct value per meaning, so that tests can find each element by
// its exact colour in a screenshot. Constants; any thread.
#pragma once

#include <cstdint>

namespace gavel::display {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

namespace palette {
inline constexpr Rgb kBackground{0x0B, 0x10, 0x18};
inline constexpr Rgb kPanel{0x17, 0x20, 0x2E};
inline constexpr Rgb kText{0xFF, 0xFF, 0xFF};
inline constexpr Rgb kMuted{0xC3, 0xCE, 0xDD};   // still bright: nothing essential is dim
inline constexpr Rgb kAccent{0x7C, 0xC4, 0xFF};  // labels above the big values
inline constexpr Rgb kGood{0x5B, 0xD6, 0x8A};
inline constexpr Rgb kBad{0xFF, 0x70, 0x70};

inline constexpr Rgb kTimerNormal{0x4A, 0xE8, 0x7E};
inline constexpr Rgb kTimerWarning{0xFF, 0xB3, 0x00};
inline constexpr Rgb kTimerOvertime{0xFF, 0x3B, 0x30};
inline constexpr Rgb kTimerPaused{0x9C, 0xA9, 0xBD};

inline constexpr Rgb kBadge{0xC4, 0x9B, 0xFF};     // point of order, list closed
inline constexpr Rgb kBadgeText{0x10, 0x0A, 0x20};
inline constexpr Rgb kBanner{0xD0, 0x1F, 0x3C};    // connection lost
inline constexpr Rgb kBannerText{0xFF, 0xFF, 0xFF};

inline constexpr Rgb kTrack{0x2B, 0x36, 0x48};     // the empty part of a bar
inline constexpr Rgb kTurnout{0x3D, 0x8B, 0xFD};   // turnout bar
inline constexpr Rgb kThresholdLine{0xFF, 0xE0, 0x66};
inline constexpr Rgb kQrDark{0x00, 0x00, 0x00};
inline constexpr Rgb kQrLight{0xFF, 0xFF, 0xFF};

// Choice bars: yes, no, abstain for a yes/no vote; in turn for the options
// of a choice between proposals.
inline constexpr Rgb kChoices[] = {
    {0x2F, 0xBF, 0x71}, {0xE5, 0x4B, 0x4B}, {0x8D, 0x99, 0xAE}, {0xF2, 0xA5, 0x3A},
    {0x9B, 0x6B, 0xF2}, {0x2C, 0xB1, 0xC9}, {0xE8, 0x6A, 0xB5}, {0xB8, 0xC2, 0x3A},
};
}  // namespace palette

}  // namespace gavel::display
