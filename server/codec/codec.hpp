// Translates between the engine's types and the protobuf contract. The only
// code that knows both; the engine never sees protobuf and the wire never
// sees engine structs. Runs on whatever thread calls it (stateless).
#pragma once

#include "core/commands.hpp"
#include "core/events.hpp"
#include "core/result.hpp"
#include "core/state.hpp"
#include "gavel/v1/envelope.pb.h"

namespace gavel::codec {

// Every to_wire() and snapshot() replaces what `out` held, so callers may
// reuse one message.

// A command from a client. Fails with bad_message/invalid_argument on an
// empty oneof or values out of range (e.g. an unknown enum number, a text
// over its size limit). CastBallot::fresh_receipt is never read from the wire.
core::Result<core::Command> from_wire(const v1::Command& wire);
// The way back, for C++ clients and tests; fresh_receipt stays on the server.
void to_wire(const core::Command& command, v1::Command* out);

// Events: to the log and to clients, and back from the log on replay.
void to_wire(const core::Event& event, v1::Event* out);
core::Result<core::Event> from_wire(const v1::Event& wire);

// The meeting's setup, stored with the meeting so the log can be replayed.
// Opinions travel inside their agenda item; one for an item not on the
// agenda is dropped, as the engine would ignore it.
void to_wire(const core::MeetingSetup& setup, v1::MeetingSetup* out);
core::Result<core::MeetingSetup> from_wire(const v1::MeetingSetup& wire);

// The whole state as clients see it at `now`: timers as deadlines; an open
// secret vote shows turnout only (or its last batched live tally).
void snapshot(const core::MeetingState& state, core::Millis now, v1::MeetingSnapshot* out);

void to_wire(const core::Error& error, v1::Error* out);
// A notice that goes with an accepted command's Ack.
void to_wire(const core::Notice& notice, v1::Notice* out);
v1::Role to_wire(core::Role role);

}  // namespace gavel::codec
