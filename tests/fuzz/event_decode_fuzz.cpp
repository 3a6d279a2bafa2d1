// Fuzzes what replay decodes after a restart: a stored event and the stored
// meeting setup (server/gaveld/open_meeting.cpp). A decode either fails with
// a typed error or gives a value that encodes and decodes to the same bytes.
//
// Input: a byte choosing event or setup, then the protobuf message.
#include <cstdlib>

#include "codec/codec.hpp"
#include "fuzz_input.hpp"

namespace {

template <class Wire>
void check_round_trip(const Wire& wire) {
  auto decoded = gavel::codec::from_wire(wire);
  if (!decoded) {
    if (decoded.error().message_zh.empty() || decoded.error().message_en.empty()) std::abort();
    return;
  }
  Wire once, twice;
  gavel::codec::to_wire(decoded.value(), &once);
  auto again = gavel::codec::from_wire(once);
  if (!again) std::abort();  // the server wrote what it cannot read back
  gavel::codec::to_wire(again.value(), &twice);
  if (once.SerializeAsString() != twice.SerializeAsString()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  fuzz::FuzzInput input(data, size);
  bool setup = input.byte() & 1;
  auto bytes = input.rest();
  if (setup) {
    v1::MeetingSetup wire;
    if (wire.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) check_round_trip(wire);
  } else {
    v1::Event wire;
    if (wire.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) check_round_trip(wire);
  }
  return 0;
}
