// Fuzzes the minutes of a fuzzed meeting: commands from any role run on the
// engine over the example meeting, then the working version and every signed
// one are exported as Markdown, HTML and CSV (and PDF when the first byte
// asks: it is a hundred times slower). Nothing may crash, and a version that
// is drafted must export.
//
// Input: a flags byte, then commands, each a role byte, a clock step in
// seconds and a length-prefixed v1::Command (fuzz_input.hpp).
#include <cstdlib>

#include "codec/codec.hpp"
#include "core/meeting.hpp"
#include "example_meeting.hpp"
#include "fuzz_input.hpp"
#include "minutes/desk.hpp"
#include "minutes/draft.hpp"

namespace gavel::fuzz {
namespace {

core::Actor actor_for(std::uint8_t role, const core::MeetingSetup& setup) {
  switch (role % 4) {
    case 0: return {core::Role::chair, ""};
    case 1: return {core::Role::secretary, ""};
    case 2: return {core::Role::display, ""};
    default: return {core::Role::participant, setup.roster[(role / 4u) % setup.roster.size()].id};
  }
}

void export_all(const core::MeetingState& state, bool pdf) {
  std::uint32_t last = minutes::working_version(state);
  for (std::uint32_t version = 0; version <= last; ++version) {
    if (!minutes::draft_minutes(state, version)) continue;
    for (auto format : {minutes::Format::markdown, minutes::Format::html, minutes::Format::csv, minutes::Format::pdf}) {
      if (format == minutes::Format::pdf && !pdf) continue;
      auto file = minutes::export_minutes(state, format, version, true);
      if (!file && (file.error().message_zh.empty() || file.error().message_en.empty())) std::abort();
    }
  }
}

}  // namespace
}  // namespace gavel::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  fuzz::FuzzInput input(data, size);
  const core::MeetingSetup& setup = fuzz::example_meeting();
  bool pdf = input.byte() == 'P';
  core::Meeting meeting(setup);
  core::Millis now = setup.info.scheduled_start;
  while (!input.empty()) {
    core::Actor actor = fuzz::actor_for(input.byte(), setup);
    now += static_cast<core::Millis>(input.byte()) * 1000;
    auto bytes = input.chunk();
    v1::Command wire;
    if (!wire.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) continue;
    auto command = codec::from_wire(wire);
    if (!command) continue;
    // Signing as the hall does it: the server fills in what is signed.
    if (auto* sign = std::get_if<core::cmd::SignMinutes>(&command.value())) {
      auto prepared = minutes::signing_of(meeting.state(), sign->signed_by);
      if (!prepared) continue;
      command.value() = std::move(prepared.value());
    }
    (void)meeting.handle(command.value(), actor, now);
  }
  fuzz::export_all(meeting.state(), pdf);
  return 0;
}
