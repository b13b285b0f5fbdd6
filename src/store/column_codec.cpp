#include "store/column_codec.h"

#include <boost/json.hpp>

#include "base/canonical_json.h"

namespace aims::store {

std::string EncodeTextList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    base::AppendJsonString(&out, values[i]);
  }
  out.push_back(']');
  return out;
}

namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void PutUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | cp >> 6));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | cp >> 12));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | cp >> 18));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Decodes the array EncodeTextList writes: `[` strings separated by `,` `]`, no whitespace.
// Returns false on anything else, for the general parser to judge.
bool DecodeOwnEncoding(std::string_view s, std::vector<std::string>* out) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return false;
  size_t i = 1;
  if (s.size() == 2) return true;
  while (true) {
    if (i >= s.size() || s[i] != '"') return false;
    ++i;
    std::string item;
    while (true) {
      if (i >= s.size()) return false;
      char c = s[i++];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        item.push_back(c);
        continue;
      }
      if (i >= s.size()) return false;
      char e = s[i++];
      switch (e) {
        case '"': item.push_back('"'); break;
        case '\\': item.push_back('\\'); break;
        case '/': item.push_back('/'); break;
        case 'b': item.push_back('\b'); break;
        case 'f': item.push_back('\f'); break;
        case 'n': item.push_back('\n'); break;
        case 'r': item.push_back('\r'); break;
        case 't': item.push_back('\t'); break;
        case 'u': {
          if (i + 4 > s.size()) return false;
          uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            int h = Hex(s[i + k]);
            if (h < 0) return false;
            cp = cp << 4 | static_cast<uint32_t>(h);
          }
          i += 4;
          if (cp >= 0xd800 && cp <= 0xdfff) return false;  // surrogates: leave to the general parser
          PutUtf8(&item, cp);
          break;
        }
        default: return false;
      }
    }
    out->push_back(std::move(item));
    if (i >= s.size()) return false;
    if (s[i] == ']') return i + 1 == s.size();
    if (s[i] != ',') return false;
    ++i;
  }
}

}  // namespace

base::Result<std::vector<std::string>> DecodeTextList(std::string_view json) {
  std::vector<std::string> fast;
  if (DecodeOwnEncoding(json, &fast)) return fast;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_array()) return base::Status::Corruption("not a JSON array of strings");
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) {
    if (!item.is_string()) return base::Status::Corruption("not a JSON array of strings");
    out.emplace_back(item.as_string());
  }
  return out;
}

void FieldReader::operator()(const domain::Field& f, std::optional<base::Date>& v) {
  int c = next_++;
  if (stmt_->IsNull(c)) {
    v.reset();
    return;
  }
  auto d = base::Date::Parse(stmt_->Text(c));
  if (d.ok()) v = *d; else Bad(f, std::string(d.status().message()));
}

void FieldReader::operator()(const domain::Field& f, std::optional<base::Timestamp>& v) {
  int c = next_++;
  if (stmt_->IsNull(c)) {
    v.reset();
    return;
  }
  auto t = base::Timestamp::Parse(stmt_->Text(c));
  if (t.ok()) v = *t; else Bad(f, std::string(t.status().message()));
}

void FieldReader::operator()(const domain::Field& f, std::vector<std::string>& v) {
  auto list = DecodeTextList(stmt_->Text(next_++));
  if (list.ok()) v = std::move(*list); else Bad(f, std::string(list.status().message()));
}

void FieldReader::Bad(const domain::Field& f, const std::string& why) {
  if (!status_.ok()) return;
  status_ = base::Status::Corruption(
      "stored value does not decode: " + why,
      std::string(table_) + " id " + std::to_string(id_) + " column " + std::string(f.name));
}

base::Status ReadMeta(Statement* stmt, std::string_view table, domain::RecordMeta* meta) {
  meta->id = stmt->Int(0);
  meta->version = stmt->Int(1);
  std::string where = std::string(table) + " id " + std::to_string(meta->id);
  auto created = base::Timestamp::Parse(stmt->Text(2));
  auto updated = base::Timestamp::Parse(stmt->Text(3));
  if (!created.ok() || !updated.ok()) {
    return base::Status::Corruption("stored timestamp does not decode", where);
  }
  meta->created_at = *created;
  meta->updated_at = *updated;
  if (stmt->IsNull(4)) {
    meta->retired_at.reset();
  } else {
    auto retired = base::Timestamp::Parse(stmt->Text(4));
    if (!retired.ok()) return base::Status::Corruption("stored timestamp does not decode", where);
    meta->retired_at = *retired;
  }
  return base::Status::OK();
}

}  // namespace aims::store
