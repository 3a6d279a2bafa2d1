// The clicker fleet: every enrolled device (a Wi-Fi clicker with its own
// token, or a radio clicker relayed by a base station), every base station,
// who holds which device, which are revoked, and how each was last heard
// (battery, signal, time). Looking up a device or its holder is a hash map.
// Its durable form is DIR/clickers.json (mode 0600), written by gaveld on
// every change. Pure data, on the hall's strand.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "core/state.hpp"

namespace gavel::clicker {

struct Health {
  std::uint32_t battery_percent = 0;
  std::int32_t signal_dbm = 0;
};

struct Device {
  std::string id;
  std::string base_id;  // empty: a Wi-Fi clicker
  std::string token;    // Wi-Fi clickers only
  std::string holder;   // participant id; empty: unpaired
  bool pool = false;    // handed out for secret votes, never paired for good
  bool revoked = false;
  // In memory only: the person a pool device was lent to for the open vote.
  std::string lent_to;
  Health health;
  core::Millis last_heard = 0;
};

struct BaseStation {
  std::string id;
  std::string token;
  bool revoked = false;
  Health health;
  core::Millis last_heard = 0;
};

// Who a credential admits: a Wi-Fi clicker or a base station.
struct Caller {
  std::string id;
  bool base_station = false;
};

class Fleet {
 public:
  using MakeToken = std::function<std::string()>;

  // From clickers.json; an empty text is an empty fleet.
  static core::Result<Fleet> from_json(const std::string& text);
  std::string to_json() const;

  // Every roster member's clicker_id becomes a paired Wi-Fi clicker unless
  // the fleet knows it already. True when anything changed.
  bool seed(const std::vector<core::Member>& roster, const MakeToken& make_token);

  // Who presents this token (revoked ones admit nobody). Constant-time
  // comparison is the Doorkeeper's job: gaveld registers the same tokens there.
  std::optional<Caller> caller(const std::string& id) const;
  const Device* device(const std::string& id) const;
  const BaseStation* base(const std::string& id) const;
  // The person pressing with this device now: the lent-to person for a pool
  // device, else its holder. Empty: nobody.
  std::string holder(const std::string& device_id) const;
  std::vector<std::string> relayed_by(const std::string& base_id) const;

  core::Status enroll(const std::vector<std::string>& device_ids, const std::string& base_id, bool pool,
                      const MakeToken& make_token);
  core::Status pair(const std::string& device_id, const std::string& participant_id,
                    const core::MeetingState& state);
  core::Status unpair(const std::string& device_id);
  // Returns the tokens that stop working (to drop from the doorkeeper).
  core::Result<std::vector<std::string>> revoke(const std::string& id);
  // A pool device for one person, for the open secret vote only.
  core::Status lend(const std::string& device_id, const std::string& participant_id,
                    const core::MeetingState& state);
  // Pool devices come back when the vote they were lent for closes.
  void return_lent();

  void heard(const std::string& id, const Health* health, core::Millis now);

  const std::vector<Device>& devices() const { return devices_; }
  const std::vector<BaseStation>& bases() const { return bases_; }

 private:
  Device* find_device(const std::string& id);
  void index();

  std::vector<Device> devices_;
  std::vector<BaseStation> bases_;
  std::unordered_map<std::string, std::size_t> device_index_, base_index_;
  std::unordered_map<std::string, std::string> device_of_holder_;  // participant -> device
};

}  // namespace gavel::clicker
