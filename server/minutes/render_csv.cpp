#include "minutes/page.hpp"
#include "minutes/render.hpp"

namespace gavel::minutes {

namespace {
// RFC 4180: quote every field, double the quotes inside.
std::string quoted(const std::string& cell) {
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

std::string render_csv(const Document& doc) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : action_rows(doc)) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + quoted(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace gavel::minutes
