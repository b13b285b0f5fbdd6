// Catalog use cases: registering the built-in libraries in a register, importing a user's
// framework or crosswalk, seeding the Statement of Applicability from a framework, and moving a
// Statement of Applicability to a newer catalog edition after reviewing the requirement diff.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog_diff.h"
#include "catalog/catalog_set.h"
#include "domain/catalog_record.h"
#include "service/mutation.h"
#include "service/workspace.h"

namespace aims::service {

// The framework whose Annex A a new register seeds its controls and SoA from.
inline constexpr std::string_view kPrimaryFramework = "iso42001";

// Records every built-in library file not yet registered (by content hash).
base::Status RegisterBuiltinCatalogs(Mutation& m);

// Creates the organisation, one control per Annex A control of the primary framework (mapped to
// it), and an undecided Statement of Applicability entry for each.
base::Status InitialiseRegister(Mutation& m, domain::Organisation org);

// Adds SoA entries (undecided) for every control of `fw` that has none yet.
base::Status SeedSoa(Mutation& m, const catalog::Framework& fw);

struct CatalogImport {
  domain::CatalogRecord record;
  // For a framework: the edition/revision the SoA uses now, and the requirement diff from it
  // to the imported one (when the SoA uses an older one).
  std::optional<std::string> soa_uses;
  std::optional<catalog::CatalogDiff> diff;
};

// Validates and registers a library file. A crosswalk must name catalogs that are registered and
// only items that exist in them. AlreadyExists if the same id, edition and revision is there.
base::Result<CatalogImport> ImportCatalog(Workspace& ws, std::string_view text,
                                          std::string_view file_name);

// The catalog edition the SoA entries of `framework` were decided on ("2023#1"), if any.
base::Result<std::optional<std::pair<std::string, int64_t>>> SoaCatalog(Workspace& ws,
                                                                        std::string_view framework);

struct Adoption {
  catalog::CatalogDiff diff;
  int updated = 0;  // entries moved to the new edition
  int added = 0;    // new undecided entries
  int retired = 0;  // entries whose requirement is gone
};

// Moves the SoA of fw.info().id to `fw` (which must be registered).
base::Result<Adoption> AdoptCatalog(Workspace& ws, std::string_view framework,
                                    std::string_view edition, int64_t revision);

}  // namespace aims::service
