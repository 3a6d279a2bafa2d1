// The hall's minutes desk: files of the minutes for the chair and the
// secretary, and the preparation of a signature (draft, hash, seal) before the
// engine records it. On the hall's strand. Rendering a PDF takes a few
// hundred milliseconds of this strand; exports are rare and officers only.
#include "codec/codec.hpp"
#include "minutes/desk.hpp"
#include "net/hall.hpp"
#include "net/log.hpp"

namespace gavel::net {

namespace {
std::optional<minutes::Format> format_of(v1::MinutesFormat format) {
  switch (format) {
    case v1::MINUTES_FORMAT_MARKDOWN: return minutes::Format::markdown;
    case v1::MINUTES_FORMAT_HTML: return minutes::Format::html;
    case v1::MINUTES_FORMAT_PDF: return minutes::Format::pdf;
    case v1::MINUTES_FORMAT_CSV: return minutes::Format::csv;
    default: return std::nullopt;
  }
}
}  // namespace

void Hall::minutes_request(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                           const v1::MinutesRequest& request) {
  if (guest.role != core::Role::chair && guest.role != core::Role::secretary)
    return send_error(peer, request_id,
                      core::make_error(core::ErrorCode::not_allowed, "只有主持人和记录员可以导出纪要",
                                       "only the chair and the secretary may export the minutes"));
  if (request.format() == v1::MINUTES_FORMAT_RECORD_JSON) return record_file(peer, guest, request_id);
  auto format = format_of(request.format());
  if (!format)
    return send_error(peer, request_id,
                      core::make_error(core::ErrorCode::invalid_argument, "纪要格式无效（md、html、pdf、csv）",
                                       "unknown minutes format (md, html, pdf, csv)"));
  auto file = minutes::export_minutes(meeting_.state(), *format, request.version(), request.draft());
  store::Commit audit;
  audit.audit.push_back(store::AuditEntry{clock_(), role_name(guest.role), guest.participant_id, guest.client_name,
                                          "export_minutes", file ? "ok" : v1::ErrorCode_Name(static_cast<v1::ErrorCode>(file.error().code)),
                                          meeting_.state().seq});
  after_durable(std::move(audit), [] {});
  if (!file) return send_error(peer, request_id, file.error());
  log_line("minutes v" + std::to_string(file.value().version) + (file.value().draft ? " draft" : "") + " " +
           file.value().file_name + " for " + role_name(guest.role));
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  v1::MinutesFile* out = reply.mutable_minutes_file();
  out->set_format(request.format());
  out->set_version(file.value().version);
  out->set_draft(file.value().draft);
  out->set_content(std::move(file.value().content));
  out->set_file_name(file.value().file_name);
  out->set_content_sha256(file.value().content_sha256);
  send(peer, reply);
}

void Hall::record_file(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id) {
  auto json = export_record_ ? export_record_()
                             : core::Result<std::string>(core::make_error(core::ErrorCode::not_found, "此服务器不提供记录导出",
                                                                          "this server has no record export"));
  store::Commit audit;
  audit.audit.push_back(store::AuditEntry{clock_(), role_name(guest.role), guest.participant_id, guest.client_name,
                                          "export_record", json ? "ok" : v1::ErrorCode_Name(static_cast<v1::ErrorCode>(json.error().code)),
                                          meeting_.state().seq});
  after_durable(std::move(audit), [] {});
  if (!json) return send_error(peer, request_id, json.error());
  v1::ServerMessage reply;
  reply.set_request_id(request_id);
  v1::MinutesFile* out = reply.mutable_minutes_file();
  out->set_format(v1::MINUTES_FORMAT_RECORD_JSON);
  const core::MeetingState& state = meeting_.state();
  out->set_file_name("record-" + (state.info.date.empty() ? std::string("meeting") : state.info.date) + ".json");
  out->set_content(std::move(json.value()));
  send(peer, reply);
}

core::Result<core::Command> Hall::with_minutes_seal(const Guest& guest, core::Command command) const {
  auto* sign = std::get_if<core::cmd::SignMinutes>(&command);
  // Others are refused by the engine's permission table, with its words.
  if (!sign || guest.role != core::Role::secretary) return command;
  auto prepared = minutes::signing_of(meeting_.state(), sign->signed_by);
  if (!prepared) return prepared.error();
  if (seal_minutes_) seal_minutes_(prepared.value());
  return core::Command{std::move(prepared.value())};
}

}  // namespace gavel::net
