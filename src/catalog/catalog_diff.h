// Requirement-level differences between two editions or revisions of a framework: what a user
// must review before adopting the newer one for their Statement of Applicability.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace aims::catalog {

struct ItemChange {
  std::string id;
  std::vector<std::string> fields;  // which of title, summary, kind, parent changed
};

struct CatalogDiff {
  std::vector<std::string> added;    // requirement ids only in the newer catalog
  std::vector<std::string> removed;  // requirement ids only in the older catalog
  std::vector<ItemChange> changed;   // requirement ids in both, with differences
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

CatalogDiff DiffRequirements(const Framework& older, const Framework& newer);

}  // namespace aims::catalog
