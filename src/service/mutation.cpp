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

ledger::LedgerEntry Mutation::Entry(domain::EntityKind kind, domain::Id id,
                                    const base::Digest& state_hash, std::string_view action) const {
  ledger::LedgerEntry entry;
  entry.time = now_;
  entry.actor = actor_;
  entry.action = std::string(action);
  entry.entity_type = std::string(domain::Info(kind).name);
  entry.entity_id = id;
  entry.state_hash = state_hash;
  return entry;
}

base::Status Mutation::LogEntity(std::string_view entity_type, int64_t id,
                                 const base::Digest& state_hash, std::string_view action) {
  ledger::LedgerEntry entry;
  entry.time = now_;
  entry.actor = actor_;
  entry.action = std::string(action);
  entry.entity_type = std::string(entity_type);
  entry.entity_id = id;
  entry.state_hash = state_hash;
  return ledger_.Append(tx_, std::move(entry));
}

base::Status Mutation::LogHash(domain::EntityKind kind, domain::Id id, const base::Digest& state_hash,
                               std::string_view action) {
  return ledger_.Append(tx_, Entry(kind, id, state_hash, action));
}

namespace {

// Every "<framework>:<item>" of a record's `requirements` names a catalog item.
base::Status CheckRequirementRefs(const catalog::CatalogSet& catalogs, const std::vector<std::string>& refs) {
  for (const auto& ref : refs) {
    auto item = catalogs.ResolveRequirement(ref);
    if (!item.ok()) return item.status().WithContext("requirements");
  }
  return base::Status::OK();
}

}  // namespace

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Control& control) {
  return CheckRequirementRefs(catalogs, control.requirements);
}

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Policy& policy) {
  return CheckRequirementRefs(catalogs, policy.requirements);
}

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Objective& objective) {
  return CheckRequirementRefs(catalogs, objective.requirements);
}

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Course& course) {
  return CheckRequirementRefs(catalogs, course.requirements);
}

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::SoaEntry& entry) {
  const catalog::Framework* fw =
      catalogs.Find(entry.framework, entry.catalog_version, entry.catalog_revision);
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
