// libFuzzer target for the CSV reader (io/csv_reader, the web application's bulk import): any
// input either fails with a Status naming a line, or yields a table that, written back with every
// field quoted, reads again to the same table.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/csv_reader.h"

namespace {

std::string Quoted(const std::vector<std::string>& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += ",";
    out += "\"";
    for (char c : row[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += "\"";
  }
  return out + "\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = aims::io::ReadCsv(text, "fuzz.csv", 1000);
  if (!table.ok()) {
    if (table.status().where().rfind("fuzz.csv:", 0) != 0) std::abort();
    return 0;
  }
  for (const auto& row : table->rows) {
    if (row.size() != table->header.size()) std::abort();
  }
  std::string written = Quoted(table->header);
  for (const auto& row : table->rows) written += Quoted(row);
  auto again = aims::io::ReadCsv(written, "rewritten.csv", 1000);
  if (!again.ok()) std::abort();
  // Rows that were all empty are dropped on reading; a quoted empty row is too, so compare the rest.
  if (again->header != table->header) std::abort();
  size_t j = 0;
  for (const auto& row : table->rows) {
    bool blank = row.size() == 1 && row[0].empty();
    if (blank) continue;
    if (j >= again->rows.size() || again->rows[j] != row) std::abort();
    ++j;
  }
  return 0;
}
