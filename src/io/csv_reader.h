// CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double quotes may hold
// commas, quotes ("") and line breaks; CRLF or LF line ends; a UTF-8 byte order mark is
// ignored. Errors name the line where the problem starts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace aims::io {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as wide as the header
  std::vector<size_t> lines;                   // the line each row starts on (1-based)
};

// Reads a table whose first record is the header. InvalidArgument naming `source` and the line
// for an unterminated quote, text after a closing quote, a row wider or narrower than the
// header, an empty or duplicate column name, or more than `max_rows` rows.
base::Result<CsvTable> ReadCsv(std::string_view text, std::string_view source, size_t max_rows = 100000);

}  // namespace aims::io
