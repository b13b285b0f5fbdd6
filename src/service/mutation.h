// Mutation: the body of one use case that changes the register. Every create, update and
// retire validates the record (domain rules, references, uniqueness, catalog ids), writes it,
// and appends its ledger entry in the same transaction (Workspace::Mutate commits it all or
// nothing).
// Thread safety: one per transaction.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <span>
#include <string_view>

#include "base/result.h"
#include "catalog/catalog_set.h"
#include "domain/canonical_state.h"
#include "domain/validate.h"
#include "service/ledger_appender.h"
#include "store/store.h"

namespace aims::service {

// The risk methodology in force: the live record, else domain::DefaultMethodology().
base::Result<domain::RiskMethodology> CurrentMethodology(store::Tx& tx);

// The highest-numbered version of a system's versioned record (an impact assessment, an EU AI
// Act classification); nullopt if it has none.
template <class T>
base::Result<std::optional<T>> LatestVersion(store::Tx& tx, domain::Id system, bool include_retired) {
  store::RecordQuery q;
  q.equals = {{"system", std::to_string(system)}};
  q.sort = "version";
  q.descending = true;
  q.limit = 1;
  q.include_retired = include_retired;
  std::vector<T> found;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<T>().Query(q, &found, &next));
  if (found.empty()) return std::optional<T>();
  return std::optional<T>(std::move(found.front()));
}

// Every live record of kind T whose reference field `field` names record `id` (for a list of
// references: holds it), in id order.
template <class T>
base::Result<std::vector<T>> LiveReferring(store::Tx& tx, std::string_view field, domain::Id id) {
  store::RecordQuery q;
  q.equals = {{std::string(field), std::to_string(id)}};
  q.limit = std::numeric_limits<int64_t>::max();
  std::vector<T> found;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<T>().Query(q, &found, &next));
  return found;
}

class Mutation {
 public:
  Mutation(store::Tx& tx, LedgerAppender& ledger, const catalog::CatalogSet& catalogs,
           std::string actor, base::Timestamp now)
      : tx_(tx), ledger_(ledger), catalogs_(catalogs), actor_(std::move(actor)), now_(now) {}

  store::Tx& tx() { return tx_; }
  const catalog::CatalogSet& catalogs() const { return catalogs_; }
  const std::string& actor() const { return actor_; }
  base::Timestamp now() const { return now_; }
  uint64_t ledger_size() const { return ledger_.size(); }

  // Creates `record` (its meta is set here: a new id, version 1, timestamps now) and returns
  // its id, also stored in record.meta.id.
  template <class T>
  base::Result<domain::Id> Create(T& record, std::string_view action = "create") {
    record.meta = domain::RecordMeta{};
    record.meta.version = 1;
    record.meta.created_at = now_;
    record.meta.updated_at = now_;
    return Insert(record, action);
  }

  // Readies a record for RestorePreparedMany on any thread: list normalisation, domain rules and
  // catalog references (what needs no database), then its state hash.
  template <class T>
  static base::Result<base::Digest> Prepare(const catalog::CatalogSet& catalogs, T& record) {
    NormaliseLists(record);
    AIMS_TRY(domain::Validate(record));
    AIMS_TRY(CheckCatalogRefs(catalogs, record));
    return domain::StateHash(record);
  }

  // A record whose natural key (T::kNaturalKey) is already taken by record `other`; names the
  // key's first field.
  template <class T>
  static base::Status SameKey(domain::Id other) {
    std::string key;
    for (auto name : T::kNaturalKey) key += (key.empty() ? "" : ", ") + std::string(name);
    return base::Status::AlreadyExists(
        "another " + std::string(domain::Info(T::kKind).noun) + " (" +
            domain::DisplayId(T::kKind, other) + ") has the same " + key,
        T::kNaturalKey.empty() ? "" : T::kNaturalKey[0]);
  }

  // Inserts records exactly as given, meta included (import of an export), after Prepare,
  // several per statement, with their ledger entries already numbered and hashed
  // (LedgerAppender::HashEntries). On error *failed is the index of the record it is about.
  template <class T>
  base::Status RestorePreparedMany(std::span<const T> records,
                                   std::span<const ledger::LedgerEntry> entries,
                                   std::span<const ledger::Hash> leaves, size_t* failed) {
    for (size_t i = 0; i < records.size(); ++i) {
      if (records[i].meta.id <= 0 || records[i].meta.version < 1) {
        *failed = i;
        return base::Status::InvalidArgument("a restored record needs an id and record_version >= 1");
      }
    }
    base::Status inserted = tx_.records<T>().InsertMany(records, failed);
    if (!inserted.ok()) return Diagnose(records[*failed], inserted, /*inserting=*/true);
    *failed = 0;
    return ledger_.AppendHashed(tx_, entries, leaves);
  }

  // Stores `record` if the stored version is still `expected_version`; record.meta.version
  // becomes expected_version + 1. Conflict otherwise.
  template <class T>
  base::Status Update(T& record, int64_t expected_version, std::string_view action = "update") {
    record.meta.version = expected_version + 1;
    record.meta.updated_at = now_;
    AIMS_TRY(CheckContent(record));
    AIMS_TRY(CheckWorkflow(record, action));
    base::Status updated = tx_.records<T>().Update(record, expected_version);
    if (!updated.ok()) return Diagnose(record, updated, /*inserting=*/false);
    return Log(record, action);
  }

  // Marks the record retired (it stays in the register and the ledger).
  template <class T>
  base::Status Retire(T& record, int64_t expected_version) {
    if (record.meta.retired()) {
      return base::Status::FailedPrecondition("already retired",
                                              domain::DisplayId(T::kKind, record.meta.id));
    }
    record.meta.retired_at = now_;
    return Update(record, expected_version, "retire");
  }

  template <class T>
  base::Result<T> Get(domain::Id id) {
    return tx_.records<T>().Get(id);
  }

  // The ledger entry (without seq) for a record state.
  ledger::LedgerEntry Entry(domain::EntityKind kind, domain::Id id, const base::Digest& state_hash,
                            std::string_view action) const;

  // Appends a ledger entry for the record's current state.
  template <class T>
  base::Status Log(const T& record, std::string_view action) {
    return LogHash(T::kKind, record.meta.id, domain::StateHash(record), action);
  }

  base::Status LogHash(domain::EntityKind kind, domain::Id id, const base::Digest& state_hash,
                       std::string_view action);
  // Appends an entry for something that is not a register record (a user account, an API token,
  // an access role: domain/user_account.h), named by its own entity type.
  base::Status LogEntity(std::string_view entity_type, int64_t id, const base::Digest& state_hash,
                         std::string_view action);

 private:
  template <class T>
  base::Result<domain::Id> Insert(T& record, std::string_view action) {
    AIMS_TRY(CheckContent(record));
    AIMS_TRY(CheckWorkflow(record, action));
    auto id = tx_.records<T>().Insert(record);
    if (!id.ok()) return Diagnose(record, id.status(), /*inserting=*/true);
    record.meta.id = *id;
    AIMS_TRY(Log(record, action));
    return *id;
  }

  // What can be checked without the database: domain rules and catalog references.
  template <class T>
  base::Status CheckContent(T& record) {
    NormaliseLists(record);
    AIMS_TRY(domain::Validate(record));
    return CheckCatalogRefs(catalogs_, record);
  }

  // The database's constraints (foreign keys, unique natural keys) guard every write; when one
  // fires, find which reference or key it was so the error names the field. The failed
  // statement was rolled back on its own; the transaction can still be queried.
  template <class T>
  base::Status Diagnose(const T& record, const base::Status& failure, bool inserting) {
    bool constraint = failure.code() == base::StatusCode::kAlreadyExists ||
                      failure.code() == base::StatusCode::kInvalidArgument;
    if (!constraint || !failure.where().empty()) return failure;
    base::Status precise = CheckStored(record);
    if (precise.ok() && inserting && record.meta.id > 0) {
      AIMS_ASSIGN_OR_RETURN(bool taken, tx_.records<T>().Exists(record.meta.id));
      if (taken) {
        precise = base::Status::AlreadyExists(
            "another " + std::string(domain::Info(T::kKind).noun) + " has this id", "id");
      }
    }
    return precise.ok() ? failure : precise;
  }

  template <class T>
  base::Status CheckStored(const T& record) {
    AIMS_TRY(CheckReferences(record));
    AIMS_ASSIGN_OR_RETURN(auto existing, tx_.records<T>().FindByKey(record));
    if (existing && *existing != record.meta.id) return SameKey<T>(*existing);
    return base::Status::OK();
  }


  template <class T>
  static void NormaliseLists(T& record) {
    auto fix = [](const domain::Field& f, auto& value) {
      using V = std::decay_t<decltype(value)>;
      if constexpr (std::is_same_v<V, std::vector<domain::Id>>) {
        domain::Normalise(&value);
      } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
        if (f.name == "requirements") domain::Normalise(&value);
      }
    };
    record.VisitFields(fix);
  }

  template <class T>
  base::Status CheckReferences(const T& record) {
    base::Status status;
    auto check = [&](const domain::Field& f, const auto& value) {
      using V = std::decay_t<decltype(value)>;
      if (!status.ok()) return;
      if constexpr (std::is_same_v<V, std::optional<domain::Id>>) {
        if (value) status = CheckExists(f, *value);
      } else if constexpr (std::is_same_v<V, std::vector<domain::Id>>) {
        for (domain::Id id : value) {
          if (status.ok()) status = CheckExists(f, id);
        }
      }
    };
    domain::VisitConst(record, check);
    return status;
  }

  base::Status CheckExists(const domain::Field& f, domain::Id id);

  // Rules of a kind that need the register (service/workflow_rules.cpp): a risk's scores on the
  // methodology's scales and its acceptance; frozen impact assessments; records only the
  // service writes. `action` is the ledger action: "create", "update", "retire", "approve", ...
  base::Status CheckWorkflow(domain::Risk& risk, std::string_view action);
  base::Status CheckWorkflow(domain::RiskMethodology& methodology, std::string_view action);
  base::Status CheckWorkflow(domain::ImpactAssessment& assessment, std::string_view action);
  base::Status CheckWorkflow(domain::ImpactItem& item, std::string_view action);
  base::Status CheckWorkflow(domain::AiActAssessment& assessment, std::string_view action);
  base::Status CheckWorkflow(domain::Obligation& obligation, std::string_view action);
  base::Status CheckWorkflow(domain::AiSystem& system, std::string_view action);
  base::Status CheckWorkflow(domain::GateRequest& gate, std::string_view action);
  base::Status CheckWorkflow(domain::GatePolicyRecord& policy, std::string_view action);
  base::Status CheckWorkflow(domain::Incident& incident, std::string_view action);
  base::Status CheckWorkflow(domain::Policy& policy, std::string_view action);
  base::Status CheckWorkflow(domain::Responsibility& entry, std::string_view action);
  base::Status CheckWorkflow(domain::Measurement& measurement, std::string_view action);
  base::Status CheckWorkflow(domain::Training& training, std::string_view action);
  base::Status CheckWorkflow(domain::OversightArrangement& arrangement, std::string_view action);
  template <class T>
  base::Status CheckWorkflow(T&, std::string_view) {
    return base::Status::OK();
  }

 public:
  // The risk methodology in force (the live record, else domain::DefaultMethodology()),
  // compiled; read once per transaction.
  base::Result<const domain::RiskScale*> Scale();
  base::Result<domain::RiskMethodology> Methodology();
  void InvalidateScale() { scale_.reset(); }

 private:
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Risk& risk);
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Control& control);
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::SoaEntry& entry);
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Policy& policy);
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Objective& objective);
  static base::Status CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Course& course);
  template <class T>
  static base::Status CheckCatalogRefs(const catalog::CatalogSet&, const T&) {
    return base::Status::OK();
  }

  store::Tx& tx_;
  LedgerAppender& ledger_;
  const catalog::CatalogSet& catalogs_;
  std::string actor_;
  base::Timestamp now_;
  std::optional<domain::RiskScale> scale_;
};

}  // namespace aims::service
