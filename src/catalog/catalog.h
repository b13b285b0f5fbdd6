// Framework and Crosswalk: standards libraries as data (docs/catalog-format.md).
// A Framework is an ordered forest of items (clauses, controls, subcategories...); a Crosswalk
// relates items of one framework edition to items of another, typed as in NIST OLIR.
// Thread safety: immutable once built; share freely.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aims::catalog {

enum class ItemKind {
  kClause, kAnnex, kObjective, kControl, kFunction, kCategory, kSubcategory, kTopic
};
inline constexpr std::array<std::string_view, 8> kItemKindNames = {
    "clause", "annex", "objective", "control", "function", "category", "subcategory", "topic"};
std::optional<ItemKind> ItemKindFromName(std::string_view name);
std::string_view ItemKindName(ItemKind kind);

struct Item {
  std::string id;
  ItemKind kind = ItemKind::kClause;
  std::string title;
  std::string parent;  // empty at the top
  std::string summary;
  std::optional<bool> normative;
  int line = 0;  // where it was defined in its file, for messages
};

// The header every library file carries.
struct LibraryInfo {
  std::string format;
  std::string id;
  std::string version;  // framework edition; crosswalks: empty
  int64_t revision = 1;
  std::string title;
  std::string publisher;
  std::string source;
  std::string licence;
  std::string locale;
  std::string retrieved;
};

class Framework {
 public:
  Framework(LibraryInfo info, std::vector<Item> items);

  const LibraryInfo& info() const { return info_; }
  const std::vector<Item>& items() const { return items_; }
  const Item* Find(std::string_view id) const;
  bool HasChildren(std::string_view id) const;
  // Items an organisation is assessed against: controls, subcategories and leaf clauses.
  bool IsRequirement(const Item& item) const;
  std::vector<const Item*> Requirements() const;
  // Items of `kind` whose parent is `parent` ("" for top-level); all of that kind if nullopt.
  std::vector<const Item*> OfKind(ItemKind kind, std::optional<std::string_view> parent = {}) const;
  // "iso42001@2023#1"
  std::string Label() const;

 private:
  LibraryInfo info_;
  std::vector<Item> items_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, int> child_count_;
};

enum class Relation { kEqual, kSubsetOf, kSupersetOf, kIntersectsWith, kNotRelated };
inline constexpr std::array<std::string_view, 5> kRelationNames = {
    "equal", "subset-of", "superset-of", "intersects-with", "not-related"};
std::optional<Relation> RelationFromName(std::string_view name);
std::string_view RelationName(Relation relation);

struct RelationRow {
  std::string from;
  std::string to;
  Relation relation = Relation::kIntersectsWith;
  std::optional<int> strength;  // 1-10; absent for not-related
  std::string rationale;
  int line = 0;
};

struct CatalogRef {
  std::string catalog;
  std::string version;
};

struct Crosswalk {
  LibraryInfo info;
  std::string basis;  // "proposed" or "published"
  CatalogRef from;
  CatalogRef to;
  std::vector<RelationRow> relations;
};

}  // namespace aims::catalog
