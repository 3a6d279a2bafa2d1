#include "csv_reader.hpp"

#include "diagnostic.hpp"

namespace gavel::meeting_file {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The offset of the first byte that does not belong to well-formed UTF-8
// (no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// Lines are counted the way an editor shows them: CRLF, LF and a lone CR
// each end one line.
std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++line;
  return line;
}

class Reader {
 public:
  Reader(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  core::Result<std::vector<CsvRecord>> run() {
    std::vector<CsvRecord> records;
    while (i_ < text_.size()) {
      CsvRecord record{line_, {}};
      bool record_done = false;
      while (!record_done) {
        auto field = i_ < text_.size() && text_[i_] == '"'
                         ? quoted_field()
                         : core::Result<std::string>(plain_field());
        if (!field) return field.error();
        record.fields.push_back(std::move(field).value());
        if (i_ < text_.size() && text_[i_] == ',') {
          ++i_;
        } else {
          skip_line_end();
          record_done = true;
        }
      }
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  bool at_line_end() const { return text_[i_] == '\r' || text_[i_] == '\n'; }

  void skip_line_end() {
    if (i_ >= text_.size()) return;
    if (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
    ++i_;
    ++line_;
  }

  std::string plain_field() {
    const std::size_t start = i_;
    while (i_ < text_.size() && text_[i_] != ',' && !at_line_end()) ++i_;
    return std::string(text_.substr(start, i_ - start));
  }

  core::Result<std::string> quoted_field() {
    const std::size_t opened_on = line_;
    std::string field;
    ++i_;
    for (;;) {
      if (i_ >= text_.size())
        return invalid_at({name_, opened_on, {}}, "引号未闭合：此处开始的带引号字段没有结束引号",
                          "unterminated quoted field: the quote opened here is never closed");
      const char c = text_[i_];
      if (c == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          field += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      if (c == '\n' || (c == '\r' && (i_ + 1 == text_.size() || text_[i_ + 1] != '\n'))) ++line_;
      field += c;
      ++i_;
    }
    if (i_ < text_.size() && text_[i_] != ',' && !at_line_end())
      return invalid_at({name_, line_, {}},
                        "结束引号后出现了多余字符；字段内的引号须写成两个双引号 \"\"",
                        "text after a closing quote; a quote inside a quoted field is written "
                        "as two quotes \"\"");
    return field;
  }

  std::string_view text_;
  std::string_view name_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

core::Result<std::vector<CsvRecord>> read_csv(std::string_view text, std::string_view name) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
    return invalid_at({name, line_of(text, bad), {}},
                      "不是 UTF-8 编码（可能是 GBK）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，"
                      "或在 WPS 中选择 UTF-8 编码",
                      "not UTF-8 (perhaps GBK); in Excel save as \"CSV UTF-8 (Comma delimited)\", "
                      "in WPS choose the UTF-8 encoding");
  return Reader(text, name).run();
}

}  // namespace gavel::meeting_file
