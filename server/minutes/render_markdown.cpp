#include <sstream>

#include "minutes/page.hpp"
#include "minutes/render.hpp"

namespace gavel::minutes {

namespace {

// Escapes what Markdown would read as markup in recorded text.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '#' || c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

// Keeps the record's line breaks (hard breaks) and drops empty lines at the ends.
std::string lines_of(const std::string& text) {
  std::string out, line;
  std::istringstream in(text);
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (i > first) out += lines[i - 1].empty() || lines[i].empty() ? "\n" : "\\\n";
    out += escaped(lines[i]);
  }
  return out;
}

}  // namespace

std::string render_markdown(const Document& doc) {
  Page page = page_of(doc);
  std::string out;
  bool in_list = false;
  auto end_list = [&] {
    if (in_list) out += "\n";
    in_list = false;
  };
  for (const Block& b : page.blocks) {
    switch (b.kind) {
      case BlockKind::title: out += "# " + escaped(b.text) + "\n\n"; break;
      case BlockKind::draft_mark: out += "> **" + b.text + "**\n\n"; break;
      case BlockKind::field:
        end_list();
        out += "**" + b.label + "**：" + lines_of(b.text) + "\\\n";
        break;
      case BlockKind::heading:
        end_list();
        if (out.ends_with("\\\n")) out.replace(out.size() - 2, 2, "\n");
        while (out.ends_with("\n\n")) out.pop_back();
        out += "\n## " + b.label + escaped(b.text) + "\n\n";
        break;
      case BlockKind::section:
        end_list();
        if (out.ends_with("\\\n")) out.replace(out.size() - 2, 2, "\n\n");
        out += "### " + escaped(b.text) + "\n\n";
        break;
      case BlockKind::paragraph: out += lines_of(b.text) + "\n\n"; break;
      case BlockKind::entry:
        in_list = true;
        out += b.label + " " + lines_of(b.text) + "\n";
        break;
      case BlockKind::detail:
        out += (in_list ? "   - " : "") + lines_of(b.text) + (in_list ? "\n" : "\n\n");
        break;
      case BlockKind::note:
        out += (in_list ? "   - " : "") + std::string("〔") + b.label + "〕" + lines_of(b.text) +
               (in_list ? "\n" : "\n\n");
        break;
      case BlockKind::table: {
        end_list();
        bool head = true;
        for (const auto& row : b.rows) {
          out += "|";
          for (const std::string& cell : row) out += " " + escaped(cell) + " |";
          out += "\n";
          if (head) {
            out += "|";
            for (std::size_t i = 0; i < row.size(); ++i) out += "---|";
            out += "\n";
          }
          head = false;
        }
        out += "\n";
        break;
      }
      case BlockKind::seal:
        end_list();
        out += lines_of(b.text) + "\\\n";
        break;
    }
  }
  while (out.ends_with("\\\n") || out.ends_with("\n\n")) out.erase(out.size() - 2, 1);
  if (!out.ends_with("\n")) out += "\n";
  return out;
}

}  // namespace gavel::minutes
