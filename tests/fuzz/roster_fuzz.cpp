// Fuzzes the roster CSV alone, against the example meeting's agenda (which
// invited members' items must name): any text gives participants or a typed
// error in Chinese and English.
#include <cstdlib>

#include "example_meeting.hpp"
#include "meeting_file/roster_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gavel;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto roster = meeting_file::read_roster_csv(text, "roster.csv", fuzz::example_meeting().agenda);
  if (!roster && (roster.error().message_zh.empty() || roster.error().message_en.empty())) std::abort();
  return 0;
}
