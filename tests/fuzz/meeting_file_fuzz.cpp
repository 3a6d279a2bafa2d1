// Fuzzes the meeting file: a TOML text and a roster CSV read into a
// MeetingSetup. A mistake must be a typed error naming it in Chinese and
// English; a setup that reads must survive the wire, as gaveld stores it
// and replays it after every restart.
//
// Input: a length-prefixed TOML text, then the CSV text (fuzz_input.hpp).
#include <cstdlib>

#include "codec/codec.hpp"
#include "fuzz_input.hpp"
#include "meeting_file/meeting_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  fuzz::FuzzInput input(data, size);
  auto toml = input.chunk();
  auto csv = input.rest();
  auto setup = meeting_file::parse(toml, csv, "meeting.toml", "roster.csv");
  if (!setup) {
    if (setup.error().message_zh.empty() || setup.error().message_en.empty()) std::abort();
    return 0;
  }
  v1::MeetingSetup wire;
  codec::to_wire(setup.value(), &wire);
  v1::MeetingSetup stored;
  if (!stored.ParseFromString(wire.SerializeAsString())) std::abort();
  if (!codec::from_wire(stored)) std::abort();  // a meeting gaveld could start but never restart
  return 0;
}
