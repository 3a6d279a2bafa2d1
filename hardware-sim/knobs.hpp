// Every behaviour of the simulated fleet as a knob with a realistic default,
// and the named scenarios (board-30, council-150, hall-2000, storm-10000) as
// presets of them. Plain data, any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gavel::sim {

enum class Mode { wifi, base };
enum class Reconnect { backoff, naive };

struct Knobs {
  std::string scenario;
  std::uint32_t clickers = 30;
  Mode mode = Mode::wifi;
  std::uint32_t per_base = 250;          // radio clickers per base station (at most 250)

  // The device.
  double debounce_min_ms = 20, debounce_max_ms = 50;  // counted on release
  double ack_wait_ms = 1500;             // then retransmit...
  double retransmit_jitter_ms = 500;     // ...after a random extra delay
  double give_up_ms = 8000;              // and show failure
  double copy_weights[4] = {0.4, 0.3, 0.2, 0.1};  // 1, 2, 3 or 4 radio copies per press
  double copy_gap_ms = 15;               // between copies
  double radio_loss = 0.05;              // a radio frame (either way) lost
  double ack_loss = 0.02;                // an ack the server sent that the device never shows
  double heartbeat_ms = 15000;
  double low_battery_share = 0.04;       // below 20%: reported, still votes
  double critical_battery_share = 0.01;  // below 5%: refuses to vote, shows failure
  double brownout_share = 0.02;          // devices that reset once during the vote
  double boot_ms = 1500;                 // a reset's dark time
  double clock_skew_max_ms = 120000;     // device clocks are wrong by up to this (advisory only)
  double drift_ppm = 50;
  Reconnect reconnect = Reconnect::backoff;
  double backoff_base_ms = 250, backoff_cap_ms = 8000;  // exponential, full jitter
  double naive_retry_ms = 500;           // the naive profile: every 500 ms, no jitter
  double power_on_ms = 2000;             // devices connect spread over this
  // An access point's outage in the middle of the vote: every Wi-Fi link
  // (and base station link) drops at once and reconnects. 0: none.
  double outage_at_ms = 0;

  // The people.
  double arrival_ms = 4000;              // presence presses spread over this
  double hand_share = 0.05;              // raise a hand during the debate
  double lower_share = 0.3;              // of those, lower it again
  double debate_ms = 3000;
  double turnout = 0.95;
  double reaction_median_ms = 5500;      // lognormal: most presses 3-10 s after the opening
  double reaction_sigma = 0.35;
  double change_share = 0.28;            // change their answer (a lecture-hall capture: ~28%)
  double change_after_min_ms = 1500, change_after_max_ms = 6000;
  double choice_weights[3] = {0.6, 0.25, 0.15};  // 赞成 / 反对 / 弃权
  double late_share = 0.02;              // press once more after the close
  double repress_after_reset = 0.7;      // after a brown-out, press again
  double vote_window_ms = 16000;         // the chair closes the vote after this
  double time_scale = 1.0;               // < 1 compresses the people's times (CI)
};

// The preset for `name`, or nullopt for an unknown scenario.
std::optional<Knobs> scenario(const std::string& name);
const char* scenario_names();

}  // namespace gavel::sim
