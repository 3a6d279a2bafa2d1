// Finds or creates the meeting gaveld runs, and rebuilds its state by
// replaying the event log and the ballot box: after a crash, everything
// acknowledged is back, a running speech keeps its real remaining time
// (it is computed from recorded times), and an open vote is still open.
#pragma once

#include <vector>

#include "core/meeting.hpp"
#include "gaveld/options.hpp"
#include "store/meeting_store.hpp"

namespace gavel::gaveld {

struct OpenedMeeting {
  store::MeetingId id = 0;
  core::Meeting meeting;
  std::vector<store::AccessToken> tokens;
  std::vector<store::StoredEvent> tail;  // the last events, for clients that resume
  std::size_t replayed = 0;
  bool created = false;
  std::vector<std::string> notes;        // what the operator should know
};

core::Result<OpenedMeeting> open_meeting(store::MeetingStore& store, const Options& options, core::Millis now);

// Rebuilds a meeting from its latest state checkpoint (or its stored setup)
// and the events after it, and the open vote's ballots, reading only.
core::Result<core::Meeting> fold(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                 std::vector<store::StoredEvent>* tail, std::size_t* replayed);
// On start: wipes the keys of closed votes a crash left (store/vote_key.hpp),
// fold(), keeps a long fold as a checkpoint, then moves the WAL into the file.
core::Result<core::Meeting> replay(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                   std::vector<store::StoredEvent>* tail, std::size_t* replayed);

}  // namespace gavel::gaveld
