#include "diagnostic.hpp"

namespace gavel::meeting_file {

namespace {
std::string prefix(const Location& at) {
  std::string out(at.file);
  if (at.line != 0) out += ":" + std::to_string(at.line);
  out += ": ";
  if (!at.field.empty()) out += at.field + ": ";
  return out;
}
}  // namespace

core::Error invalid_at(const Location& at, std::string_view zh, std::string_view en) {
  const std::string where = prefix(at);
  return core::make_error(core::ErrorCode::invalid_argument, where + std::string(zh),
                          where + std::string(en));
}

std::string in_quotes(std::string_view value) { return "\"" + std::string(value) + "\""; }

}  // namespace gavel::meeting_file
