#include <sstream>

#include "minutes/page.hpp"
#include "minutes/render.hpp"

namespace gavel::minutes {

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Prose keeps its line breaks.
std::string with_breaks(const std::string& text) {
  std::string out, line;
  std::istringstream in(text);
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<br>\n" : "") + escaped(lines[i]);
  return out;
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; font-size: 16pt; line-height: 1.75; color: #111; }
body { max-width: 156mm; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 22pt; text-align: center; font-weight: bold; margin: 0 0 1em; }
h2 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; margin: 1.2em 0 .4em; }
h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; margin: .6em 0 .2em 2em; }
p { margin: 0 0 .3em; text-indent: 2em; }
.field { text-indent: 0; padding-left: calc(2em + var(--label) * 1em + 1em); }
.field b { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: normal; margin-left: calc(-1 * (var(--label) * 1em + 1em)); }
.draft { text-align: center; color: #b00; font-weight: bold; border: 2px solid #b00; padding: .2em; text-indent: 0; }
ol { margin: 0 0 .4em 2em; padding-left: 1.5em; }
ol ul { list-style: none; padding-left: 0; margin: 0; }
.note { color: #444; }
table { border-collapse: collapse; width: 100%; font-size: 14pt; }
th, td { border: 1px solid #333; padding: .2em .4em; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
.seal { text-indent: 0; font-size: 12pt; word-break: break-all; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  .draft { position: fixed; top: 0; left: 0; right: 0; }
}
)";

}  // namespace

std::string render_html(const Document& doc) {
  Page page = page_of(doc);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escaped(page.running_head) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  bool in_list = false, in_details = false;
  auto close_details = [&] {
    if (in_details) out += "</ul>";
    in_details = false;
  };
  auto close_list = [&] {
    close_details();
    if (in_list) out += "</li>\n</ol>\n";
    in_list = false;
  };
  for (const Block& b : page.blocks) {
    switch (b.kind) {
      case BlockKind::title: out += "<h1>" + escaped(b.text) + "</h1>\n"; break;
      case BlockKind::draft_mark: out += "<p class=\"draft\">" + escaped(b.text) + "</p>\n"; break;
      case BlockKind::field: {
        close_list();
        // The label's width in characters, so wrapped lines align after the colon.
        std::size_t chars = 0;
        for (char c : b.label) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        out += "<p class=\"field\" style=\"--label:" + std::to_string(chars) + "\"><b>" + escaped(b.label) +
               "：</b>" + with_breaks(b.text) + "</p>\n";
        break;
      }
      case BlockKind::heading: close_list(); out += "<h2>" + escaped(b.label + b.text) + "</h2>\n"; break;
      case BlockKind::section: close_list(); out += "<h3>" + escaped(b.text) + "</h3>\n"; break;
      case BlockKind::paragraph: close_list(); out += "<p>" + with_breaks(b.text) + "</p>\n"; break;
      case BlockKind::entry:
        close_details();
        out += in_list ? "</li>\n<li>" : "<ol>\n<li>";
        in_list = true;
        out += with_breaks(b.text);
        break;
      case BlockKind::detail:
      case BlockKind::note: {
        std::string text = b.kind == BlockKind::note ? "〔" + b.label + "〕" + b.text : b.text;
        std::string cls = b.kind == BlockKind::note ? " class=\"note\"" : "";
        if (!in_list) {
          out += "<p" + cls + ">" + with_breaks(text) + "</p>\n";
          break;
        }
        if (!in_details) out += "<ul>";
        in_details = true;
        out += "<li" + cls + ">" + with_breaks(text) + "</li>";
        break;
      }
      case BlockKind::table: {
        close_list();
        out += "<table>\n";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          const char* cell = r == 0 ? "th" : "td";
          out += r == 0 ? "<thead><tr>" : "<tr>";
          for (const std::string& c : b.rows[r]) out += std::string("<") + cell + ">" + escaped(c) + "</" + cell + ">";
          out += r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
      }
      case BlockKind::seal: close_list(); out += "<p class=\"seal\">" + escaped(b.text) + "</p>\n"; break;
    }
  }
  close_list();
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gavel::minutes
