#include "fleet.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

namespace gavel::sim {

namespace {
constexpr std::uint32_t kHandKey = 10, kPresenceKey = 11;  // docs/clickers.md

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
bool chance(std::mt19937_64& rng, double p) { return uniform(rng, 0, 1) < p; }

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

struct Fleet::Device {
  std::size_t station = 0;
  std::mt19937_64 rng;
  std::uint64_t boot = 0, seq = 0;
  // The press waiting for its answer.
  bool busy = false;
  std::uint32_t key = 0;
  Millis first_sent = 0;
  bool timed = false;  // its latency is recorded
  // The hardware.
  std::uint32_t battery = 100;
  std::int32_t signal = -60;
  double skew_ms = 0, drift = 0;
  bool dark = false;  // resetting: deaf and dumb
  // The person.
  std::optional<std::uint32_t> choice;
};

Fleet::Fleet(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server, Knobs knobs, std::uint64_t seed,
             std::vector<Unit> units, std::vector<Station> stations, bool base_mode)
    : io_(io),
      server_(server),
      knobs_(std::move(knobs)),
      rng_(seed),
      base_mode_(base_mode),
      units_(std::move(units)),
      stations_(std::move(stations)),
      timer_(io) {
  for (std::size_t s = 0; s < stations_.size(); ++s) {
    for (std::size_t d : stations_[s].devices) {
      if (devices_.size() <= d) devices_.resize(d + 1);
      auto device = std::make_unique<Device>();
      device->station = s;
      device->rng.seed(seed * 1000003u + d);
      device->boot = device->rng();
      double roll = uniform(device->rng, 0, 1);
      device->battery = roll < knobs_.critical_battery_share ? static_cast<std::uint32_t>(uniform(device->rng, 1, 5))
                        : roll < knobs_.critical_battery_share + knobs_.low_battery_share
                            ? static_cast<std::uint32_t>(uniform(device->rng, 6, 19))
                            : static_cast<std::uint32_t>(uniform(device->rng, 30, 100));
      device->signal = static_cast<std::int32_t>(uniform(device->rng, -90, -45));
      device->skew_ms = uniform(device->rng, -knobs_.clock_skew_max_ms, knobs_.clock_skew_max_ms);
      device->drift = uniform(device->rng, -knobs_.drift_ppm, knobs_.drift_ppm) * 1e-6;
      devices_[d] = std::move(device);
    }
    links_.push_back(std::make_unique<Link>(
        io_, server_, [this, s](const v1::ServerMessage& m) {
          if (m.has_clicker_ack()) answer(s, m.clicker_ack());
        },
        [this, s](bool up) { link_changed(s, up); }));
  }
  attempts_.assign(stations_.size(), 0);
  was_up_.assign(stations_.size(), false);
}

Fleet::~Fleet() = default;

Fleet::Millis Fleet::now() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - epoch_).count();
}

void Fleet::at(Millis when, std::function<void()> what) {
  agenda_.push({when, order_++, std::move(what)});
  if (armed_for_ < 0 || when < armed_for_) arm();
}

void Fleet::arm() {
  if (agenda_.empty()) return;
  armed_for_ = agenda_.top().when;
  timer_.expires_at(epoch_ + std::chrono::microseconds(static_cast<std::int64_t>(armed_for_ * 1000)));
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    armed_for_ = -1;
    fire();
  });
}

void Fleet::fire() {
  // Bounded: what comes due while these run waits for the next turn of the loop.
  Millis t = now();
  for (int ran = 0; ran < 4096 && !agenda_.empty() && agenda_.top().when <= t; ++ran) {
    auto what = std::move(const_cast<Timed&>(agenda_.top()).what);
    agenda_.pop();
    what();
  }
  arm();
}

v1::Hello Fleet::hello_for(std::size_t station) const {
  v1::Hello hello;
  hello.set_protocol_version(1);
  hello.set_token(stations_[station].token);
  hello.set_client_name(base_mode_ ? "gavel-clicker-sim base station" : "gavel-clicker-sim clicker");
  const Device& first = *devices_[stations_[station].devices.front()];
  hello.mutable_health()->set_battery_percent(base_mode_ ? 100 : first.battery);
  hello.mutable_health()->set_signal_dbm(base_mode_ ? -40 : first.signal);
  return hello;
}

void Fleet::power_on() {
  for (std::size_t s = 0; s < stations_.size(); ++s) {
    at(now() + uniform(rng_, 0, knobs_.power_on_ms), [this, s] { reconnect(s); });
    if (base_mode_) {
      // The base station's own heartbeat.
      std::function<void()> beat;
      auto self_beat = std::make_shared<std::function<void()>>();
      *self_beat = [this, s, self_beat] {
        v1::ClientMessage m;
        m.mutable_heartbeat()->mutable_health()->set_battery_percent(100);
        m.mutable_heartbeat()->set_device_time_ms(wall_ms());
        links_[s]->send(m);
        at(now() + knobs_.heartbeat_ms, *self_beat);
      };
      at(now() + knobs_.power_on_ms + uniform(rng_, 0, knobs_.heartbeat_ms), *self_beat);
    }
  }
  for (std::size_t d = 0; d < devices_.size(); ++d)
    at(now() + knobs_.power_on_ms + uniform(devices_[d]->rng, 0, knobs_.heartbeat_ms), [this, d] { heartbeat(d); });
}

std::size_t Fleet::links_up() const {
  return static_cast<std::size_t>(std::count_if(links_.begin(), links_.end(), [](const auto& l) { return l->up(); }));
}

void Fleet::reconnect(std::size_t s) {
  if (!links_[s]->idle()) return;
  // A Wi-Fi clicker that is resetting reconnects when it wakes.
  if (!base_mode_ && devices_[stations_[s].devices.front()]->dark) return;
  ++stats_.reconnect_attempts;
  links_[s]->open(hello_for(s));
}

void Fleet::link_changed(std::size_t s, bool up) {
  if (up) {
    if (was_up_[s]) ++stats_.reconnects;
    was_up_[s] = true;
    attempts_[s] = 0;
    if (outage_at_ >= 0 && links_up() == links_.size()) {
      stats_.storm_recovery_ms = now() - outage_at_;
      outage_at_ = -1;
    }
    return;
  }
  double delay = knobs_.naive_retry_ms;
  if (knobs_.reconnect == Reconnect::backoff) {
    // Full jitter: a random wait up to an exponentially growing cap.
    double cap = std::min(knobs_.backoff_cap_ms, knobs_.backoff_base_ms * std::pow(2.0, attempts_[s]));
    delay = uniform(rng_, knobs_.backoff_base_ms / 4, cap);
  }
  ++attempts_[s];
  at(now() + delay, [this, s] { reconnect(s); });
}

std::uint32_t Fleet::copies(std::mt19937_64& rng) const {
  double roll = uniform(rng, 0, 1), sum = 0;
  for (std::uint32_t i = 0; i < 4; ++i) {
    sum += knobs_.copy_weights[i];
    if (roll < sum) return i + 1;
  }
  return 1;
}

void Fleet::send_up(std::size_t d, v1::ClientMessage message) {
  Device& device = *devices_[d];
  if (!base_mode_) {
    links_[device.station]->send(message);
    return;
  }
  if (chance(device.rng, knobs_.radio_loss)) {
    ++stats_.radio_lost;
    return;
  }
  std::size_t s = device.station;
  at(now() + uniform(device.rng, 3, 15), [this, s, message = std::move(message)] { links_[s]->send(message); });
}

void Fleet::press(std::size_t d, std::uint32_t key) {
  Device& device = *devices_[d];
  if (device.dark) return;
  // Debounce: the key counts when it is released.
  at(now() + uniform(device.rng, knobs_.debounce_min_ms, knobs_.debounce_max_ms), [this, d, key] {
    Device& dev = *devices_[d];
    if (dev.dark) return;
    ++stats_.presses;
    bool vote_key = key >= 1 && key <= 9;
    if (vote_key && dev.battery < 5) {
      // A critically low battery refuses to vote rather than lose the press half-sent.
      ++stats_.low_battery_refusals;
      ++stats_.failed;
      return;
    }
    dev.busy = true;
    dev.key = key;
    ++dev.seq;
    dev.first_sent = now();
    dev.timed = false;
    if (vote_key && ledger_) {
      ledger_->sent(d, dev.boot, dev.seq, key - 1);
      ++stats_.vote_presses;
      if (!voting_) ++stats_.late_presses;
    }
    transmit(d, copies(dev.rng));
    std::uint64_t boot = dev.boot, seq = dev.seq;
    at(now() + knobs_.ack_wait_ms + uniform(dev.rng, 0, knobs_.retransmit_jitter_ms),
       [this, d, boot, seq] { check_ack(d, boot, seq); });
  });
}

void Fleet::transmit(std::size_t d, std::uint32_t n) {
  Device& device = *devices_[d];
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint64_t boot = device.boot, seq = device.seq;
    at(now() + i * knobs_.copy_gap_ms, [this, d, boot, seq] {
      Device& dev = *devices_[d];
      if (dev.dark || !dev.busy || dev.boot != boot || dev.seq != seq) return;
      v1::ClientMessage m;
      m.set_request_id(next_request_++);
      v1::ClickerPress* p = m.mutable_press();
      p->set_device_id(units_[d].device_id);
      p->set_boot_id(boot);
      p->set_press_seq(seq);
      p->set_key(dev.key);
      p->set_device_time_ms(wall_ms() + static_cast<std::int64_t>(dev.skew_ms + dev.drift * now()));
      ++stats_.copies;
      send_up(d, std::move(m));
    });
  }
}

void Fleet::check_ack(std::size_t d, std::uint64_t boot, std::uint64_t seq) {
  Device& device = *devices_[d];
  if (!device.busy || device.boot != boot || device.seq != seq) return;
  if (now() - device.first_sent >= knobs_.give_up_ms) {
    device.busy = false;
    ++stats_.failed;
    return;
  }
  ++stats_.retransmissions;
  transmit(d, copies(device.rng));
  at(now() + knobs_.ack_wait_ms + uniform(device.rng, 0, knobs_.retransmit_jitter_ms),
     [this, d, boot, seq] { check_ack(d, boot, seq); });
}

void Fleet::answer(std::size_t s, const v1::ClickerAck& ack) {
  static thread_local std::unordered_map<std::string, std::size_t> by_id;
  if (by_id.size() != units_.size()) {
    by_id.clear();
    for (std::size_t i = 0; i < units_.size(); ++i) by_id[units_[i].device_id] = i;
  }
  auto it = by_id.find(ack.device_id());
  if (it == by_id.end() || devices_[it->second]->station != s || ack.press_seq() == 0) return;
  std::size_t d = it->second;
  Device& device = *devices_[d];
  if (ledger_ && ack.key() >= 1 && ack.key() <= 9) {
    std::optional<std::uint32_t> stored;
    if (ack.stored_choices_size() > 0) stored = ack.stored_choices(0);
    ledger_->answered(d, ack.boot_id(), ack.press_seq(), stored);
  }
  if (ack.repeat()) ++stats_.duplicates;
  bool current = device.busy && ack.boot_id() == device.boot && ack.press_seq() == device.seq;
  if (current && !device.timed) {
    device.timed = true;
    stats_.latency_ms.push_back(now() - device.first_sent);
  }
  double loss = knobs_.ack_loss + (base_mode_ ? knobs_.radio_loss : 0.0);
  if (chance(device.rng, loss)) {
    ++stats_.acks_lost;
    return;
  }
  if (!current) return;
  device.busy = false;
  if (ack.state() == v1::PRESS_ACCEPTED) ++stats_.acknowledged;
  else ++stats_.rejected;
}

void Fleet::heartbeat(std::size_t d) {
  Device& device = *devices_[d];
  if (!device.dark) {
    v1::ClientMessage m;
    v1::ClickerHeartbeat* beat = m.mutable_heartbeat();
    beat->set_device_id(units_[d].device_id);
    beat->set_boot_id(device.boot);
    beat->mutable_health()->set_battery_percent(device.battery);
    beat->mutable_health()->set_signal_dbm(device.signal);
    beat->set_device_time_ms(wall_ms() + static_cast<std::int64_t>(device.skew_ms + device.drift * now()));
    ++stats_.heartbeats;
    send_up(d, std::move(m));
  }
  at(now() + knobs_.heartbeat_ms * uniform(device.rng, 0.9, 1.1), [this, d] { heartbeat(d); });
}

void Fleet::brownout(std::size_t d) {
  Device& device = *devices_[d];
  if (device.dark) return;
  ++stats_.brownouts;
  // Power lost: whatever was waiting for an answer is gone, the sequence restarts under a new boot id.
  device.dark = true;
  device.busy = false;
  device.boot = device.rng();
  device.seq = 0;
  if (!base_mode_) links_[device.station]->drop();
  at(now() + knobs_.boot_ms, [this, d] {
    Device& dev = *devices_[d];
    dev.dark = false;
    if (!base_mode_) reconnect(dev.station);
    if (dev.choice && voting_ && chance(dev.rng, knobs_.repress_after_reset)) {
      std::uint32_t again = *dev.choice;
      at(now() + people(uniform(dev.rng, 1000, 3000)), [this, d, again] {
        if (voting_) press(d, again + 1);
      });
    }
  });
}

void Fleet::arrive() {
  for (std::size_t d = 0; d < devices_.size(); ++d)
    at(now() + people(uniform(devices_[d]->rng, 0, knobs_.arrival_ms)), [this, d] { press(d, kPresenceKey); });
}

void Fleet::debate() {
  for (std::size_t d = 0; d < devices_.size(); ++d) {
    Device& device = *devices_[d];
    if (!chance(device.rng, knobs_.hand_share)) continue;
    at(now() + people(uniform(device.rng, 0, knobs_.debate_ms * 0.5)), [this, d] { press(d, kHandKey); });
    if (chance(device.rng, knobs_.lower_share))
      at(now() + people(uniform(device.rng, knobs_.debate_ms * 0.6, knobs_.debate_ms)),
         [this, d] { press(d, kHandKey); });
  }
}

void Fleet::vote_opened(std::uint32_t options) {
  options_ = std::max<std::uint32_t>(1, std::min<std::uint32_t>(options, 9));
  ledger_ = std::make_unique<Ledger>(devices_.size(), options_);
  voting_ = true;
  std::lognormal_distribution<double> reaction(std::log(knobs_.reaction_median_ms), knobs_.reaction_sigma);
  for (std::size_t d = 0; d < devices_.size(); ++d) {
    Device& device = *devices_[d];
    if (!chance(device.rng, knobs_.turnout)) continue;
    std::uint32_t choice = 0;
    if (options_ == 3) {
      std::discrete_distribution<std::uint32_t> pick(std::begin(knobs_.choice_weights), std::end(knobs_.choice_weights));
      choice = pick(device.rng);
    } else {
      choice = static_cast<std::uint32_t>(uniform(device.rng, 0, options_)) % options_;
    }
    double t = reaction(device.rng);
    at(now() + people(t), [this, d, choice] {
      devices_[d]->choice = choice;
      press(d, choice + 1);
    });
    if (options_ > 1 && chance(device.rng, knobs_.change_share)) {
      std::uint32_t other = (choice + 1 + static_cast<std::uint32_t>(uniform(device.rng, 0, options_ - 1))) % options_;
      double later = t + uniform(device.rng, knobs_.change_after_min_ms, knobs_.change_after_max_ms);
      at(now() + people(later), [this, d, other] {
        if (!voting_) return;
        ++stats_.changes;
        devices_[d]->choice = other;
        press(d, other + 1);
      });
    }
    if (chance(device.rng, knobs_.brownout_share))
      at(now() + people(uniform(device.rng, 0.1, 0.8) * knobs_.vote_window_ms), [this, d] { brownout(d); });
  }
  if (knobs_.outage_at_ms > 0)
    at(now() + people(knobs_.outage_at_ms), [this] {
      outage_at_ = now();
      for (auto& link : links_) link->drop();
    });
}

void Fleet::vote_closed() {
  voting_ = false;
  for (std::size_t d = 0; d < devices_.size(); ++d) {
    Device& device = *devices_[d];
    if (!chance(device.rng, knobs_.late_share)) continue;
    auto option = static_cast<std::uint32_t>(uniform(device.rng, 0, options_)) % options_;
    at(now() + people(uniform(device.rng, 100, 2000)), [this, d, option] { press(d, option + 1); });
  }
}

bool Fleet::settled() const {
  return std::none_of(devices_.begin(), devices_.end(), [](const auto& d) { return d->busy; });
}

}  // namespace gavel::sim
