#include "service/export_import.h"

#include "base/clock.h"
#include "catalog/builtin_catalogs.h"
#include "catalog/catalog_parser.h"
#include "io/register_json_reader.h"
#include "io/register_json_writer.h"
#include "service/catalog_service.h"
#include "store/bulk_load.h"

namespace aims::service {

base::Result<std::string> ExportRegister(Workspace& ws, const ExportOptions& options) {
  io::RegisterDocument doc;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    base::Status status;
    domain::ForEachRecordType([&]<class T>() {
      if (!status.ok()) return;
      auto& out = doc.records<T>();
      status = tx.records<T>().Scan({}, [&](T& record) -> base::Status {
        out.push_back(std::move(record));
        return base::Status::OK();
      });
    });
    return status;
  }));
  if (options.include_blobs) {
    for (const auto& ev : doc.records<domain::Evidence>()) {
      if (doc.blobs.count(ev.sha256)) continue;
      auto bytes = ws.blobs().Get(ev.sha256);
      if (!bytes.ok()) {
        return bytes.status().WithContext(domain::DisplayId(domain::EntityKind::kEvidence, ev.meta.id));
      }
      doc.blobs.emplace(ev.sha256, std::move(*bytes));
    }
  }
  return io::WriteRegisterJson(doc);
}

namespace {

base::Result<bool> RegisterIsEmpty(store::Tx& tx) {
  bool empty = true;
  base::Status status;
  domain::ForEachRecordType([&]<class T>() {
    if (!status.ok() || !empty) return;
    auto n = tx.records<T>().Count(true);
    if (!n.ok()) status = n.status();
    else if (*n > 0) empty = false;
  });
  AIMS_TRY(status);
  return empty;
}

}  // namespace

base::Result<ImportSummary> ImportRegister(Workspace& ws, std::string_view text,
                                           std::string_view file_name) {
  std::string file(file_name);
  AIMS_ASSIGN_OR_RETURN(io::RegisterDocument doc, io::ReadRegisterJson(text, file_name, base::Now()));

  // The catalogs the records are checked against: the built-in ones and the document's own.
  AIMS_ASSIGN_OR_RETURN(auto builtin, catalog::BuiltinCatalogs());
  catalog::CatalogSet catalogs = *builtin;
  std::vector<std::shared_ptr<const catalog::Crosswalk>> crosswalks;
  const auto& catalog_records = doc.records<domain::CatalogRecord>();
  for (size_t i = 0; i < catalog_records.size(); ++i) {
    std::string where = file + ":/catalogs/" + std::to_string(i) + "/content";
    auto lib = catalog::ParseLibrary(catalog_records[i].content, where);
    if (!lib.ok()) return lib.status();
    if (auto* fw = std::get_if<catalog::Framework>(&*lib)) {
      AIMS_TRY(catalogs.AddFramework(std::make_shared<const catalog::Framework>(std::move(*fw)))
                   .WithContext(where));
    } else {
      crosswalks.push_back(std::make_shared<const catalog::Crosswalk>(
          std::get<catalog::Crosswalk>(std::move(*lib))));
    }
  }
  for (auto& cw : crosswalks) AIMS_TRY(catalogs.AddCrosswalk(std::move(cw)).WithContext(file));

  // Evidence files first (content-addressed: an aborted import leaves only unreferenced blobs).
  for (const auto& [sha, bytes] : doc.blobs) AIMS_TRY(ws.blobs().Put(bytes).status());
  const auto& evidence = doc.records<domain::Evidence>();
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (!ws.blobs().Contains(evidence[i].sha256)) {
      return base::Status::InvalidArgument(
          "the evidence file is neither in the document's blobs nor in the blob store",
          file + ":/evidence/" + std::to_string(i) + "/sha256");
    }
  }

  ImportSummary summary;
  AIMS_TRY(ws.store().SetBulkLoad(true));
  base::Status imported = ws.MutateWithCatalogs(catalogs, [&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(bool empty, RegisterIsEmpty(m.tx()));
    if (!empty) {
      return base::Status::FailedPrecondition(
          "the register in this data directory is not empty; import into a new --data directory",
          ws.paths().dir);
    }
    if (catalog_records.empty()) AIMS_TRY(RegisterBuiltinCatalogs(m));
    AIMS_ASSIGN_OR_RETURN(store::BulkLoad bulk, store::BulkLoad::Begin(m.tx()));
    base::Status status;
    domain::ForEachRecordType([&]<class T>() {
      if (!status.ok()) return;
      std::string section(domain::Info(T::kKind).plural);
      auto& records = doc.records<T>();
      for (size_t i = 0; i < records.size() && status.ok(); ++i) {
        auto id = m.Restore(records[i]);
        if (!id.ok()) {
          std::string ptr = file + ":/" + section + "/" + std::to_string(i);
          base::Status s = id.status();
          // Field-level problems name the field; join it onto the record's pointer.
          std::string where(s.where());
          if (!where.empty() && where.find(':') == std::string::npos && where.front() != '/') {
            where = "/" + where;
          }
          status = base::Status(s.code(), s.message(), ptr + where);
        }
      }
      summary.counts[section] = static_cast<int64_t>(records.size());
      summary.records += static_cast<int64_t>(records.size());
    });
    AIMS_TRY(status);
    return bulk.Finish(m.tx());
  });
  base::Status wal = ws.store().SetBulkLoad(false);
  AIMS_TRY(imported);
  AIMS_TRY(wal);
  ws.InvalidateCatalogs();
  if (ws.last_head()) summary.ledger_size = ws.last_head()->size;
  return summary;
}

}  // namespace aims::service
