// A server time (Unix ms) as this machine's local wall-clock text, for
// people: gavelctl's event lines and the projector's header clock.
#pragma once

#include <cstdint>
#include <string>

namespace gavel::client {

// `format` is strftime's, e.g. "%H:%M:%S".
std::string local_time(std::int64_t unix_ms, const char* format);

}  // namespace gavel::client
