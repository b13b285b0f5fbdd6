// CanonicalJson: builds the canonical encoding of one flat record, the bytes whose SHA-256 the
// ledger stores as a record's "state hash".
// Format (a subset of RFC 8785 JCS, since records hold no floats): one JSON object, keys sorted
// by their UTF-8 bytes, no whitespace, integers in decimal, strings escaped only where JSON
// requires (", \, and control characters; \b \f \n \r \t in short form, others as \u00xx).
// These bytes are a format: changing them invalidates every ledger ever written.
// Thread safety: none; one builder per record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aims::base {

class CanonicalJson {
 public:
  // REQUIRES: each key is added once.
  void Text(std::string_view key, std::string_view value);
  void Int(std::string_view key, int64_t value);
  void Bool(std::string_view key, bool value);
  void Null(std::string_view key);
  void TextArray(std::string_view key, const std::vector<std::string>& values);
  void IntArray(std::string_view key, const std::vector<int64_t>& values);

  // Returns the object and leaves the builder empty.
  std::string Finish();

 private:
  std::vector<std::pair<std::string, std::string>> members_;  // key, encoded value
};

// Appends `value` as a JSON string literal (with quotes) using the canonical escaping.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace aims::base
