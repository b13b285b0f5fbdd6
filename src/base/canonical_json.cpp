#include "base/canonical_json.h"

#include <algorithm>

#include "base/assert.h"

namespace aims::base {

void AppendJsonString(std::string* out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of characters that need no escaping
  for (size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(value.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xf]);
    }
  }
  out->append(value.data() + run, value.size() - run);
  out->push_back('"');
}

void CanonicalJson::Text(std::string_view key, std::string_view value) {
  std::string v;
  v.reserve(value.size() + 2);
  AppendJsonString(&v, value);
  members_.emplace_back(std::string(key), std::move(v));
}

void CanonicalJson::Int(std::string_view key, int64_t value) {
  members_.emplace_back(std::string(key), std::to_string(value));
}

void CanonicalJson::Bool(std::string_view key, bool value) {
  members_.emplace_back(std::string(key), value ? "true" : "false");
}

void CanonicalJson::Null(std::string_view key) { members_.emplace_back(std::string(key), "null"); }

void CanonicalJson::TextArray(std::string_view key, const std::vector<std::string>& values) {
  std::string v = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) v.push_back(',');
    AppendJsonString(&v, values[i]);
  }
  v.push_back(']');
  members_.emplace_back(std::string(key), std::move(v));
}

void CanonicalJson::IntArray(std::string_view key, const std::vector<int64_t>& values) {
  std::string v = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) v.push_back(',');
    v += std::to_string(values[i]);
  }
  v.push_back(']');
  members_.emplace_back(std::string(key), std::move(v));
}

std::string CanonicalJson::Finish() {
  std::sort(members_.begin(), members_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 1; i < members_.size(); ++i) AIMS_ASSERT(members_[i - 1].first != members_[i].first);
  std::string out = "{";
  for (size_t i = 0; i < members_.size(); ++i) {
    if (i) out.push_back(',');
    AppendJsonString(&out, members_[i].first);
    out.push_back(':');
    out += members_[i].second;
  }
  out.push_back('}');
  members_.clear();
  return out;
}

}  // namespace aims::base
