#include "codec/views.hpp"

#include <algorithm>

#include "codec/codec.hpp"

namespace gavel::codec {

std::string error_reply(std::uint64_t request_id, const core::Error& error, core::Millis now) {
  v1::ServerMessage message;
  message.set_request_id(request_id);
  message.set_server_time_ms(now);
  to_wire(error, message.mutable_error());
  return message.SerializeAsString();
}

core::Result<v1::Event> logged_event(std::string_view body) {
  v1::Event event;
  if (!event.ParseFromArray(body.data(), static_cast<int>(body.size())))
    return core::make_error(core::ErrorCode::internal, "数据库内容损坏：无法读取事件",
                            "the database is damaged: an event cannot be read");
  return event;
}

core::Result<core::Event> replayed_event(std::string_view body) {
  auto wire = logged_event(body);
  if (!wire) return wire.error();
  return from_wire(wire.value());
}

namespace {
// A length-delimited field: its tag, the length as a varint, the bytes.
std::string field(int number, std::string_view bytes) {
  std::string out;
  auto varint = [&out](std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  };
  varint((static_cast<std::uint64_t>(number) << 3) | 2);
  varint(bytes.size());
  out.append(bytes);
  return out;
}
}  // namespace

std::string snapshot_message(std::string_view snapshot) {
  return field(v1::ServerMessage::kSnapshotFieldNumber, snapshot);
}

std::string welcome_part(std::string_view snapshot) {
  return field(v1::ServerMessage::kWelcomeFieldNumber, field(v1::Welcome::kSnapshotFieldNumber, snapshot));
}

std::vector<std::string_view> people_in(const v1::Event& event) {
  switch (event.body_case()) {
    case v1::Event::kCheckedIn: return {event.checked_in().participant_id()};
    case v1::Event::kCheckedOut: return {event.checked_out().participant_id()};
    case v1::Event::kInterestDeclared: return {event.interest_declared().participant_id()};
    case v1::Event::kFloorRequested: return {event.floor_requested().participant_id()};
    case v1::Event::kSpeechStarted: return {event.speech_started().participant_id()};
    case v1::Event::kDissentRecorded: return {event.dissent_recorded().participant_id()};
    case v1::Event::kMotionProposed: return {event.motion_proposed().mover_id()};
    case v1::Event::kMotionSeconded: return {event.motion_seconded().seconder_id()};
    case v1::Event::kBallotRecorded: return {event.ballot_recorded().participant_id()};
    default: return {};
  }
}

std::shared_ptr<const v1::Event> phone_copy(const v1::Event& event) {
  if (event.has_vote_opened()) {
    auto copy = std::make_shared<v1::Event>(event);
    v1::VoteOpened* opened = copy->mutable_vote_opened();
    opened->set_eligible_count(static_cast<std::uint32_t>(opened->eligible_size()));
    opened->clear_eligible();
    return copy;
  }
  if (event.has_vote_closed() && event.vote_closed().result().receipts_published_size() > kReceiptsSentToPhones) {
    auto copy = std::make_shared<v1::Event>(event);
    trim_receipts(copy->mutable_vote_closed()->mutable_result());
    return copy;
  }
  return nullptr;
}

void trim_receipts(v1::VoteResult* result) {
  if (result->receipts_published_size() <= kReceiptsSentToPhones) return;
  result->set_receipts_count(static_cast<std::uint32_t>(result->receipts_published_size()));
  result->clear_receipts_published();
}

core::Result<v1::Receipts> receipts_beginning(const core::MeetingState& state, std::uint64_t vote_id,
                                              const std::string& prefix) {
  bool hex = prefix.size() <= 2 && std::all_of(prefix.begin(), prefix.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
             });
  if (!hex)
    return core::make_error(core::ErrorCode::bad_message, "回执前缀须为 0 到 2 位小写十六进制字符",
                            "a receipt prefix is 0 to 2 lowercase hex characters");
  auto vote = std::find_if(state.votes.begin(), state.votes.end(), [&](const core::Vote& v) { return v.id == vote_id; });
  if (vote == state.votes.end() || !vote->result)
    return core::make_error(core::ErrorCode::not_found, "没有这次已结束的表决", "no such closed vote");
  v1::Receipts out;
  out.set_vote_id(vote_id);
  out.set_prefix(prefix);
  const auto& lines = vote->result->receipts_published;
  out.set_total(static_cast<std::uint32_t>(lines.size()));
  for (std::string_view line : lines)
    if (line.starts_with(prefix)) out.add_lines(line.data(), line.size());
  return out;
}

std::shared_ptr<const std::string> eligibility_part(const std::vector<std::uint64_t>& votes) {
  return own_part({}, votes);
}

std::shared_ptr<const std::string> own_part(const std::vector<const v1::Event*>& events,
                                            const std::vector<std::uint64_t>& votes) {
  if (events.empty() && votes.empty()) return nullptr;
  v1::ServerMessage part;
  for (const v1::Event* event : events) *part.mutable_events()->add_events() = *event;
  for (std::uint64_t vote : votes) part.mutable_events()->add_eligible_votes(vote);
  return std::make_shared<const std::string>(part.SerializeAsString());
}

}  // namespace gavel::codec
