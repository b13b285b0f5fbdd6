#include "service/mutation.h"

namespace aims::service {

base::Status Mutation::CheckExists(const domain::Field& f, domain::Id id) {
  base::Result<bool> exists = false;
  domain::VisitRecordType(f.ref, [&]<class Target>() { exists = tx_.records<Target>().Exists(id); });
  if (!exists.ok()) return exists.status();
  if (!*exists) {
    return base::Status::InvalidArgument(
        "refers to " + domain::DisplayId(f.ref, id) + ", which does not exist", f.name);
  }
  return base::Status::OK();
}

base::Status Mutation::CheckCatalogRefs(const domain::Control& control) {
  for (const auto& ref : control.requirements) {
    auto item = catalogs_.ResolveRequirement(ref);
    if (!item.ok()) return item.status().WithContext("requirements");
  }
  return base::Status::OK();
}

base::Status Mutation::CheckCatalogRefs(const domain::SoaEntry& entry) {
  const catalog::Framework* fw =
      catalogs_.Find(entry.framework, entry.catalog_version, entry.catalog_revision);
  if (!fw) {
    return base::Status::NotFound("no catalog " + entry.framework + "@" + entry.catalog_version +
                                      "#" + std::to_string(entry.catalog_revision),
                                  "framework");
  }
  const catalog::Item* item = fw->Find(entry.requirement);
  if (!item || !fw->IsRequirement(*item)) {
    return base::Status::NotFound("\"" + entry.requirement + "\" is not a requirement of " +
                                      fw->Label(),
                                  "requirement");
  }
  return base::Status::OK();
}

}  // namespace aims::service
