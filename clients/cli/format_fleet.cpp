// gavelctl clicker list: the fleet as lines a person at the desk can scan,
// problems first (revoked, low battery, not heard from).
#include <sstream>

#include "format.hpp"

namespace gavel::cli {

namespace {
constexpr std::uint32_t kLowBattery = 20;        // percent
constexpr std::int64_t kSilentAfterMs = 60'000;  // heartbeats come every 15 s

std::string heard(std::int64_t last_ms, std::int64_t now_ms) {
  if (last_ms == 0) return "never heard";
  std::int64_t ago = std::max<std::int64_t>(0, now_ms - last_ms) / 1000;
  return "heard " + std::to_string(ago) + "s ago";
}

std::string health(const v1::ClickerHealth& h, std::int64_t last_ms) {
  if (last_ms == 0 || (h.battery_percent() == 0 && h.signal_dbm() == 0)) return "";
  std::string out = "battery " + std::to_string(h.battery_percent()) + "%";
  if (h.signal_dbm() != 0) out += " signal " + std::to_string(h.signal_dbm()) + " dBm";
  return out;
}

std::string flags(bool revoked, const v1::ClickerHealth& h, std::int64_t last_ms, std::int64_t now_ms) {
  std::string out;
  if (revoked) return "  REVOKED";
  if (last_ms != 0 && h.battery_percent() > 0 && h.battery_percent() < kLowBattery) out += "  LOW";
  if (last_ms == 0 || now_ms - last_ms > kSilentAfterMs) out += "  SILENT";
  return out;
}
}  // namespace

std::string format_fleet(const v1::ClickerFleet& fleet, std::int64_t now_ms, const Names& names) {
  std::ostringstream out;
  int low = 0, silent = 0, revoked = 0;
  for (const v1::ClickerBase& b : fleet.bases()) {
    std::string f = flags(b.revoked(), b.health(), b.last_heard_ms(), now_ms);
    out << "base " << b.base_id() << "  " << b.devices() << " clickers  "
        << (b.connected() ? "connected" : "offline") << "  " << heard(b.last_heard_ms(), now_ms);
    if (auto h = health(b.health(), b.last_heard_ms()); !h.empty()) out << "  " << h;
    out << f << "\n";
  }
  for (const v1::ClickerDevice& d : fleet.devices()) {
    std::string f = flags(d.revoked(), d.health(), d.last_heard_ms(), now_ms);
    revoked += d.revoked();
    low += f.find("LOW") != std::string::npos;
    silent += !d.revoked() && f.find("SILENT") != std::string::npos;
    out << d.device_id() << "  " << (d.base_id().empty() ? std::string("wifi") : "via " + d.base_id()) << "  "
        << (d.pool() ? std::string("pool") : d.participant_id().empty() ? "unpaired" : names.person(d.participant_id()))
        << "  " << heard(d.last_heard_ms(), now_ms);
    if (auto h = health(d.health(), d.last_heard_ms()); !h.empty()) out << "  " << h;
    out << f << "\n";
  }
  out << fleet.devices_size() << " clickers, " << fleet.bases_size() << " base stations; " << low
      << " low battery, " << silent << " not heard from for a minute, " << revoked << " revoked\n";
  if (!fleet.tokens_file().empty()) out << "credentials: " << fleet.tokens_file() << " in gaveld's data folder\n";
  return out.str();
}

}  // namespace gavel::cli
