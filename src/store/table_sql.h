// TableSql: the SQL text for one record type, derived once from its field list (domain/field.h)
// and the table layout convention that the migrations follow:
//   <table>(id, record_version, created_at, updated_at, retired_at, <one column per scalar field>)
//   <table>__<field>(owner_id, target_id) for each reference-list field.
// Text and enum fields are TEXT, ints and bools INTEGER, dates TEXT (YYYY-MM-DD), timestamps
// TEXT (RFC 3339), text and enum lists TEXT holding a JSON array, references INTEGER.
// A test (tests/store/schema_test.cpp) checks the migrations match this convention.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "store/record_query.h"

namespace aims::store {

std::string_view TableName(domain::EntityKind kind);

struct LinkSql {
  domain::Field field;
  std::string table;
  std::string insert;        // (owner_id, target_id)
  std::string delete_owner;  // (owner_id)
  std::string select_owner;  // (owner_id) -> target_id, ordered
  std::string select_range;  // (first owner, last owner) -> owner_id, target_id, ordered
  std::string select_live;   // () -> owner_id, target_id of owners not retired
};

// Rows per statement of TableSql::insert_rows: one statement for many rows saves most of the
// per-statement cost of a bulk load (measured in docs/benchmarks.md).
constexpr int kInsertRows = 64;

struct TableSql {
  std::string table;
  std::vector<domain::Field> fields;        // every field, in declaration order
  std::vector<domain::Field> scalar_fields; // fields stored as columns (not reference lists)
  std::string columns;       // "id, record_version, created_at, updated_at, retired_at, f1, ..."
  std::string insert;        // binds every column in `columns` order; RETURNING id
  std::string insert_with_id;  // the same without RETURNING, for a caller-chosen id (restore):
                               // RETURNING buffers its rows in a temporary table per statement
  int column_count = 0;      // parameters per row of insert_with_id
  std::string insert_rows;   // insert_with_id for kInsertRows rows at once (bulk restore)
  std::string update;        // record_version, updated_at, retired_at, fields..., id, expected
  std::string select_by_id;
  std::string select_page;     // (after id, limit) all records
  std::string select_page_live;  // (after id, limit) records not retired
  std::string exists;
  std::string count_all;
  std::string count_live;
  std::string find_by_key;   // natural-key columns -> id (text compared ignoring case)
  std::vector<std::string> natural_key;
  std::vector<LinkSql> links;
};

// A RecordQuery as SQL: the table's columns, then the sort key as one more column. Field names
// are checked against the table (InvalidArgument naming the query parameter otherwise) and
// every value is a bound parameter.
struct QuerySql {
  std::string text;
  std::vector<std::pair<bool, std::string>> params;  // (is_int, value) in order
  bool key_is_int = true;
};
base::Result<QuerySql> BuildQuerySql(const TableSql& sql, const RecordQuery& query);
// SELECT group_by..., COUNT(*) of the records the query's filters match (sort, cursor and limit
// ignored), one row per group.
base::Result<QuerySql> BuildCountSql(const TableSql& sql, const RecordQuery& query,
                                     std::span<const std::string> group_by);

TableSql BuildTableSql(domain::EntityKind kind, std::vector<domain::Field> fields,
                       std::span<const std::string_view> natural_key);

template <class T>
const TableSql& SqlFor() {
  static const TableSql sql = BuildTableSql(T::kKind, domain::FieldsOf<T>(), T::kNaturalKey);
  return sql;
}

}  // namespace aims::store
