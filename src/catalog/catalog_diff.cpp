#include "catalog/catalog_diff.h"

namespace aims::catalog {

CatalogDiff DiffRequirements(const Framework& older, const Framework& newer) {
  CatalogDiff diff;
  for (const Item* item : newer.Requirements()) {
    const Item* before = older.Find(item->id);
    if (!before || !older.IsRequirement(*before)) {
      diff.added.push_back(item->id);
      continue;
    }
    ItemChange change{item->id, {}};
    if (before->title != item->title) change.fields.push_back("title");
    if (before->summary != item->summary) change.fields.push_back("summary");
    if (before->kind != item->kind) change.fields.push_back("kind");
    if (before->parent != item->parent) change.fields.push_back("parent");
    if (!change.fields.empty()) diff.changed.push_back(std::move(change));
  }
  for (const Item* item : older.Requirements()) {
    const Item* after = newer.Find(item->id);
    if (!after || !newer.IsRequirement(*after)) diff.removed.push_back(item->id);
  }
  return diff;
}

}  // namespace aims::catalog
