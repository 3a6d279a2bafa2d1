#include "read_back.hpp"

#include "gaveld/open_meeting.hpp"

namespace gavel::gaveld {

core::Result<core::Meeting> read_back(const std::filesystem::path& database) {
  auto reader = store::MeetingStore::open_read_only(database);
  if (!reader) return reader.error();
  auto active = reader.value().active_meeting();
  if (!active) return active.error();
  if (!active.value())
    return core::make_error(core::ErrorCode::internal, "记录中没有进行中的会议", "the record holds no running meeting");
  return fold(reader.value(), active.value()->id, active.value()->setup, nullptr, nullptr);
}

}  // namespace gavel::gaveld
