// The simulated fleet: clickers (each a small state machine: debounce,
// copies, ack wait, retransmission, give-up, battery, brown-outs, drifting
// clocks, heartbeats), the base stations that relay them over a lossy radio,
// the Wi-Fi or base-station links with their reconnect profile, and the
// people pressing the keys. Runs on one io_context in one thread; times are
// real (steady clock), randomness comes from the seed alone.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <memory>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "knobs.hpp"
#include "ledger.hpp"
#include "link.hpp"

namespace gavel::sim {

// What one simulated clicker is given: its id, the person holding it, and
// the credential it connects with (its own, or its base station's).
struct Unit {
  std::string device_id;
  std::string holder;
};
struct Station {
  std::string id;     // a base station's id, or the Wi-Fi clicker's own
  std::string token;
  std::vector<std::size_t> devices;  // indexes into the units
};

struct Stats {
  std::uint64_t presses = 0;           // key presses the devices registered
  std::uint64_t copies = 0;            // frames sent up (copies and retransmissions)
  std::uint64_t retransmissions = 0;
  std::uint64_t acknowledged = 0;      // presses whose device showed success
  std::uint64_t rejected = 0;          // presses whose device showed the server's rejection
  std::uint64_t failed = 0;            // presses whose device showed failure (no answer seen)
  std::uint64_t duplicates = 0;        // answers marked as a repeat: suppressed by the server
  std::uint64_t acks_lost = 0;         // answers the server sent that no device showed
  std::uint64_t radio_lost = 0;        // radio frames lost on the way up
  std::uint64_t low_battery_refusals = 0;
  std::uint64_t brownouts = 0;
  std::uint64_t heartbeats = 0;
  std::uint64_t reconnects = 0;        // links up again after going down
  std::uint64_t reconnect_attempts = 0;
  std::uint64_t late_presses = 0;      // after the close
  std::uint64_t vote_presses = 0;
  std::uint64_t changes = 0;
  std::vector<double> latency_ms;      // first copy sent to first answer received
  double storm_recovery_ms = -1;       // outage to every link up again
};

class Fleet {
 public:
  Fleet(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server, Knobs knobs, std::uint64_t seed,
        std::vector<Unit> units, std::vector<Station> stations, bool base_mode);
  ~Fleet();

  // Connects every link, spread over the power-on time.
  void power_on();
  std::size_t links_up() const;
  // People arrive and press the presence key.
  void arrive();
  // During the debate some raise (and some lower) their hands.
  void debate();
  // The vote with `options` choices opened: people press, some change,
  // some devices reset, an outage if the scenario has one.
  void vote_opened(std::uint32_t options);
  // The chair closed it: a few press once more.
  void vote_closed();
  // No press waits for an answer.
  bool settled() const;

  const Stats& stats() const { return stats_; }
  const Ledger& ledger() const { return *ledger_; }
  std::size_t size() const { return devices_.size(); }

 private:
  struct Device;
  struct Radio;
  using Millis = double;

  Millis now() const;
  void at(Millis when, std::function<void()> what);
  void arm();
  void fire();

  void press(std::size_t d, std::uint32_t key);
  void transmit(std::size_t d, std::uint32_t copies);
  void send_up(std::size_t d, v1::ClientMessage message);
  void check_ack(std::size_t d, std::uint64_t boot, std::uint64_t seq);
  void answer(std::size_t station, const v1::ClickerAck& ack);
  void heartbeat(std::size_t d);
  void brownout(std::size_t d);
  void link_changed(std::size_t station, bool up);
  void reconnect(std::size_t station);
  v1::Hello hello_for(std::size_t station) const;
  std::uint32_t copies(std::mt19937_64& rng) const;
  double people(double ms) const { return ms * knobs_.time_scale; }

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::endpoint server_;
  Knobs knobs_;
  std::mt19937_64 rng_;
  bool base_mode_;
  std::vector<Unit> units_;
  std::vector<Station> stations_;
  std::vector<std::unique_ptr<Device>> devices_;
  std::vector<std::unique_ptr<Link>> links_;
  std::vector<int> attempts_;   // reconnect attempts per station since it was last up
  std::vector<bool> was_up_;
  std::unique_ptr<Ledger> ledger_;
  Stats stats_;
  std::uint32_t options_ = 0;
  bool voting_ = false;
  std::uint64_t next_request_ = 2;
  Millis outage_at_ = -1;

  struct Timed {
    Millis when;
    std::uint64_t order;
    std::function<void()> what;
    bool operator>(const Timed& o) const { return when != o.when ? when > o.when : order > o.order; }
  };
  std::priority_queue<Timed, std::vector<Timed>, std::greater<>> agenda_;
  std::uint64_t order_ = 0;
  boost::asio::steady_timer timer_;
  Millis armed_for_ = -1;
  std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
};

}  // namespace gavel::sim
