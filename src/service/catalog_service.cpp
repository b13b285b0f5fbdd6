#include "service/catalog_service.h"

#include <map>
#include <set>

#include "base/sha256.h"
#include "catalog/builtin_catalogs.h"
#include "catalog/catalog_parser.h"

namespace aims::service {

namespace {

domain::CatalogRecord RecordFor(const catalog::Library& lib, std::string_view text,
                                domain::CatalogOrigin origin) {
  domain::CatalogRecord rec;
  if (auto* fw = std::get_if<catalog::Framework>(&lib)) {
    rec.kind = domain::CatalogFileKind::kFramework;
    rec.library = fw->info().id;
    rec.edition = fw->info().version;
    rec.revision = fw->info().revision;
    rec.title = fw->info().title;
  } else {
    const auto& cw = std::get<catalog::Crosswalk>(lib);
    rec.kind = domain::CatalogFileKind::kCrosswalk;
    rec.library = cw.info.id;
    rec.edition = cw.from.catalog + "@" + cw.from.version + ">" + cw.to.catalog + "@" + cw.to.version;
    rec.revision = cw.info.revision;
    rec.title = cw.info.title;
  }
  rec.origin = origin;
  rec.content = std::string(text);
  rec.sha256 = base::ToHex(base::Sha256(text));
  return rec;
}

base::Result<std::set<std::string>> RegisteredHashes(Mutation& m) {
  std::set<std::string> out;
  AIMS_TRY(m.tx().records<domain::CatalogRecord>().Scan(
      {}, [&](domain::CatalogRecord& rec) -> base::Status {
        out.insert(rec.sha256);
        return base::Status::OK();
      }));
  return out;
}

}  // namespace

base::Status RegisterBuiltinCatalogs(Mutation& m) {
  AIMS_ASSIGN_OR_RETURN(auto known, RegisteredHashes(m));
  for (const auto& file : catalog::BuiltinLibraryFiles()) {
    std::string sha = base::ToHex(base::Sha256(file.text));
    if (known.count(sha)) continue;
    AIMS_ASSIGN_OR_RETURN(catalog::Library lib, catalog::ParseLibrary(file.text, file.name));
    domain::CatalogRecord rec = RecordFor(lib, file.text, domain::CatalogOrigin::kBuiltin);
    AIMS_TRY(m.Create(rec, "catalog.register").status());
  }
  return base::Status::OK();
}

base::Status SeedSoa(Mutation& m, const catalog::Framework& fw) {
  std::set<std::string> present;
  AIMS_TRY(m.tx().records<domain::SoaEntry>().Scan({}, [&](domain::SoaEntry& e) -> base::Status {
    if (e.framework == fw.info().id) present.insert(e.requirement);
    return base::Status::OK();
  }));
  for (const catalog::Item* item : fw.OfKind(catalog::ItemKind::kControl)) {
    if (present.count(item->id)) continue;
    domain::SoaEntry entry;
    entry.framework = fw.info().id;
    entry.requirement = item->id;
    entry.catalog_version = fw.info().version;
    entry.catalog_revision = fw.info().revision;
    AIMS_TRY(m.Create(entry).status());
  }
  return base::Status::OK();
}

base::Status InitialiseRegister(Mutation& m, domain::Organisation org) {
  AIMS_ASSIGN_OR_RETURN(int64_t orgs, m.tx().records<domain::Organisation>().Count(true));
  if (orgs > 0) {
    return base::Status::AlreadyExists("this register already has an organisation");
  }
  AIMS_TRY(RegisterBuiltinCatalogs(m));
  AIMS_TRY(m.Create(org).status());
  const catalog::Framework* fw = m.catalogs().Latest(kPrimaryFramework);
  if (!fw) return base::Status::Internal("the built-in ISO/IEC 42001 catalog is missing");
  for (const catalog::Item* item : fw->OfKind(catalog::ItemKind::kControl)) {
    domain::Control control;
    control.code = item->id;
    control.title = item->title;
    control.description = item->summary;
    control.requirements = {std::string(kPrimaryFramework) + ":" + item->id};
    AIMS_TRY(m.Create(control).status());
  }
  return SeedSoa(m, *fw);
}

base::Result<std::optional<std::pair<std::string, int64_t>>> SoaCatalog(Workspace& ws,
                                                                        std::string_view framework) {
  std::optional<std::pair<std::string, int64_t>> out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    return tx.records<domain::SoaEntry>().Scan(
        {.include_retired = false}, [&](domain::SoaEntry& e) -> base::Status {
          if (e.framework == framework && !out) out = std::make_pair(e.catalog_version, e.catalog_revision);
          return base::Status::OK();
        });
  }));
  return out;
}

base::Result<CatalogImport> ImportCatalog(Workspace& ws, std::string_view text,
                                          std::string_view file_name) {
  AIMS_ASSIGN_OR_RETURN(catalog::Library lib, catalog::ParseLibrary(text, file_name));
  AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* known, ws.Catalogs());
  CatalogImport result;
  result.record = RecordFor(lib, text, domain::CatalogOrigin::kImported);
  if (auto* fw = std::get_if<catalog::Framework>(&lib)) {
    if (known->Find(fw->info().id, fw->info().version, fw->info().revision)) {
      return base::Status::AlreadyExists(
          "catalog " + fw->Label() + " is already registered; raise its revision to change it",
          file_name);
    }
    AIMS_ASSIGN_OR_RETURN(auto uses, SoaCatalog(ws, fw->info().id));
    if (uses) {
      const catalog::Framework* current = known->Find(fw->info().id, uses->first, uses->second);
      result.soa_uses = uses->first + "#" + std::to_string(uses->second);
      if (current) result.diff = catalog::DiffRequirements(*current, *fw);
    }
  } else {
    // Validate the crosswalk against what is registered before storing it.
    catalog::CatalogSet probe = *known;
    AIMS_TRY(probe.AddCrosswalk(std::make_shared<const catalog::Crosswalk>(
                                    std::get<catalog::Crosswalk>(lib)))
                 .WithContext(file_name));
    for (const catalog::Crosswalk* cw : known->Crosswalks()) {
      if (cw->info.id == result.record.library && cw->info.revision == result.record.revision) {
        return base::Status::AlreadyExists(
            "crosswalk " + cw->info.id + " revision " + std::to_string(cw->info.revision) +
                " is already registered; raise its revision to change it",
            file_name);
      }
    }
  }
  AIMS_TRY(ws.Mutate([&](Mutation& m) -> base::Status {
    return m.Create(result.record, "catalog.import").status();
  }));
  ws.InvalidateCatalogs();
  return result;
}

base::Result<Adoption> AdoptCatalog(Workspace& ws, std::string_view framework,
                                    std::string_view edition, int64_t revision) {
  AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* known, ws.Catalogs());
  const catalog::Framework* target = known->Find(framework, edition, revision);
  if (!target) {
    return base::Status::NotFound("no registered catalog " + std::string(framework) + "@" +
                                  std::string(edition) + "#" + std::to_string(revision) +
                                  " (import it first with `aims catalog import`)");
  }
  Adoption adoption;
  AIMS_TRY(ws.Mutate([&](Mutation& m) -> base::Status {
    std::vector<domain::SoaEntry> entries;
    AIMS_TRY(m.tx().records<domain::SoaEntry>().Scan(
        {.include_retired = false}, [&](domain::SoaEntry& e) -> base::Status {
          if (e.framework == framework) entries.push_back(e);
          return base::Status::OK();
        }));
    if (!entries.empty()) {
      const catalog::Framework* current =
          known->Find(framework, entries.front().catalog_version, entries.front().catalog_revision);
      if (current) adoption.diff = catalog::DiffRequirements(*current, *target);
    }
    std::set<std::string> seen;
    for (domain::SoaEntry& e : entries) {
      seen.insert(e.requirement);
      const catalog::Item* item = target->Find(e.requirement);
      int64_t expected = e.meta.version;
      if (!item || item->kind != catalog::ItemKind::kControl) {
        AIMS_TRY(m.Retire(e, expected));
        ++adoption.retired;
        continue;
      }
      if (e.catalog_version == target->info().version && e.catalog_revision == target->info().revision) {
        continue;
      }
      e.catalog_version = target->info().version;
      e.catalog_revision = target->info().revision;
      AIMS_TRY(m.Update(e, expected, "catalog.adopt"));
      ++adoption.updated;
    }
    for (const catalog::Item* item : target->OfKind(catalog::ItemKind::kControl)) {
      if (seen.count(item->id)) continue;
      domain::SoaEntry entry;
      entry.framework = std::string(framework);
      entry.requirement = item->id;
      entry.catalog_version = target->info().version;
      entry.catalog_revision = target->info().revision;
      AIMS_TRY(m.Create(entry, "catalog.adopt").status());
      ++adoption.added;
    }
    return base::Status::OK();
  }));
  return adoption;
}

}  // namespace aims::service
