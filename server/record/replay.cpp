#include "replay.hpp"

#include "codec/codec.hpp"

namespace gavel::record {

namespace {
core::Error damaged(std::int64_t meeting, const std::string& what) {
  const std::string m = std::to_string(meeting);
  return core::make_error(core::ErrorCode::internal, "会议 " + m + " 的记录损坏：" + what,
                          "the record of meeting " + m + " is damaged: " + what);
}
}  // namespace

core::Result<core::Meeting> meeting_of(const v1::MeetingRecord& record) {
  v1::MeetingSetup wire_setup;
  if (!wire_setup.ParseFromString(record.setup())) return damaged(record.id(), "setup");
  auto setup = codec::from_wire(wire_setup);
  if (!setup) return setup.error();
  core::Meeting meeting(setup.value());
  for (const v1::ChainedEvent& chained : record.events()) {
    v1::Event wire;
    if (!wire.ParseFromString(chained.body())) return damaged(record.id(), "event " + std::to_string(chained.seq()));
    auto event = codec::from_wire(wire);
    if (!event) return event.error();
    if (event.value().seq != meeting.state().seq + 1)
      return damaged(record.id(), "gap before event " + std::to_string(chained.seq()));
    meeting.apply(event.value());
  }
  return meeting;
}

}  // namespace gavel::record
