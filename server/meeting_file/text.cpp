#include "text.hpp"

namespace gavel::meeting_file {

namespace {
constexpr std::string_view kBlank = " \t\r\n";
constexpr std::string_view kFullWidthSemicolon = "\xEF\xBC\x9B";  // U+FF1B

bool is_ascii_control_or_space(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}
}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlank);
  return text.substr(first, last - first + 1);
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (is_ascii_control_or_space(c) || c == ',' || c == ';') return false;
  return id.find(kFullWidthSemicolon) == std::string_view::npos;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> parts;
  while (!cell.empty()) {
    std::size_t end = cell.size();
    std::size_t separator_size = 0;
    if (const auto ascii = cell.find(';'); ascii != std::string_view::npos) {
      end = ascii;
      separator_size = 1;
    }
    if (const auto wide = cell.find(kFullWidthSemicolon); wide < end) {
      end = wide;
      separator_size = kFullWidthSemicolon.size();
    }
    if (const auto part = trim(cell.substr(0, end)); !part.empty()) parts.emplace_back(part);
    cell.remove_prefix(end == cell.size() ? end : end + separator_size);
  }
  return parts;
}

}  // namespace gavel::meeting_file
