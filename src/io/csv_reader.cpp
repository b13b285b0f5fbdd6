#include "io/csv_reader.h"

#include <set>

namespace aims::io {

namespace {

base::Status Bad(std::string_view source, size_t line, std::string what) {
  return base::Status::InvalidArgument(std::move(what), std::string(source) + ":" + std::to_string(line));
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

base::Result<CsvTable> ReadCsv(std::string_view text, std::string_view source, size_t max_rows) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1;
  size_t record_line = 1;
  bool header_done = false;
  size_t i = 0;
  const size_t n = text.size();

  auto end_record = [&]() -> base::Status {
    record.push_back(std::move(field));
    field.clear();
    const bool blank = record.size() == 1 && record[0].empty();
    if (!header_done) {
      if (blank) return Bad(source, record_line, "the first line must be the header (column names)");
      std::set<std::string> seen;
      for (auto& name : record) {
        name = Trim(name);
        if (name.empty()) return Bad(source, record_line, "a column has no name in the header");
        if (!seen.insert(name).second) return Bad(source, record_line, "column \"" + name + "\" appears twice in the header");
      }
      table.header = std::move(record);
      header_done = true;
    } else if (!blank) {
      if (record.size() != table.header.size()) {
        return Bad(source, record_line,
                   "this row has " + std::to_string(record.size()) + " fields; the header has " + std::to_string(table.header.size()));
      }
      if (table.rows.size() >= max_rows) return Bad(source, record_line, "more than " + std::to_string(max_rows) + " rows");
      table.rows.push_back(std::move(record));
      table.lines.push_back(record_line);
    }
    record.clear();
    record_line = line;
    return base::Status::OK();
  };

  while (i < n) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the next quote not doubled.
      size_t start_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (q == '\n') ++line;
        field.push_back(q);
        ++i;
      }
      if (!closed) return Bad(source, start_line, "a quoted field is never closed");
      if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return Bad(source, line, "text after the closing quote of a field");
      }
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      AIMS_TRY(end_record());
    } else {
      field.push_back(c);
      ++i;
    }
  }
  if (!field.empty() || !record.empty()) AIMS_TRY(end_record());
  if (!header_done) return Bad(source, 1, "the file is empty: the first line must be the header");
  return table;
}

}  // namespace aims::io
