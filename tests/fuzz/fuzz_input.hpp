// Reads a fuzzer's bytes as a few choices and a run of length-prefixed
// chunks (a little-endian u16 length, then that many bytes), so the seeds
// can be real protobuf messages and the fuzzer still mutates freely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gavel::fuzz {

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  bool empty() const { return rest_.empty(); }
  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  // The next chunk; at the end, whatever is left.
  std::string_view chunk() {
    std::size_t length = byte();
    length |= static_cast<std::size_t>(byte()) << 8;
    std::string_view out = rest_.substr(0, length);
    rest_.remove_prefix(out.size());
    return out;
  }
  std::string_view rest() {
    std::string_view out = rest_;
    rest_ = {};
    return out;
  }

  // The way back, for writing seeds.
  static std::string framed(std::string_view chunk) {
    std::string out;
    out += static_cast<char>(chunk.size() & 0xff);
    out += static_cast<char>((chunk.size() >> 8) & 0xff);
    out += chunk;
    return out;
  }

 private:
  std::string_view rest_;
};

}  // namespace gavel::fuzz
