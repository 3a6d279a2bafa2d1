// The minutes' export formats. Each is a pure function of the document:
// the same signed version gives the same bytes run after run (nothing reads
// the clock; the PDF's creation date is the signing time).
#pragma once

#include <string>

#include "core/result.hpp"
#include "minutes/document.hpp"

namespace gavel::minutes {

std::string render_markdown(const Document& doc);
// One self-contained file: inline CSS with print rules for A4, no scripts, no links out.
std::string render_html(const Document& doc);
// The action list: UTF-8 with a byte order mark and CRLF, so spreadsheets
// open the Chinese text correctly.
std::string render_csv(const Document& doc);
// A4 in the GB/T 9704 纪要 layout, Noto Serif/Sans CJK SC (fonts-noto-cjk).
// Fails (internal) only when cairo cannot write the PDF.
core::Result<std::string> render_pdf(const Document& doc);

// SHA-256 (lowercase hex) of the document's Markdown without its seal or
// draft mark: what signing freezes, and what a later export must match.
std::string content_sha256(const Document& doc);

}  // namespace gavel::minutes
