// RecordTable<T>: reads and writes records of one kind, with their reference lists, using the
// SQL derived in table_sql.h. Every method runs inside the caller's transaction.
// Thread safety: as the Connection it holds (one thread).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "store/column_codec.h"
#include "store/connection.h"
#include "store/record_query.h"
#include "store/statement_rows.h"
#include "store/table_sql.h"

namespace aims::store {

struct ScanOptions {
  bool include_retired = true;
  domain::Id after = 0;  // keyset pagination: records with id > after
  int64_t limit = -1;    // -1: no limit
};

namespace internal {
// Binds meta fields 2..5 of the row whose first parameter is base + 1.
base::Status BindMeta(Statement* stmt, const domain::RecordMeta& meta, int base = 0);
}  // namespace internal

template <class T>
class RecordTable {
 public:
  explicit RecordTable(Connection& conn) : conn_(conn), sql_(SqlFor<T>()) {}

  // Inserts `record` with its links. A zero meta.id lets the database choose the id.
  // AlreadyExists on a duplicate id or natural key; InvalidArgument on a dangling reference.
  base::Result<domain::Id> Insert(const T& record) {
    const bool given_id = record.meta.id > 0;
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(given_id ? sql_.insert_with_id : sql_.insert));
    if (given_id) stmt->BindInt(1, record.meta.id); else stmt->BindNull(1);
    AIMS_TRY(internal::BindMeta(stmt, record.meta));
    FieldBinder binder(stmt, 6);
    domain::VisitConst(record, binder);
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    domain::Id id = record.meta.id;
    if (!given_id) {
      if (!row) return base::Status::Internal("INSERT returned no id");
      id = stmt->Int(0);
    }
    stmt->Reset();
    AIMS_TRY(WriteLinks(id, record, /*replace=*/false));
    return id;
  }

  // Inserts records that carry their ids (a restore), kInsertRows per statement, with their
  // links. On error *failed is the index of the record the error is about: a failed statement
  // leaves nothing behind, and its rows are then inserted one by one to find it.
  base::Status InsertMany(std::span<const T> records, size_t* failed) {
    size_t i = 0;
    const int per_row = sql_.column_count;
    for (; i + kInsertRows <= records.size(); i += kInsertRows) {
      AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(sql_.insert_rows));
      for (int r = 0; r < kInsertRows; ++r) {
        const T& record = records[i + r];
        const int base = r * per_row;
        stmt->BindInt(base + 1, record.meta.id);
        AIMS_TRY(internal::BindMeta(stmt, record.meta, base));
        FieldBinder binder(stmt, base + 6);
        domain::VisitConst(record, binder);
      }
      auto done = stmt->Step();
      stmt->Reset();
      if (!done.ok()) {
        AIMS_TRY(InsertEach(records, i, i + kInsertRows, failed));
        *failed = i;
        return done.status();
      }
      if (!sql_.links.empty()) {
        for (size_t j = i; j < i + kInsertRows; ++j) {
          base::Status linked = WriteLinks(records[j].meta.id, records[j], /*replace=*/false);
          if (!linked.ok()) {
            *failed = j;
            return linked;
          }
        }
      }
    }
    return InsertEach(records, i, records.size(), failed);
  }

  // Replaces the stored record whose version is `expected_version` by `record` (whose
  // meta.version is the new version). Conflict if the stored version differs, NotFound if
  // there is no such record.
  base::Status Update(const T& record, int64_t expected_version) {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(sql_.update));
    stmt->BindInt(1, record.meta.version);
    stmt->BindText(2, record.meta.updated_at.ToString());
    if (record.meta.retired_at) stmt->BindText(3, record.meta.retired_at->ToString());
    else stmt->BindNull(3);
    FieldBinder binder(stmt, 4);
    domain::VisitConst(record, binder);
    stmt->BindInt(binder.next(), record.meta.id);
    stmt->BindInt(binder.next() + 1, expected_version);
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    stmt->Reset();
    if (!row) {
      AIMS_ASSIGN_OR_RETURN(bool exists, Exists(record.meta.id));
      std::string id = domain::DisplayId(T::kKind, record.meta.id);
      if (!exists) return base::Status::NotFound("no such " + std::string(domain::Info(T::kKind).noun), id);
      return base::Status::Conflict(
          "changed by someone else since version " + std::to_string(expected_version) +
              "; reload and try again", id);
    }
    return WriteLinks(record.meta.id, record, /*replace=*/true);
  }

  // NotFound if absent.
  base::Result<T> Get(domain::Id id) {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(sql_.select_by_id));
    stmt->BindInt(1, id);
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) {
      stmt->Reset();
      return base::Status::NotFound("no such " + std::string(domain::Info(T::kKind).noun),
                                    domain::DisplayId(T::kKind, id));
    }
    T record;
    base::Status s = ReadRow(stmt, &record);
    stmt->Reset();
    AIMS_TRY(s);
    AIMS_TRY(ReadLinksOf(id, &record));
    return record;
  }

  base::Result<bool> Exists(domain::Id id) {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(sql_.exists));
    stmt->BindInt(1, id);
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    stmt->Reset();
    return row;
  }

  // The id of the record with the same natural key as `probe` (see T::kNaturalKey), if any.
  // Not an error if the kind has no natural key: returns nullopt.
  base::Result<std::optional<domain::Id>> FindByKey(const T& probe) {
    if (sql_.natural_key.empty()) return std::optional<domain::Id>();
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(sql_.find_by_key));
    KeyBinder binder{stmt, &sql_.natural_key};
    domain::VisitConst(probe, binder);
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    std::optional<domain::Id> id;
    if (row) id = stmt->Int(0);
    stmt->Reset();
    return id;
  }

  base::Result<int64_t> Count(bool include_retired) {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                          conn_.Prepare(include_retired ? sql_.count_all : sql_.count_live));
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    int64_t n = row ? stmt->Int(0) : 0;
    stmt->Reset();
    return n;
  }

  // How many records match the query's filters, per distinct value of the `group_by` fields
  // (one group, with no values, when none are given). Values are as text ("" for NULL).
  struct Group {
    std::vector<std::string> values;
    int64_t count = 0;
  };
  base::Result<std::vector<Group>> CountBy(const RecordQuery& query, std::span<const std::string> group_by = {}) {
    AIMS_ASSIGN_OR_RETURN(QuerySql q, BuildCountSql(sql_, query, group_by));
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(q.text));
    for (size_t i = 0; i < q.params.size(); ++i) {
      const auto& [is_int, value] = q.params[i];
      if (is_int) stmt->BindInt(static_cast<int>(i) + 1, std::stoll(value));
      else stmt->BindText(static_cast<int>(i) + 1, value);
    }
    std::vector<Group> out;
    AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) {
      Group& g = out.emplace_back();
      const int n = static_cast<int>(group_by.size());
      for (int i = 0; i < n; ++i) g.values.emplace_back(row->Text(i));
      g.count = row->Int(n);
      return base::Status::OK();
    }));
    return out;
  }

  // Calls fn(owner, target) for every link of reference-list field `field` whose owner is not
  // retired, without reading the records themselves (e.g. which risks each control treats).
  base::Status ScanLinks(std::string_view field, const std::function<base::Status(domain::Id, domain::Id)>& fn) {
    for (const auto& link : sql_.links) {
      if (link.field.name != field) continue;
      AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(link.select_live));
      AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) { return fn(row->Int(0), row->Int(1)); }));
      return base::Status::OK();
    }
    return base::Status::InvalidArgument("no such reference-list field", field);
  }

  // One page of `query`: up to query.limit records into *out and, when more may follow, the key
  // to ask for the next page with.
  base::Status Query(const RecordQuery& query, std::vector<T>* out, std::optional<PageKey>* next) {
    AIMS_ASSIGN_OR_RETURN(QuerySql q, BuildQuerySql(sql_, query));
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(q.text));
    for (size_t i = 0; i < q.params.size(); ++i) {
      const auto& [is_int, value] = q.params[i];
      if (is_int) stmt->BindInt(static_cast<int>(i) + 1, std::stoll(value));
      else stmt->BindText(static_cast<int>(i) + 1, value);
    }
    const int key_column = 5 + static_cast<int>(sql_.scalar_fields.size());
    PageKey last;
    AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) -> base::Status {
      T& record = out->emplace_back();
      AIMS_TRY(ReadRow(row, &record));
      last.is_int = q.key_is_int;
      if (q.key_is_int) last.int_value = row->Int(key_column);
      else last.text_value = std::string(row->Text(key_column));
      last.id = record.meta.id;
      return base::Status::OK();
    }));
    for (T& record : *out) AIMS_TRY(ReadLinksOf(record.meta.id, &record));
    if (static_cast<int64_t>(out->size()) == query.limit && !out->empty()) *next = last;
    else next->reset();
    return base::Status::OK();
  }

  // Calls `fn` for each record in id order, with its reference lists, reading in batches (one
  // query for the batch and one per reference list, never one per record).
  base::Status Scan(const ScanOptions& options, const std::function<base::Status(T&)>& fn) {
    constexpr int64_t kBatch = 2048;
    domain::Id after = options.after;
    int64_t remaining = options.limit;
    std::vector<T> batch;
    while (remaining != 0) {
      int64_t want = remaining < 0 ? kBatch : std::min(kBatch, remaining);
      batch.clear();
      AIMS_ASSIGN_OR_RETURN(
          Statement * stmt,
          conn_.Prepare(options.include_retired ? sql_.select_page : sql_.select_page_live));
      stmt->BindInt(1, after);
      stmt->BindInt(2, want);
      AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) { return ReadRow(row, &batch.emplace_back()); }));
      if (batch.empty()) break;
      AIMS_TRY(ReadLinksOfBatch(&batch));
      for (T& record : batch) AIMS_TRY(fn(record));
      after = batch.back().meta.id;
      if (remaining > 0) remaining -= static_cast<int64_t>(batch.size());
      if (static_cast<int64_t>(batch.size()) < want) break;
    }
    return base::Status::OK();
  }

 private:
  // Binds the natural-key fields of a probe in key order.
  struct KeyBinder {
    Statement* stmt;
    const std::vector<std::string>* key;
    template <class V>
    void operator()(const domain::Field& f, const V& value) {
      for (size_t i = 0; i < key->size(); ++i) {
        if ((*key)[i] != f.name) continue;
        FieldBinder one(stmt, static_cast<int>(i) + 1);
        one(f, value);
      }
    }
  };

  // Sets one reference-list member of a record by field name.
  struct LinkSetter {
    std::string_view name;
    std::vector<domain::Id>* values;
    void operator()(const domain::Field& f, std::vector<domain::Id>& v) {
      if (f.name == name) values = &v;
    }
    template <class V>
    void operator()(const domain::Field&, V&) {}
  };

  struct LinkGetter {
    std::string_view name;
    const std::vector<domain::Id>* values = nullptr;
    void operator()(const domain::Field& f, const std::vector<domain::Id>& v) {
      if (f.name == name) values = &v;
    }
    template <class V>
    void operator()(const domain::Field&, const V&) {}
  };

  static std::vector<domain::Id>* LinksOf(T* record, std::string_view name) {
    LinkSetter setter{name, nullptr};
    record->VisitFields(setter);
    return setter.values;
  }

  base::Status ReadRow(Statement* stmt, T* record) {
    AIMS_TRY(ReadMeta(stmt, sql_.table, &record->meta));
    FieldReader reader(stmt, 5, sql_.table, record->meta.id);
    record->VisitFields(reader);
    return reader.status();
  }

  // Inserts records [begin, end) one statement each; on error *failed names the record.
  base::Status InsertEach(std::span<const T> records, size_t begin, size_t end, size_t* failed) {
    for (size_t j = begin; j < end; ++j) {
      auto one = Insert(records[j]);
      if (!one.ok()) {
        *failed = j;
        return one.status();
      }
    }
    return base::Status::OK();
  }

  base::Status WriteLinks(domain::Id id, const T& record, bool replace) {
    for (const LinkSql& link : sql_.links) {
      if (replace) {
        AIMS_ASSIGN_OR_RETURN(Statement * del, conn_.Prepare(link.delete_owner));
        del->BindInt(1, id);
        auto done = del->Step();
        del->Reset();
        if (!done.ok()) return done.status();
      }
      LinkGetter getter{link.field.name};
      domain::VisitConst(record, getter);
      AIMS_ASSIGN_OR_RETURN(Statement * ins, conn_.Prepare(link.insert));
      for (domain::Id target : *getter.values) {
        ins->BindInt(1, id);
        ins->BindInt(2, target);
        auto done = ins->Step();
        ins->Reset();
        if (!done.ok()) {
          return base::Status(done.status().code(),
                              "refers to " + domain::DisplayId(link.field.ref, target) +
                                  ", which does not exist",
                              link.field.name);
        }
      }
    }
    return base::Status::OK();
  }

  base::Status ReadLinksOf(domain::Id id, T* record) {
    for (const LinkSql& link : sql_.links) {
      std::vector<domain::Id>* values = LinksOf(record, link.field.name);
      values->clear();
      AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(link.select_owner));
      stmt->BindInt(1, id);
      AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) {
        values->push_back(row->Int(0));
        return base::Status::OK();
      }));
    }
    return base::Status::OK();
  }

  // Fills the reference lists of a batch sorted by id with one range query per list.
  base::Status ReadLinksOfBatch(std::vector<T>* batch) {
    for (const LinkSql& link : sql_.links) {
      AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(link.select_range));
      stmt->BindInt(1, batch->front().meta.id);
      stmt->BindInt(2, batch->back().meta.id);
      size_t pos = 0;
      AIMS_TRY(internal::EachRow(stmt, [&](Statement* row) {
        domain::Id owner = row->Int(0);
        while (pos < batch->size() && (*batch)[pos].meta.id < owner) ++pos;
        if (pos < batch->size() && (*batch)[pos].meta.id == owner) {
          // Never null: `link` is one of T's reference lists.
          if (auto* values = LinksOf(&(*batch)[pos], link.field.name)) values->push_back(row->Int(1));
        }
        return base::Status::OK();
      }));
    }
    return base::Status::OK();
  }

  Connection& conn_;
  const TableSql& sql_;
};

// Every record type's table is compiled once, in record_table.cpp, not in each user.
#define AIMS_EXTERN_RECORD_TABLE(T) extern template class RecordTable<domain::T>;
AIMS_RECORD_TYPES(AIMS_EXTERN_RECORD_TABLE)
#undef AIMS_EXTERN_RECORD_TABLE

}  // namespace aims::store
