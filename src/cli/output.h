// Output for the CLI: human tables by default, JSON with --json. Tables go to stdout; errors
// never do (they go to stderr through exit_status.h).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace aims::cli {

// A plain-text table; cells longer than `max_width` are cut with an ellipsis.
class Table {
 public:
  explicit Table(std::vector<std::string> headers, size_t max_width = 48)
      : headers_(std::move(headers)), max_width_(max_width) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  size_t size() const { return rows_.size(); }
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_width_;
};

// "key: value" lines with aligned keys.
class KeyValues {
 public:
  void Add(std::string key, std::string value) { rows_.emplace_back(std::move(key), std::move(value)); }
  std::string Render() const;

 private:
  std::vector<std::pair<std::string, std::string>> rows_;
};

// Writes to stdout in large chunks (for long --json listings).
class StdoutWriter {
 public:
  ~StdoutWriter() { Flush(); }
  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1 << 20)) Flush();
  }
  void Flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), stdout);
    buf_.clear();
  }

 private:
  std::string buf_;
};

void Print(std::string_view text);

// CSV field quoting per RFC 4180.
std::string CsvField(std::string_view value);

}  // namespace aims::cli
