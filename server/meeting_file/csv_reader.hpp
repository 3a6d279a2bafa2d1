// An RFC 4180 reader for CSV as spreadsheets export it: UTF-8 with or
// without a byte-order mark, CRLF, LF or CR line ends, quoted fields that may
// hold commas, doubled quotes and line breaks. It knows nothing of rosters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gavel::meeting_file {

struct CsvRecord {
  std::size_t line = 0;  // the physical line the record starts on, from 1
  std::vector<std::string> fields;
};

// `name` is the file name that error messages start with. A text that is not
// UTF-8 is refused: Excel on Chinese Windows saves GBK unless told otherwise.
core::Result<std::vector<CsvRecord>> read_csv(std::string_view text, std::string_view name);

}  // namespace gavel::meeting_file
