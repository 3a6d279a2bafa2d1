#include "desk.hpp"

#include "minutes/draft.hpp"
#include "minutes/render.hpp"

namespace gavel::minutes {

namespace {
const char* extension(Format format) {
  switch (format) {
    case Format::markdown: return "md";
    case Format::html: return "html";
    case Format::pdf: return "pdf";
    case Format::csv: return "csv";
  }
  return "txt";
}
}  // namespace

core::Result<MinutesFile> export_minutes(const core::MeetingState& state, Format format, std::uint32_t version,
                                         bool draft) {
  if (state.phase == core::Phase::scheduled)
    return core::make_error(core::ErrorCode::invalid_state, "会议尚未开始，还没有纪要", "the meeting has not started: no minutes yet");
  auto doc = draft_minutes(state, version);
  if (!doc) return doc.error();
  if (doc.value().draft && !draft)
    return core::make_error(core::ErrorCode::invalid_state,
                            "第" + std::to_string(doc.value().version) + "版纪要尚未签署，只能导出标明“草稿”的版本（--draft）",
                            "version " + std::to_string(doc.value().version) +
                                " of the minutes is not signed: it can only be exported as a marked draft (--draft)");
  MinutesFile file;
  file.format = format;
  file.version = doc.value().version;
  file.draft = doc.value().draft;
  file.content_sha256 = content_sha256(doc.value());
  file.file_name = "minutes-" + state.info.date + "-v" + std::to_string(file.version) + (file.draft ? "-draft" : "") +
                   (format == Format::csv ? "-actions" : "") + "." + extension(format);
  switch (format) {
    case Format::markdown: file.content = render_markdown(doc.value()); break;
    case Format::html: file.content = render_html(doc.value()); break;
    case Format::csv: file.content = render_csv(doc.value()); break;
    case Format::pdf: {
      auto pdf = render_pdf(doc.value());
      if (!pdf) return pdf.error();
      file.content = std::move(pdf.value());
      break;
    }
  }
  return file;
}

core::Result<core::cmd::SignMinutes> signing_of(const core::MeetingState& state, std::string signed_by) {
  if (state.phase != core::Phase::ended)
    return core::make_error(core::ErrorCode::invalid_state, "会议结束后才能签署纪要", "sign the minutes after the meeting ends");
  if (state.minutes == core::MinutesState::signed_off)
    return core::make_error(core::ErrorCode::duplicate, "这一版纪要已签署；修改后才能签署新的版本",
                            "this version of the minutes is already signed; edit it to sign a new version");
  auto doc = draft_minutes(state, 0);
  if (!doc) return doc.error();
  core::cmd::SignMinutes sign;
  sign.signed_by = std::move(signed_by);
  sign.content_sha256 = content_sha256(doc.value());
  sign.head_seq = state.seq;
  return sign;
}

}  // namespace gavel::minutes
