// A strict reader of values from a YAML mapping (yaml-cpp) for the data files aims ships and
// reads (EU AI Act rules, the seed-risk library): every error says where, "file:line: field".
// Internal to io.
#pragma once

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace aims::io::internal {

// Reads values with file:line context (yaml-cpp lines are 0-based); each method returns the
// first error.
class YamlReader {
 public:
  explicit YamlReader(std::string_view file) : file_(file) {}

  base::Status Error(const YAML::Node& node, std::string_view field, std::string_view msg) const {
    std::string where(file_);
    if (node.IsDefined() && node.Mark().line >= 0) where += ":" + std::to_string(node.Mark().line + 1);
    if (!field.empty()) where += ": " + std::string(field);
    return base::Status::InvalidArgument(msg, where);
  }

  base::Status CheckKeys(const YAML::Node& map, std::string_view what, const std::set<std::string>& allowed) const {
    if (!map.IsMap()) return Error(map, "", std::string(what) + " must be a mapping");
    for (const auto& kv : map) {
      if (!kv.first.IsScalar() || !allowed.count(kv.first.Scalar())) {
        return Error(kv.first, kv.first.IsScalar() ? kv.first.Scalar() : "", "unknown field in " + std::string(what));
      }
    }
    return base::Status::OK();
  }

  base::Status Text(const YAML::Node& map, const char* field, bool required, std::string* out) const {
    YAML::Node v = map[field];
    if (!v.IsDefined() || v.IsNull()) {
      return required ? Error(map, field, "required field is missing") : base::Status::OK();
    }
    if (!v.IsScalar()) return Error(v, field, "must be a single value");
    *out = v.Scalar();
    if (required && out->empty()) return Error(v, field, "required field is empty");
    return base::Status::OK();
  }

  base::Status TextList(const YAML::Node& map, const char* field, std::vector<std::string>* out) const {
    YAML::Node v = map[field];
    if (!v.IsDefined() || v.IsNull()) return base::Status::OK();
    if (!v.IsSequence() || v.size() == 0) return Error(v, field, "must be a non-empty list");
    for (const auto& item : v) {
      if (!item.IsScalar() || item.Scalar().empty()) return Error(item, field, "each entry must be a value");
      out->push_back(item.Scalar());
    }
    return base::Status::OK();
  }

  base::Status Flag(const YAML::Node& map, const char* field, bool* out) const {
    std::string text;
    AIMS_TRY(Text(map, field, false, &text));
    if (text.empty()) return base::Status::OK();
    if (text != "true") return Error(map[field], field, "must be true (leave it out for false)");
    *out = true;
    return base::Status::OK();
  }

  base::Status Integer(const YAML::Node& map, const char* field, int64_t* out, int64_t min = 1,
                 int64_t max = INT64_MAX) const {
    std::string text;
    AIMS_TRY(Text(map, field, true, &text));
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    if (ec != std::errc() || ptr != text.data() + text.size() || *out < min || *out > max) {
      return Error(map[field], field,
                   "must be a whole number from " + std::to_string(min) + (max < INT64_MAX ? " to " + std::to_string(max) : ""));
    }
    return base::Status::OK();
  }

 private:
  std::string_view file_;
};

// Loads `text` (at most `max_bytes`) as a YAML mapping and returns `read(reader, root)`. Syntax
// errors and a document that is not a mapping are InvalidArgument naming the file and line;
// `what` names the kind of file in the message ("an AI Act rule file").
template <class Read>
auto ReadYamlMapping(std::string_view text, std::string_view file_name, size_t max_bytes, std::string_view what,
                     Read read) -> decltype(read(std::declval<const YamlReader&>(), std::declval<const YAML::Node&>())) {
  YamlReader r(file_name);
  if (text.size() > max_bytes) {
    return base::Status::InvalidArgument("larger than " + std::to_string(max_bytes) + " bytes", file_name);
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) return base::Status::InvalidArgument(std::string(what) + " must be a YAML mapping", file_name);
    return read(r, root);
  } catch (const YAML::Exception& e) {
    std::string where(file_name);
    if (e.mark.line >= 0) where += ":" + std::to_string(e.mark.line + 1);
    return base::Status::InvalidArgument("not valid YAML: " + e.msg, where);
  }
}

}  // namespace aims::io::internal
