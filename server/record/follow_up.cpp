#include "follow_up.hpp"

#include <future>

#include "codec/codec.hpp"
#include "record/record_file.hpp"
#include "record/replay.hpp"
#include "store/log_writer.hpp"

namespace gavel::record {

core::Result<FollowedUp> follow_up(const std::filesystem::path& database, store::MeetingId meeting,
                                   const core::cmd::UpdateResolution& update, const std::string& client,
                                   core::Millis now) {
  const std::string m = std::to_string(meeting);
  // Opening for writing would create a missing database.
  if (!std::filesystem::is_regular_file(database))
    return core::make_error(core::ErrorCode::not_found, "找不到数据库文件：" + database.string(),
                            "no database file at " + database.string());
  auto store = store::MeetingStore::open(database);
  if (!store) return store.error();
  auto archived = store.value().archived_meetings();
  if (!archived) return archived.error();
  bool is_archived = false;
  for (const store::MeetingRecord& r : archived.value()) is_archived = is_archived || r.id == meeting;
  if (!is_archived) {
    auto active = store.value().active_meeting();
    if (!active) return active.error();
    if (active.value() && active.value()->id == meeting)
      return core::make_error(core::ErrorCode::invalid_state,
                              "会议 " + m + " 是 gaveld 正在进行的会议：请不带 --meeting，通过 gaveld 更新决议状态",
                              "meeting " + m + " is the one gaveld runs: update it through gaveld, without --meeting");
    return core::make_error(core::ErrorCode::not_found, "档案库中没有会议 " + m + "（见 gavelctl archive list）",
                            "no meeting " + m + " in the archive (see gavelctl archive list)");
  }
  auto record = read_record(store.value(), meeting);
  if (!record) return record.error();
  auto folded = meeting_of(record.value().meetings(0));
  if (!folded) return folded.error();
  core::Meeting& engine = folded.value();
  auto decided = engine.handle(core::Command{update}, core::Actor{core::Role::secretary, ""}, now);
  if (!decided) return decided.error();

  store::Commit commit;
  for (const core::Event& event : decided.value().events) {
    v1::Event wire;
    codec::to_wire(event, &wire);
    commit.events.push_back({event.seq, event.at, core::event_name(event.body), event.actor, wire.SerializeAsString()});
  }
  commit.audit.push_back({now, "secretary", "", client, "update_resolution", "ok", engine.state().seq});
  std::promise<core::Status> written;
  auto done = written.get_future();
  {
    store::LogWriter writer(std::move(store.value()), meeting);
    writer.submit(std::move(commit), [&written](const core::Status& status) { written.set_value(status); });
  }  // the writer stops once the commit is durable
  if (auto status = done.get(); !status) return status.error();
  return FollowedUp{engine.state().seq, record.value().meetings(0).title()};
}

}  // namespace gavel::record
