#include "knobs.hpp"

namespace gavel::sim {

std::optional<Knobs> scenario(const std::string& name) {
  Knobs k;
  k.scenario = name;
  if (name == "board-30") {
    // A board around a table: Wi-Fi clickers, nearly everyone votes.
    k.clickers = 30;
    k.mode = Mode::wifi;
    k.turnout = 1.0;
  } else if (name == "council-150") {
    // A residents' council: one base station, many elderly voters.
    k.clickers = 150;
    k.mode = Mode::base;
    k.reaction_median_ms = 6500;
  } else if (name == "hall-2000") {
    // An assembly hall: eight base stations, a busy radio.
    k.clickers = 2000;
    k.mode = Mode::base;
    k.radio_loss = 0.08;
    k.power_on_ms = 4000;
  } else if (name == "storm-10000") {
    // Ten thousand Wi-Fi clickers, and the access point drops them all mid-vote.
    k.clickers = 10000;
    k.mode = Mode::wifi;
    k.power_on_ms = 8000;
    k.arrival_ms = 8000;
    k.outage_at_ms = 8000;
    k.vote_window_ms = 20000;
  } else {
    return std::nullopt;
  }
  return k;
}

const char* scenario_names() { return "board-30, council-150, hall-2000, storm-10000"; }

}  // namespace gavel::sim
