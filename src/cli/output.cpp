#include "cli/output.h"

#include <algorithm>

namespace aims::cli {

namespace {

// Display width in code points (good enough for tables of mostly Latin text).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

std::string Cut(const std::string& s, size_t max) {
  std::string one_line = s;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  if (Width(one_line) <= max) return one_line;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < one_line.size(); ++i) {
    auto c = static_cast<unsigned char>(one_line[i]);
    if ((c & 0xc0) != 0x80) {
      if (++n > max - 1) break;
    }
    out.push_back(one_line[i]);
  }
  return out + "…";
}

}  // namespace

std::string Table::Render() const {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(headers_);
  for (const auto& row : rows_) {
    std::vector<std::string> cut;
    for (const auto& cell : row) cut.push_back(Cut(cell, max_width_));
    cells.push_back(std::move(cut));
  }
  std::vector<size_t> widths(headers_.size(), 0);
  for (const auto& row : cells) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  std::string out;
  for (size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < widths.size(); ++c) {
      std::string cell = c < cells[r].size() ? cells[r][c] : "";
      line += cell;
      if (c + 1 < widths.size()) line += std::string(widths[c] - Width(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (r == 0) {
      std::string rule;
      for (size_t c = 0; c < widths.size(); ++c) {
        rule += std::string(widths[c], '-');
        if (c + 1 < widths.size()) rule += "  ";
      }
      out += rule + "\n";
    }
  }
  return out;
}

std::string KeyValues::Render() const {
  size_t width = 0;
  for (const auto& [k, v] : rows_) width = std::max(width, k.size());
  std::string out;
  for (const auto& [k, v] : rows_) {
    std::string value = v;
    std::string pad(width + 2, ' ');
    for (size_t pos = 0; (pos = value.find('\n', pos)) != std::string::npos; pos += pad.size() + 1) {
      value.insert(pos + 1, pad);
    }
    out += k + ":" + std::string(width - k.size() + 1, ' ') + value + "\n";
  }
  return out;
}

void Print(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

}  // namespace aims::cli
