// CatalogSet: the frameworks and crosswalks known to a register, by id and edition/revision.
// Adding a crosswalk checks that both of its catalogs are present and that every row names
// items that exist on both sides.
// Thread safety: not for concurrent mutation; const methods may be shared once built.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"

namespace aims::catalog {

class CatalogSet {
 public:
  // AlreadyExists if the same id, edition and revision is present with different content.
  base::Status AddFramework(std::shared_ptr<const Framework> framework);
  // InvalidArgument naming the row's line for an id missing on either side.
  base::Status AddCrosswalk(std::shared_ptr<const Crosswalk> crosswalk);

  // The highest revision of the highest edition of `id`; nullptr if unknown.
  const Framework* Latest(std::string_view id) const;
  const Framework* Find(std::string_view id, std::string_view edition, int64_t revision) const;
  const Framework* FindEdition(std::string_view id, std::string_view edition) const;
  std::vector<const Framework*> Frameworks() const;  // every edition and revision
  std::vector<const Crosswalk*> Crosswalks() const;

  // Resolves "iso42001:A.6.2.8" against the latest edition. NotFound names what is missing.
  base::Result<const Item*> ResolveRequirement(std::string_view ref) const;

 private:
  // id -> (edition, revision) -> framework; editions compare as dotted numbers.
  struct EditionOrder {
    bool operator()(const std::pair<std::string, int64_t>& a,
                    const std::pair<std::string, int64_t>& b) const;
  };
  std::map<std::string, std::map<std::pair<std::string, int64_t>,
                                 std::shared_ptr<const Framework>, EditionOrder>,
           std::less<>>
      frameworks_;
  std::vector<std::shared_ptr<const Crosswalk>> crosswalks_;
};

// Compares "2013" < "2022", "1.0" < "1.1" < "1.10"; non-numeric parts compare as text.
int CompareEditions(std::string_view a, std::string_view b);

}  // namespace aims::catalog
