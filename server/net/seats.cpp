#include "net/seats.hpp"

namespace gavel::net {

std::string Seats::key(const Credentials& who) {
  return std::string(role_name(who.role)) + '\n' + who.participant_id + '\n' + who.clicker_id;
}

std::size_t Seats::limit(const Credentials& who) {
  return who.role == core::Role::participant || who.role == core::Role::clicker ? kPerParticipant : kPerOfficer;
}

bool Seats::take(const void* connection, const Credentials& who) {
  release(connection);
  std::string k = key(who);
  std::size_t& count = held_[k];
  if (count >= limit(who)) {
    if (count == 0) held_.erase(k);
    return false;
  }
  ++count;
  by_connection_.emplace(connection, std::move(k));
  return true;
}

void Seats::release(const void* connection) {
  auto it = by_connection_.find(connection);
  if (it == by_connection_.end()) return;
  auto count = held_.find(it->second);
  if (count != held_.end() && --count->second == 0) held_.erase(count);
  by_connection_.erase(it);
}

std::size_t Seats::held(const Credentials& who) const {
  auto it = held_.find(key(who));
  return it == held_.end() ? 0 : it->second;
}

}  // namespace gavel::net
