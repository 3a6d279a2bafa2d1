#include "net/snapshot_shelf.hpp"

#include "codec/codec.hpp"
#include "codec/views.hpp"

namespace gavel::net {

SnapshotShelf::Copy& SnapshotShelf::fresh(View view, const core::MeetingState& state, core::Millis now) {
  Copy& copy = copies_[static_cast<int>(view)];
  if (copy.valid && copy.seq == state.seq && now - copy.at < kMaxAge && now >= copy.at) return copy;
  v1::MeetingSnapshot snapshot;
  if (view == View::whole) codec::snapshot(state, now, &snapshot);
  else copy.names = codec::public_snapshot(state, now, &snapshot);
  std::string bytes = snapshot.SerializeAsString();
  copy.seq = state.seq;
  copy.at = now;
  copy.valid = true;
  copy.message = std::make_shared<const std::string>(codec::snapshot_message(bytes));
  copy.welcome = std::make_shared<const std::string>(codec::welcome_part(bytes));
  ++built_;
  return copy;
}

Frame SnapshotShelf::message(View view, const core::MeetingState& state, core::Millis now) {
  v1::ServerMessage time;
  time.set_server_time_ms(now);
  return {fresh(view, state, now).message, std::make_shared<const std::string>(time.SerializeAsString())};
}

Bytes SnapshotShelf::welcome_part(View view, const core::MeetingState& state, core::Millis now,
                                  const std::unordered_set<std::string>** names) {
  Copy& copy = fresh(view, state, now);
  if (names) *names = &copy.names;
  return copy.welcome;
}

}  // namespace gavel::net
