// The hall's minutes desk: files of the minutes for the chair and the
// secretary, and the preparation of a signature (draft, hash, seal) before the
// engine records it. The request is checked on the hall's strand; the file is
// made by the MinutesPrinter's worker from a copy of the state (a PDF takes
// a few hundred milliseconds, the record's JSON reads the database), and the
// answer is sent back on the strand, so acknowledgements never wait for it.
#include <openssl/evp.h>

#include "codec/codec.hpp"
#include "minutes/desk.hpp"
#include "net/hall.hpp"
#include "net/log.hpp"
#include "net/minutes_printer.hpp"

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

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

// The whole record of the meeting (docs/record.md), which verify checks: the
// JSON "minutes" are the record itself, so there is no draft of them.
MinutesPrinter::Job record_job(Hall::RecordReader reader, std::string date, std::uint32_t version) {
  return [reader = std::move(reader), date = std::move(date), version]() -> core::Result<minutes::MinutesFile> {
    auto json = reader();
    if (!json) return json.error();
    minutes::MinutesFile file;
    file.version = version;
    file.content = std::move(json.value());
    file.content_sha256 = sha256_hex(file.content);
    file.file_name = "record-" + date + ".json";
    return file;
  };
}
}  // namespace

void Hall::minutes_request(const std::shared_ptr<Peer>& peer, const Guest& guest, std::uint64_t request_id,
                           const v1::MinutesRequest& request) {
  if (guest.role != core::Role::chair && guest.role != core::Role::secretary)
    return send_error(peer, request_id,
                      core::make_error(core::ErrorCode::not_allowed, "只有主持人和记录员可以导出纪要",
                                       "only the chair and the secretary may export the minutes"));
  const bool json = request.format() == v1::MINUTES_FORMAT_JSON;
  auto format = format_of(request.format());
  if (!format && !json)
    return send_error(peer, request_id,
                      core::make_error(core::ErrorCode::invalid_argument, "纪要格式无效（md、html、pdf、csv、json）",
                                       "unknown minutes format (md, html, pdf, csv, json)"));
  const core::MeetingState& state = meeting_.state();
  MinutesPrinter::Job job;
  if (json) {
    if (!read_record_)
      return send_error(peer, request_id,
                        core::make_error(core::ErrorCode::invalid_state, "此服务器不提供记录导出",
                                         "this server does not export the record"));
    if (state.phase == core::Phase::scheduled)
      return send_error(peer, request_id,
                        core::make_error(core::ErrorCode::invalid_state, "会议尚未开始，还没有记录",
                                         "the meeting has not started: no record yet"));
    job = record_job(read_record_, state.info.date, static_cast<std::uint32_t>(state.minutes_versions.size()));
  } else {
    job = [state, format = *format, version = request.version(), draft = request.draft()] {
      return minutes::export_minutes(state, format, version, draft);
    };
  }
  if (!printer_) printer_ = std::make_unique<MinutesPrinter>(post_);
  std::weak_ptr<Hall> weak_hall = weak_from_this();
  std::weak_ptr<Peer> weak_peer = peer;
  const core::Seq seq = state.seq;
  printer_->print(std::move(job), [weak_hall, weak_peer, guest, request_id, request, seq](
                                      core::Result<minutes::MinutesFile> file) {
    auto hall = weak_hall.lock();
    if (!hall) return;
    hall->minutes_ready(weak_peer, guest, request_id, request, seq, std::move(file));
  });
}

void Hall::minutes_ready(const std::weak_ptr<Peer>& weak_peer, const Guest& guest, std::uint64_t request_id,
                         const v1::MinutesRequest& request, core::Seq seq, core::Result<minutes::MinutesFile> file) {
  if (durability_.open()) {
    store::Commit audit;
    audit.audit.push_back(store::AuditEntry{clock_(), role_name(guest.role), guest.participant_id, guest.client_name,
                                            request.format() == v1::MINUTES_FORMAT_JSON ? "export_record" : "export_minutes",
                                            file ? "ok" : v1::ErrorCode_Name(static_cast<v1::ErrorCode>(file.error().code)),
                                            seq});
    after_durable(std::move(audit), [] {});
  }
  auto peer = weak_peer.lock();
  if (!peer) return;
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
