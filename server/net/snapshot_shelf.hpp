// Serialized snapshots, one per view and seq, shared by every peer that
// needs one: the welcomes of a reconnect storm, the projectors at each tick,
// the peers catching up. A copy is rebuilt when the state moved on or after
// a second (its speech timers count from when it was built). Runs on the
// hall's strand.
#pragma once

#include <string>
#include <unordered_set>

#include "core/state.hpp"
#include "net/peer.hpp"

namespace gavel::net {

enum class View {
  whole,    // the chair and the secretary: the whole roster
  partial,  // phones and the projector: only the people the state names
};

class SnapshotShelf {
 public:
  static constexpr core::Millis kMaxAge = 1000;

  // A ServerMessage with the snapshot, and the server's time now.
  Frame message(View view, const core::MeetingState& state, core::Millis now);
  // The shared first part of a welcome (its snapshot); the peer's own part
  // follows it. `names` (may be null) receives the ids a partial roster holds.
  Bytes welcome_part(View view, const core::MeetingState& state, core::Millis now,
                     const std::unordered_set<std::string>** names = nullptr);
  // The state was rebuilt from the record: a copy at the same seq may differ.
  void forget() {
    for (Copy& copy : copies_) copy.valid = false;
  }
  // How many snapshots were serialized so far (for tests).
  std::size_t built() const { return built_; }

 private:
  struct Copy {
    core::Seq seq = 0;
    core::Millis at = 0;
    bool valid = false;
    Bytes message;
    Bytes welcome;
    std::unordered_set<std::string> names;
  };
  Copy& fresh(View view, const core::MeetingState& state, core::Millis now);

  Copy copies_[2];
  std::size_t built_ = 0;
};

}  // namespace gavel::net
