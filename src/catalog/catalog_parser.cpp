#include "catalog/catalog_parser.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <set>
#include <unordered_set>

namespace aims::catalog {

namespace {

constexpr size_t kMaxLibraryBytes = 4 << 20;
constexpr std::string_view kCatalogFormat = "aims-catalog/1";
constexpr std::string_view kCrosswalkFormat = "aims-crosswalk/1";

// Collects the first error with file:line context; yaml-cpp lines are 0-based.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  base::Status Error(const YAML::Node& node, std::string_view field, std::string_view msg) const {
    std::string where = std::string(file_);
    if (node.IsDefined() && node.Mark().line >= 0) where += ":" + std::to_string(node.Mark().line + 1);
    if (!field.empty()) where += ": " + std::string(field);
    return base::Status::InvalidArgument(msg, where);
  }

  base::Status CheckKeys(const YAML::Node& map, std::string_view what,
                         const std::set<std::string>& allowed) const {
    for (const auto& kv : map) {
      std::string key = kv.first.Scalar();
      if (!allowed.count(key)) {
        return Error(kv.first, key, "unknown field in " + std::string(what));
      }
    }
    return base::Status::OK();
  }

  // A required (or optional) scalar string field of `map`.
  base::Status Text(const YAML::Node& map, const char* field, bool required, std::string* out) const {
    YAML::Node v = map[field];
    if (!v.IsDefined() || v.IsNull()) {
      if (required) return Error(map, field, "required field is missing");
      return base::Status::OK();
    }
    if (!v.IsScalar()) return Error(v, field, "must be a single value");
    *out = v.Scalar();
    if (required && out->empty()) return Error(v, field, "required field is empty");
    return base::Status::OK();
  }

  base::Status Integer(const YAML::Node& map, const char* field, bool required, int64_t lo,
                       int64_t hi, std::optional<int64_t>* out) const {
    std::string text;
    AIMS_TRY(Text(map, field, required, &text));
    if (text.empty()) return base::Status::OK();
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi) {
      return Error(map[field], field,
                   "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
    *out = v;
    return base::Status::OK();
  }

 private:
  std::string_view file_;
};

const std::set<std::string> kHeaderKeys = {"format",   "id",     "version", "revision",
                                           "title",    "publisher", "source", "licence",
                                           "locale",   "retrieved"};

base::Status ReadHeader(const Reader& r, const YAML::Node& root, bool crosswalk,
                        LibraryInfo* info) {
  AIMS_TRY(r.Text(root, "format", true, &info->format));
  AIMS_TRY(r.Text(root, "id", true, &info->id));
  for (char c : info->id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return r.Error(root["id"], "id", "use lowercase letters, digits, '-' and '.' only");
  }
  if (!crosswalk) AIMS_TRY(r.Text(root, "version", true, &info->version));
  std::optional<int64_t> revision;
  AIMS_TRY(r.Integer(root, "revision", true, 1, 1'000'000, &revision));
  info->revision = revision.value_or(1);
  AIMS_TRY(r.Text(root, "title", true, &info->title));
  AIMS_TRY(r.Text(root, "publisher", false, &info->publisher));
  AIMS_TRY(r.Text(root, "source", true, &info->source));
  AIMS_TRY(r.Text(root, "licence", true, &info->licence));
  AIMS_TRY(r.Text(root, "locale", true, &info->locale));
  AIMS_TRY(r.Text(root, "retrieved", false, &info->retrieved));
  return base::Status::OK();
}

base::Result<Library> ParseFramework(const Reader& r, const YAML::Node& root) {
  std::set<std::string> allowed = kHeaderKeys;
  allowed.insert("items");
  AIMS_TRY(r.CheckKeys(root, "a catalog", allowed));
  LibraryInfo info;
  AIMS_TRY(ReadHeader(r, root, false, &info));
  YAML::Node items = root["items"];
  if (!items.IsDefined() || !items.IsSequence() || items.size() == 0) {
    return r.Error(root, "items", "a catalog needs a non-empty list of items");
  }
  const std::set<std::string> item_keys = {"id", "kind", "title", "parent", "summary", "normative"};
  std::vector<Item> out;
  std::unordered_set<std::string> seen;
  for (const auto& node : items) {
    if (!node.IsMap()) return r.Error(node, "items", "each item must be a mapping");
    AIMS_TRY(r.CheckKeys(node, "an item", item_keys));
    Item item;
    item.line = node.Mark().line + 1;
    AIMS_TRY(r.Text(node, "id", true, &item.id));
    std::string kind;
    AIMS_TRY(r.Text(node, "kind", true, &kind));
    auto k = ItemKindFromName(kind);
    if (!k) return r.Error(node["kind"], "kind", "unknown item kind \"" + kind + "\"");
    item.kind = *k;
    AIMS_TRY(r.Text(node, "title", true, &item.title));
    AIMS_TRY(r.Text(node, "parent", false, &item.parent));
    AIMS_TRY(r.Text(node, "summary", false, &item.summary));
    std::string normative;
    AIMS_TRY(r.Text(node, "normative", false, &normative));
    if (!normative.empty()) {
      if (normative != "true" && normative != "false") {
        return r.Error(node["normative"], "normative", "must be true or false");
      }
      item.normative = normative == "true";
    }
    if (!seen.insert(item.id).second) {
      return r.Error(node["id"], "id", "duplicate item id \"" + item.id + "\"");
    }
    if (!item.parent.empty() && !seen.count(item.parent)) {
      return r.Error(node["parent"], "parent",
                     "parent \"" + item.parent + "\" is not an item listed earlier");
    }
    out.push_back(std::move(item));
  }
  return Library(std::in_place_type<Framework>, std::move(info), std::move(out));
}

base::Status ReadCatalogRef(const Reader& r, const YAML::Node& root, const char* field,
                            CatalogRef* out) {
  YAML::Node node = root[field];
  if (!node.IsDefined() || !node.IsMap()) {
    return r.Error(root, field, "must be a mapping {catalog: ..., version: ...}");
  }
  AIMS_TRY(r.CheckKeys(node, field, {"catalog", "version"}));
  AIMS_TRY(r.Text(node, "catalog", true, &out->catalog));
  AIMS_TRY(r.Text(node, "version", true, &out->version));
  return base::Status::OK();
}

base::Result<Library> ParseCrosswalk(const Reader& r, const YAML::Node& root) {
  std::set<std::string> allowed = kHeaderKeys;
  allowed.erase("version");
  allowed.insert({"basis", "from", "to", "relations"});
  AIMS_TRY(r.CheckKeys(root, "a crosswalk", allowed));
  Crosswalk cw;
  AIMS_TRY(ReadHeader(r, root, true, &cw.info));
  AIMS_TRY(r.Text(root, "basis", true, &cw.basis));
  if (cw.basis != "proposed" && cw.basis != "published") {
    return r.Error(root["basis"], "basis", "must be proposed or published");
  }
  AIMS_TRY(ReadCatalogRef(r, root, "from", &cw.from));
  AIMS_TRY(ReadCatalogRef(r, root, "to", &cw.to));
  YAML::Node rows = root["relations"];
  if (!rows.IsDefined() || !rows.IsSequence() || rows.size() == 0) {
    return r.Error(root, "relations", "a crosswalk needs a non-empty list of relations");
  }
  const std::set<std::string> row_keys = {"from", "to", "relation", "strength", "rationale"};
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& node : rows) {
    if (!node.IsMap()) return r.Error(node, "relations", "each relation must be a mapping");
    AIMS_TRY(r.CheckKeys(node, "a relation", row_keys));
    RelationRow row;
    row.line = node.Mark().line + 1;
    AIMS_TRY(r.Text(node, "from", true, &row.from));
    AIMS_TRY(r.Text(node, "to", true, &row.to));
    std::string relation;
    AIMS_TRY(r.Text(node, "relation", true, &relation));
    auto rel = RelationFromName(relation);
    if (!rel) {
      return r.Error(node["relation"], "relation",
                     "unknown relation \"" + relation +
                         "\" (equal, subset-of, superset-of, intersects-with or not-related)");
    }
    row.relation = *rel;
    std::optional<int64_t> strength;
    AIMS_TRY(r.Integer(node, "strength", false, 1, 10, &strength));
    if (row.relation == Relation::kNotRelated && strength) {
      return r.Error(node["strength"], "strength", "a not-related row carries no strength");
    }
    if (row.relation != Relation::kNotRelated && !strength) {
      return r.Error(node, "strength", "required field is missing (1-10)");
    }
    if (strength) row.strength = static_cast<int>(*strength);
    AIMS_TRY(r.Text(node, "rationale", true, &row.rationale));
    if (!seen.emplace(row.from, row.to).second) {
      return r.Error(node, "from", "duplicate relation " + row.from + " -> " + row.to);
    }
    cw.relations.push_back(std::move(row));
  }
  return Library(std::in_place_type<Crosswalk>, std::move(cw));
}

}  // namespace

base::Result<Library> ParseLibrary(std::string_view text, std::string_view file_name) {
  Reader r(file_name);
  if (text.size() > kMaxLibraryBytes) {
    return base::Status::InvalidArgument("file is larger than 4 MiB", file_name);
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) return r.Error(root, "", "a library file must be a mapping at the top");
    std::string format;
    AIMS_TRY(r.Text(root, "format", true, &format));
    if (format == kCatalogFormat) return ParseFramework(r, root);
    if (format == kCrosswalkFormat) return ParseCrosswalk(r, root);
    return r.Error(root["format"], "format",
                   "unknown format \"" + format + "\" (expected aims-catalog/1 or aims-crosswalk/1)");
  } catch (const YAML::Exception& e) {
    std::string where(file_name);
    if (e.mark.line >= 0) where += ":" + std::to_string(e.mark.line + 1);
    return base::Status::InvalidArgument("not valid YAML: " + e.msg, where);
  } catch (const std::exception& e) {
    return base::Status::InvalidArgument(std::string("cannot read library: ") + e.what(), file_name);
  }
}

}  // namespace aims::catalog
