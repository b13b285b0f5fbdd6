// Parses a catalog library file (aims-catalog/1 or aims-crosswalk/1, YAML or JSON). Strict: an
// unknown key, a missing field, a duplicate id or a parent that is not defined earlier is an
// InvalidArgument naming the file, line and field. Checks that need other catalogs (crosswalk
// ids) are CatalogSet's.
#pragma once

#include <string_view>
#include <variant>

#include "base/result.h"
#include "catalog/catalog.h"

namespace aims::catalog {

using Library = std::variant<Framework, Crosswalk>;

base::Result<Library> ParseLibrary(std::string_view text, std::string_view file_name);

}  // namespace aims::catalog
