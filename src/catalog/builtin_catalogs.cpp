#include "catalog/builtin_catalogs.h"

#include <mutex>

#include "base/embedded_file.h"
#include "catalog/catalog_parser.h"

namespace aims_builtin_catalogs {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::catalog {

std::vector<LibraryFile> BuiltinLibraryFiles() {
  std::vector<LibraryFile> out;
  for (const auto& f : aims_builtin_catalogs::Files()) {
    std::string_view path = f.path;
    out.push_back({std::string(path.substr(path.rfind('/') + 1)), f.data});
  }
  return out;
}

namespace {

base::Result<std::shared_ptr<const CatalogSet>> Load() {
  auto set = std::make_shared<CatalogSet>();
  std::vector<std::shared_ptr<const Crosswalk>> crosswalks;
  for (const auto& file : BuiltinLibraryFiles()) {
    AIMS_ASSIGN_OR_RETURN(Library lib, ParseLibrary(file.text, file.name));
    if (auto* fw = std::get_if<Framework>(&lib)) {
      AIMS_TRY(set->AddFramework(std::make_shared<const Framework>(std::move(*fw))));
    } else {
      crosswalks.push_back(std::make_shared<const Crosswalk>(std::get<Crosswalk>(std::move(lib))));
    }
  }
  for (auto& cw : crosswalks) AIMS_TRY(set->AddCrosswalk(std::move(cw)));
  return std::shared_ptr<const CatalogSet>(std::move(set));
}

}  // namespace

base::Result<std::shared_ptr<const CatalogSet>> BuiltinCatalogs() {
  static const base::Result<std::shared_ptr<const CatalogSet>> loaded = Load();
  return loaded;
}

}  // namespace aims::catalog
