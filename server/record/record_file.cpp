#include "record_file.hpp"

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <sstream>

namespace gavel::record {

namespace {
core::Error unreadable(const std::string& zh, const std::string& en) {
  return core::make_error(core::ErrorCode::invalid_argument, zh, en);
}
}  // namespace

core::Result<v1::RecordExport> read_record(store::MeetingStore& store, std::optional<store::MeetingId> only) {
  auto meetings = store.meetings();
  if (!meetings) return meetings.error();
  v1::RecordExport out;
  out.set_format(kFormat);
  for (const store::MeetingRecord& m : meetings.value()) {
    if (only && m.id != *only) continue;
    v1::MeetingRecord* meeting = out.add_meetings();
    meeting->set_id(m.id);
    meeting->set_title(m.title);
    meeting->set_created_ms(m.created);
    meeting->set_archived(m.archived);
    meeting->set_setup(m.setup);
    (void)meeting->mutable_setup_decoded()->ParseFromString(m.setup);
    auto ok = store.for_each_event(m.id, 0, [&](store::StoredEvent&& e) -> core::Status {
      v1::ChainedEvent* event = meeting->add_events();
      event->set_seq(e.seq);
      event->set_at_ms(e.at);
      event->set_kind(e.kind);
      event->set_actor(e.actor);
      (void)event->mutable_event()->ParseFromString(e.body);
      event->set_body(std::move(e.body));
      event->set_prev_hash(std::move(e.prev_hash));
      event->set_hash(std::move(e.hash));
      return core::Ok{};
    });
    if (!ok) return ok.error();
    auto checkpoints = store.checkpoints(m.id);
    if (!checkpoints) return checkpoints.error();
    for (const store::StoredCheckpoint& c : checkpoints.value()) {
      v1::SignedCheckpoint* checkpoint = meeting->add_checkpoints();
      checkpoint->set_size(c.size);
      checkpoint->set_note(c.note);
      checkpoint->set_verifier_key(c.verifier_key);
    }
  }
  if (only && out.meetings().empty())
    return core::make_error(core::ErrorCode::not_found, "没有编号为 " + std::to_string(*only) + " 的会议",
                            "no meeting number " + std::to_string(*only));
  return out;
}

std::string to_json(const v1::RecordExport& record) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(record, &json, options);
  return json;
}

core::Result<v1::RecordExport> from_json(std::string_view json) {
  v1::RecordExport record;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &record, options);
  if (!status.ok()) {
    std::string detail(status.message());
    return unreadable("导出文件已损坏或不是 Gavel 记录（" + detail + "）",
                      "the export is damaged or not a Gavel record (" + detail + ")");
  }
  if (record.format() != kFormat)
    return unreadable("导出文件格式不是 " + std::string(kFormat) + "：“" + record.format() + "”",
                      "the export's format is not " + std::string(kFormat) + ": \"" + record.format() + "\"");
  return record;
}

bool is_database(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == sizeof header && std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

core::Result<v1::RecordExport> load_record(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return core::make_error(core::ErrorCode::not_found, "无法打开 " + file.string(), "cannot open " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  const std::string bytes = text.str();
  constexpr std::string_view kSqlite("SQLite format 3\0", 16);
  if (std::string_view(bytes).substr(0, kSqlite.size()) == kSqlite) {
    auto store = store::MeetingStore::open_read_only(file);
    if (!store) return store.error();
    return read_record(store.value());
  }
  return from_json(bytes);
}

}  // namespace gavel::record
