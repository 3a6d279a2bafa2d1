#include "fleet.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>


namespace gavel::clicker {

namespace {
using nlohmann::json;

core::Error not_found(const std::string& what_zh, const std::string& what_en, const std::string& id) {
  return core::make_error(core::ErrorCode::not_found, what_zh + " " + id + " 不存在",
                          "no " + what_en + " " + id);
}
}  // namespace

core::Result<Fleet> Fleet::from_json(const std::string& text) {
  Fleet fleet;
  if (text.empty()) return fleet;
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return core::make_error(core::ErrorCode::internal, "clickers.json 已损坏", "clickers.json is damaged");
  for (const json& d : doc.value("devices", json::array())) {
    Device device;
    device.id = d.value("id", "");
    device.base_id = d.value("base", "");
    device.token = d.value("token", "");
    device.holder = d.value("holder", "");
    device.pool = d.value("pool", false);
    device.revoked = d.value("revoked", false);
    if (!device.id.empty()) fleet.devices_.push_back(std::move(device));
  }
  for (const json& b : doc.value("bases", json::array())) {
    BaseStation base;
    base.id = b.value("id", "");
    base.token = b.value("token", "");
    base.revoked = b.value("revoked", false);
    if (!base.id.empty()) fleet.bases_.push_back(std::move(base));
  }
  fleet.index();
  return fleet;
}

std::string Fleet::to_json() const {
  json devices = json::array(), bases = json::array();
  for (const Device& d : devices_) {
    json entry = {{"id", d.id}};
    if (!d.base_id.empty()) entry["base"] = d.base_id;
    if (!d.token.empty()) entry["token"] = d.token;
    if (!d.holder.empty()) entry["holder"] = d.holder;
    if (d.pool) entry["pool"] = true;
    if (d.revoked) entry["revoked"] = true;
    devices.push_back(std::move(entry));
  }
  for (const BaseStation& b : bases_) {
    json entry = {{"id", b.id}};
    if (!b.token.empty()) entry["token"] = b.token;
    if (b.revoked) entry["revoked"] = true;
    bases.push_back(std::move(entry));
  }
  return json{{"devices", devices}, {"bases", bases}}.dump(1) + "\n";
}

void Fleet::index() {
  device_index_.clear();
  base_index_.clear();
  device_of_holder_.clear();
  for (std::size_t i = 0; i < devices_.size(); ++i) {
    device_index_[devices_[i].id] = i;
    if (!devices_[i].holder.empty() && !devices_[i].revoked) device_of_holder_[devices_[i].holder] = devices_[i].id;
  }
  for (std::size_t i = 0; i < bases_.size(); ++i) base_index_[bases_[i].id] = i;
}

bool Fleet::seed(const std::vector<core::Member>& roster, const MakeToken& make_token) {
  bool changed = false;
  for (const core::Member& m : roster) {
    const std::string& id = m.info.clicker_id;
    if (id.empty() || device_index_.count(id)) continue;
    // Someone already holding another device keeps it: the roster only fills gaps.
    bool holds = device_of_holder_.count(m.info.id) > 0;
    devices_.push_back(Device{id, "", make_token(), holds ? "" : m.info.id, false, false, "", {}, 0});
    device_index_[id] = devices_.size() - 1;
    if (!holds) device_of_holder_[m.info.id] = id;
    changed = true;
  }
  return changed;
}

std::optional<Caller> Fleet::caller(const std::string& id) const {
  if (auto it = base_index_.find(id); it != base_index_.end())
    return bases_[it->second].revoked ? std::nullopt : std::optional<Caller>(Caller{id, true});
  if (auto it = device_index_.find(id); it != device_index_.end()) {
    const Device& d = devices_[it->second];
    if (!d.revoked && d.base_id.empty()) return Caller{id, false};
  }
  return std::nullopt;
}

const Device* Fleet::device(const std::string& id) const {
  auto it = device_index_.find(id);
  return it == device_index_.end() ? nullptr : &devices_[it->second];
}

Device* Fleet::find_device(const std::string& id) {
  auto it = device_index_.find(id);
  return it == device_index_.end() ? nullptr : &devices_[it->second];
}

const BaseStation* Fleet::base(const std::string& id) const {
  auto it = base_index_.find(id);
  return it == base_index_.end() ? nullptr : &bases_[it->second];
}

std::string Fleet::holder(const std::string& device_id) const {
  const Device* d = device(device_id);
  if (!d || d->revoked) return {};
  return d->pool ? d->lent_to : d->holder;
}

std::vector<std::string> Fleet::relayed_by(const std::string& base_id) const {
  std::vector<std::string> out;
  for (const Device& d : devices_)
    if (d.base_id == base_id && !d.revoked) out.push_back(d.id);
  return out;
}

core::Status Fleet::enroll(const std::vector<std::string>& device_ids, const std::string& base_id, bool pool,
                           const MakeToken& make_token) {
  if (device_ids.empty() && base_id.empty())
    return core::make_error(core::ErrorCode::invalid_argument, "请给出表决器编号", "name the clickers to enroll");
  if (!base_id.empty() && device_index_.count(base_id))
    return core::make_error(core::ErrorCode::duplicate, "编号 " + base_id + " 已是表决器",
                            base_id + " is already a clicker");
  for (const std::string& id : device_ids)
    if (id.empty() || id.size() > 64 || base_index_.count(id))
      return core::make_error(core::ErrorCode::invalid_argument, "表决器编号无效：" + id, "bad clicker id: " + id);
  if (!base_id.empty()) {
    auto it = base_index_.find(base_id);
    if (it == base_index_.end()) {
      bases_.push_back(BaseStation{base_id, make_token(), false, {}, 0});
      base_index_[base_id] = bases_.size() - 1;
    } else if (bases_[it->second].revoked) {
      // Re-enrolling a revoked base station gives it a new credential.
      bases_[it->second] = BaseStation{base_id, make_token(), false, {}, 0};
    }
  }
  for (const std::string& id : device_ids) {
    Device* d = find_device(id);
    if (!d) {
      devices_.push_back(Device{id, "", "", "", pool, false, "", {}, 0});
      device_index_[id] = devices_.size() - 1;
      d = &devices_.back();
    }
    // A radio clicker needs no credential of its own: its base station's suffices.
    d->base_id = base_id;
    d->token = base_id.empty() && (d->token.empty() || d->revoked) ? make_token() : base_id.empty() ? d->token : "";
    d->pool = pool;
    d->revoked = false;
    if (pool && !d->holder.empty()) {
      device_of_holder_.erase(d->holder);
      d->holder.clear();
    }
  }
  return core::Ok{};
}

core::Status Fleet::pair(const std::string& device_id, const std::string& participant_id,
                         const core::MeetingState& state) {
  Device* d = find_device(device_id);
  if (!d || d->revoked) return not_found("表决器", "clicker", device_id);
  if (!state.member(participant_id)) return not_found("参会者", "participant", participant_id);
  if (d->pool)
    return core::make_error(core::ErrorCode::invalid_state, "备用池中的表决器只能借出（clicker lend）",
                            "a pool clicker is lent for a secret vote (clicker lend), not paired");
  // One device per person: their previous one becomes free.
  if (auto it = device_of_holder_.find(participant_id); it != device_of_holder_.end())
    if (Device* previous = find_device(it->second)) previous->holder.clear();
  if (!d->holder.empty()) device_of_holder_.erase(d->holder);
  d->holder = participant_id;
  device_of_holder_[participant_id] = device_id;
  return core::Ok{};
}

core::Status Fleet::unpair(const std::string& device_id) {
  Device* d = find_device(device_id);
  if (!d) return not_found("表决器", "clicker", device_id);
  if (!d->holder.empty()) device_of_holder_.erase(d->holder);
  d->holder.clear();
  return core::Ok{};
}

core::Result<std::vector<std::string>> Fleet::revoke(const std::string& id) {
  std::vector<std::string> tokens;
  if (auto it = base_index_.find(id); it != base_index_.end()) {
    BaseStation& b = bases_[it->second];
    if (!b.revoked) tokens.push_back(b.token);
    b.revoked = true;
    b.token.clear();
    return tokens;
  }
  Device* d = find_device(id);
  if (!d) return not_found("表决器或基站", "clicker or base station", id);
  if (!d->revoked && !d->token.empty()) tokens.push_back(d->token);
  d->revoked = true;
  d->token.clear();
  if (!d->holder.empty()) device_of_holder_.erase(d->holder);
  d->holder.clear();
  d->lent_to.clear();
  return tokens;
}

core::Status Fleet::lend(const std::string& device_id, const std::string& participant_id,
                         const core::MeetingState& state) {
  Device* d = find_device(device_id);
  if (!d || d->revoked) return not_found("表决器", "clicker", device_id);
  if (!d->pool)
    return core::make_error(core::ErrorCode::invalid_state, "只有备用池中的表决器可以借出",
                            "only a pool clicker can be lent");
  const core::Vote* vote = state.open_vote();
  if (!vote || !vote->spec.secret)
    return core::make_error(core::ErrorCode::invalid_state, "没有进行中的无记名表决",
                            "no secret vote is open");
  if (!vote->may_vote(participant_id))
    return core::make_error(core::ErrorCode::not_eligible, "该参会者没有本次表决的表决权",
                            "that participant is not eligible for this vote");
  if (vote->voters.count(participant_id))
    return core::make_error(core::ErrorCode::duplicate, "该参会者已投票", "that participant has already voted");
  for (const Device& other : devices_)
    if (other.lent_to == participant_id)
      return core::make_error(core::ErrorCode::duplicate, "该参会者已借到表决器 " + other.id,
                              "that participant already has clicker " + other.id);
  if (!d->lent_to.empty())
    return core::make_error(core::ErrorCode::duplicate, "该表决器已借出", "that clicker is already lent");
  d->lent_to = participant_id;
  return core::Ok{};
}

void Fleet::return_lent() {
  for (Device& d : devices_) d.lent_to.clear();
}

void Fleet::heard(const std::string& id, const Health* health, core::Millis now) {
  if (Device* d = find_device(id)) {
    d->last_heard = now;
    if (health) d->health = *health;
    return;
  }
  if (auto it = base_index_.find(id); it != base_index_.end()) {
    bases_[it->second].last_heard = now;
    if (health) bases_[it->second].health = *health;
  }
}

}  // namespace gavel::clicker
