#include "service/export_import.h"

#include <algorithm>
#include <thread>

#include "base/clock.h"
#include "base/handoff_queue.h"
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

// A record-level error (whose `where` is a field name, or empty) at "file:/section/index[/field]".
base::Status PointAt(const base::Status& s, const std::string& file, const std::string& section,
                     size_t index) {
  std::string where(s.where());
  if (where.find(':') != std::string::npos) return s;  // already located (a reader error)
  std::string ptr = file + ":/" + section + "/" + std::to_string(index);
  if (!where.empty()) ptr += (where.front() == '/' ? "" : "/") + where;
  return base::Status(s.code(), s.message(), ptr);
}

// The record a rebuilt unique index refused: the later, in document order, of the records that
// share the key, pointing at the key's first field.
base::Status NameDuplicate(const io::RegisterJsonSource& source, const store::DuplicateKey& dup,
                           const std::string& file) {
  base::Status result = base::Status::AlreadyExists("records share a unique key", dup.table);
  domain::ForEachRecordType([&]<class T>() {
    if (dup.kind != T::kKind) return;
    std::vector<T> records;
    if (!source.Read<T>(0, source.Count<T>(), &records).ok()) return;
    std::optional<size_t> first, last;
    for (size_t i = 0; i < records.size(); ++i) {
      if (!std::binary_search(dup.ids.begin(), dup.ids.end(), records[i].meta.id)) continue;
      if (!first) first = i;
      last = i;
    }
    if (!first || *first == *last) return;
    result = PointAt(Mutation::SameKey<T>(records[*first].meta.id), file,
                     std::string(domain::Info(T::kKind).plural), *last);
  });
  return result;
}

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

// Stores one batch of records converted and prepared on the producer thread.
using StoreBatch = std::function<base::Status(Mutation&)>;
using BatchQueue = base::HandoffQueue<StoreBatch>;

constexpr size_t kBatchSize = 1024;

// What the converting thread needs to number and hash the import's ledger entries itself.
struct EntryPlan {
  ledger::LedgerEntry prototype;  // time, actor and action of every entry
  int64_t next_seq = 0;           // the log's size + 1 when the producer starts
};

// Converts every section in dependency order, prepares each record (rules, catalog ids, state
// hash) and its ledger entry (seq, leaf hash), and hands batches over; runs on its own thread.
void Produce(const io::RegisterJsonSource& source, const catalog::CatalogSet& catalogs,
             const std::string& file, EntryPlan plan, BatchQueue* queue) {
  base::Status status;
  domain::ForEachRecordType([&]<class T>() {
    size_t n = source.Count<T>();
    std::string section(domain::Info(T::kKind).plural);
    for (size_t begin = 0; begin < n && status.ok() && !queue->cancelled(); begin += kBatchSize) {
      auto records = std::make_shared<std::vector<T>>();
      records->reserve(kBatchSize);
      status = source.Read<T>(begin, begin + kBatchSize, records.get());
      if (!status.ok()) break;
      auto entries = std::make_shared<std::vector<ledger::LedgerEntry>>(records->size(), plan.prototype);
      for (size_t i = 0; i < records->size() && status.ok(); ++i) {
        auto hash = Mutation::Prepare(catalogs, (*records)[i]);
        if (hash.ok()) {
          ledger::LedgerEntry& e = (*entries)[i];
          e.entity_type = std::string(domain::Info(T::kKind).name);
          e.entity_id = (*records)[i].meta.id;
          e.state_hash = *hash;
        } else {
          status = PointAt(hash.status(), file, section, begin + i);
        }
      }
      if (!status.ok()) break;
      auto leaves = LedgerAppender::HashEntries(*entries, plan.next_seq);
      if (!leaves.ok()) {
        status = leaves.status();
        break;
      }
      plan.next_seq += static_cast<int64_t>(entries->size());
      auto hashed = std::make_shared<std::vector<ledger::Hash>>(std::move(*leaves));
      queue->Push([records, entries, hashed, begin, section, file](Mutation& m) -> base::Status {
        size_t failed = 0;
        base::Status s = m.RestorePreparedMany<T>(*records, *entries, *hashed, &failed);
        return s.ok() ? s : PointAt(s, file, section, begin + failed);
      });
    }
  });
  queue->Close(status);
}

}  // namespace

base::Result<ImportSummary> ImportRegister(Workspace& ws, std::string_view text,
                                           std::string_view file_name) {
  AIMS_ASSIGN_OR_RETURN(io::RegisterJsonSource source, io::RegisterJsonSource::Parse(std::string(text), file_name, base::Now()));
  return ImportRegister(ws, source, file_name);
}

base::Result<ImportSummary> ImportRegister(Workspace& ws, const io::RegisterJsonSource& source,
                                           std::string_view file_name) {
  std::string file(file_name);

  // The catalogs the records are checked against: the built-in ones and the document's own.
  AIMS_ASSIGN_OR_RETURN(auto builtin, catalog::BuiltinCatalogs());
  catalog::CatalogSet catalogs = *builtin;
  std::vector<domain::CatalogRecord> catalog_records;
  AIMS_TRY(source.Read<domain::CatalogRecord>(0, source.Count<domain::CatalogRecord>(), &catalog_records));
  std::vector<std::shared_ptr<const catalog::Crosswalk>> crosswalks;
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
  std::map<std::string, std::string> blobs;
  AIMS_TRY(source.ReadBlobs(&blobs));
  for (const auto& [sha, bytes] : blobs) AIMS_TRY(ws.blobs().Put(bytes).status());
  blobs.clear();
  std::vector<domain::Evidence> evidence;
  AIMS_TRY(source.Read<domain::Evidence>(0, source.Count<domain::Evidence>(), &evidence));
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (!ws.blobs().Contains(evidence[i].sha256)) {
      return base::Status::InvalidArgument(
          "the evidence file is neither in the document's blobs nor in the blob store",
          file + ":/evidence/" + std::to_string(i) + "/sha256");
    }
  }

  ImportSummary summary;
  domain::ForEachRecordType([&]<class T>() {
    int64_t n = static_cast<int64_t>(source.Count<T>());
    summary.counts[std::string(domain::Info(T::kKind).plural)] = n;
    summary.records += n;
  });

  // One transaction; records are converted and hashed on a second thread while this one
  // stores them (the two halves of the work take about as long as each other).
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
    BatchQueue queue;
    EntryPlan plan;
    plan.prototype.time = m.now();
    plan.prototype.actor = m.actor();
    plan.prototype.action = "import";
    plan.next_seq = static_cast<int64_t>(m.ledger_size()) + 1;
    std::thread producer(Produce, std::cref(source), std::cref(catalogs), std::cref(file),
                         std::move(plan), &queue);
    base::Status status;
    while (std::optional<StoreBatch> batch = queue.Pop()) {
      status = (*batch)(m);
      if (!status.ok()) {
        queue.Cancel();
        break;
      }
    }
    if (status.ok()) status = queue.status();
    producer.join();
    AIMS_TRY(status);
    base::Status indexed = bulk.Finish(m.tx());
    if (!indexed.ok() && bulk.duplicate()) return NameDuplicate(source, *bulk.duplicate(), file);
    return indexed;
  });
  base::Status wal = ws.store().SetBulkLoad(false);
  AIMS_TRY(imported);
  AIMS_TRY(wal);
  ws.InvalidateCatalogs();
  if (ws.last_head()) summary.ledger_size = ws.last_head()->size;
  return summary;
}

}  // namespace aims::service
