// The wire the hall sends besides the engine's own types: its replies, the
// log's event bodies read back, and the lighter views that phones and the
// projector get in a hall of thousands. Stateless, like the rest of the codec.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"
#include "core/state.hpp"
#include "gavel/v1/envelope.pb.h"

namespace gavel::codec {

// A ServerMessage carrying `error`, serialized: the one way every part of
// the server builds an error reply (the hall, the WebSocket session).
std::string error_reply(std::uint64_t request_id, const core::Error& error, core::Millis now);

// An event body as the log stores it (a serialized v1::Event), read back.
core::Result<v1::Event> logged_event(std::string_view body);
// The same, decoded into the engine's event, for replay.
core::Result<core::Event> replayed_event(std::string_view body);

// The snapshot with a partial roster (roster_partial), and results without
// their receipts where there are many (trim_receipts): only the people the
// state names by id (the queue, speakers, movers, seconders, dissent).
// Returns the ids it holds.
std::unordered_set<std::string> public_snapshot(const core::MeetingState& state, core::Millis now,
                                                v1::MeetingSnapshot* out);
void roster_entry(const core::Member& member, v1::Participant* out);
// Everyone the state names by id: who is on the list or has spoken, moved,
// seconded or recorded a dissent. A partial roster holds these.
std::unordered_set<std::string> people_named(const core::MeetingState& state);
void attendance(const core::MeetingState& state, v1::Attendance* out);

// A serialized MeetingSnapshot inside a ServerMessage, without parsing it
// again: as a `snapshot` message, or as the shared first part of a welcome
// (ServerMessage.welcome.snapshot) that each peer's own part completes.
std::string snapshot_message(std::string_view snapshot);
std::string welcome_part(std::string_view snapshot);

// The participants an event names by id (not its actor), for the roster
// entries a phone's batch brings along.
std::vector<std::string_view> people_in(const v1::Event& event);

// Receipts a phone is sent with a result; beyond this, it asks for its own
// (receipts_beginning). 256 lines are about 10 KB.
constexpr int kReceiptsSentToPhones = 256;

// A phone's copy of an event that names the whole hall (a vote's eligible
// list, 10,000 names for every phone; a large vote's published receipts):
// the count without the names. Null when phones get the event as it is.
std::shared_ptr<const v1::Event> phone_copy(const v1::Event& event);

// Leaves out a result's receipts when there are more than phones are sent.
void trim_receipts(v1::VoteResult* result);

// The published receipts of closed vote `vote_id` that begin with
// `prefix`, or a typed error (no such closed vote; a prefix that is not
// 0-2 lowercase hex characters).
core::Result<v1::Receipts> receipts_beginning(const core::MeetingState& state, std::uint64_t vote_id,
                                              const std::string& prefix);

// The part a phone's batch (or welcome) appends for its own participant:
// `votes`, those opened in the batch that it may vote in. Null when none.
std::shared_ptr<const std::string> eligibility_part(const std::vector<std::uint64_t>& votes);
// The same with the participant's own events, which then follow the shared
// part's events whatever their seqs.
std::shared_ptr<const std::string> own_part(const std::vector<const v1::Event*>& events,
                                            const std::vector<std::uint64_t>& votes);

}  // namespace gavel::codec
