// Fuzzes what a client can send: ClientMessages decoded and handed to a real
// net::Hall, in each role, at a few moments of a meeting. The hall's own
// rules run (admission, receipts, clicker presses, minutes requests). Every
// answer must parse, every error must be typed and say it in Chinese and
// English, and a message answered only by an error must change nothing.
//
// Input: a role byte, a moment byte, then messages, each a clock step in
// seconds (one byte) and a length-prefixed ClientMessage (fuzz_input.hpp).
#include <cstdint>
#include <cstdlib>

#include "commands.hpp"
#include "example_meeting.hpp"
#include "fuzz_input.hpp"
#include "support/hall_on_one_thread.hpp"

namespace gavel::fuzz {
namespace {

// p04, p05 and p08 hold clickers relayed by base station B1.
constexpr const char* kFleet = R"({"devices":[
  {"id":"CK-0104","base":"B1","holder":"p04"},{"id":"CK-0105","base":"B1","holder":"p05"},
  {"id":"CK-0108","base":"B1","holder":"p08"}],
  "bases":[{"id":"B1","token":"base-token"}]})";

const char* token_for(std::uint8_t role) {
  switch (role % 7) {
    case 0: return "chair-token";
    case 1: return "secretary-token";
    case 2: return "p04-token";
    case 3: return "p25-token";  // invited for one item only
    case 4: return "display-token";
    case 5: return "base-token";
    default: return nullptr;  // a stranger who never says hello
  }
}

void require(bool holds) {
  if (!holds) std::abort();  // libFuzzer reports the input
}

// The meeting at one of a few moments, reached through the hall as a chair would.
void set_the_scene(test::HallOnOneThread& hall, std::uint8_t moment) {
  moment %= 5;
  if (moment == 0) return;
  auto chair = hall.welcomed("chair-token");
  auto ok = [&](const v1::Command& command) {
    auto answer = hall.call(chair, command);
    require(answer && answer->has_ack());
    return answer->ack();
  };
  ok(test::cmd::start_meeting());
  ok(test::cmd::open_item("parking"));
  for (const char* who : {"p01", "p02", "p04", "p05", "p08", "p21", "p25"}) ok(test::cmd::check_in(who));
  if (moment == 1) return;
  if (moment == 4) {
    v1::Command grant;
    grant.mutable_grant_floor()->set_participant_id("p02");
    ok(grant);
    return;
  }
  auto mover = hall.welcomed("p01-token");
  auto moved = hall.call(mover, test::cmd::propose("在东侧增设非机动车棚"));
  require(moved && moved->has_ack());
  auto seconder = hall.welcomed("p02-token");
  auto seconded = hall.call(seconder, test::cmd::second(moved->ack().created_id()));
  require(seconded && seconded->has_ack());
  ok(test::cmd::open_vote(moved->ack().created_id(), moment == 2));
}

void check_answers(const test::RecordingPeer& peer, std::size_t from) {
  require(peer.garbled == 0);
  for (std::size_t i = from; i < peer.received.size(); ++i) {
    const v1::ServerMessage& m = peer.received[i];
    if (!m.has_error()) continue;
    require(m.error().code() != v1::ERROR_CODE_UNSPECIFIED);
    require(!m.error().message_zh().empty() && !m.error().message_en().empty());
  }
}

// True when the only answers since `from` are errors.
bool only_errors(const test::RecordingPeer& peer, std::size_t from) {
  bool any = false;
  for (std::size_t i = from; i < peer.received.size(); ++i) {
    if (!peer.received[i].has_error()) return false;
    any = true;
  }
  return any;
}

}  // namespace
}  // namespace gavel::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  fuzz::FuzzInput input(data, size);
  test::HallOnOneThread hall(fuzz::example_meeting(), fuzz::kFleet);
  const char* token = fuzz::token_for(input.byte());
  fuzz::set_the_scene(hall, input.byte());
  auto peer = token ? hall.welcomed(token) : hall.connect();
  fuzz::check_answers(*peer, 0);
  while (!input.empty()) {
    hall.advance(static_cast<core::Millis>(input.byte()) * 1000);
    auto bytes = input.chunk();
    v1::ClientMessage message;
    // The session answers what does not parse; the hall never sees it.
    if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) continue;
    std::size_t before = peer->received.size();
    core::Seq seq = hall.state().seq;
    hall.send(peer, message);
    fuzz::check_answers(*peer, before);
    if (fuzz::only_errors(*peer, before)) fuzz::require(hall.state().seq == seq);
    if (peer->refused) break;  // the session would close now
  }
  return 0;
}
