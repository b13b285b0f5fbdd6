// The catalogs shipped inside the binary (the files in catalogs/, embedded at build time).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog_set.h"

namespace aims::catalog {

struct LibraryFile {
  std::string name;  // e.g. "iso42001-2023.yaml"
  std::string_view text;
};

std::vector<LibraryFile> BuiltinLibraryFiles();

// Parses every built-in file into a set (frameworks first, then crosswalks). Parsed once per
// process; an error here means a broken catalog file in the source tree.
base::Result<std::shared_ptr<const CatalogSet>> BuiltinCatalogs();

}  // namespace aims::catalog
