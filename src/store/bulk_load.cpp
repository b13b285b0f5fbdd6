#include "store/bulk_load.h"

#include <algorithm>
#include <charconv>

#include "domain/entities.h"
#include "store/table_sql.h"

namespace aims::store {

namespace {

constexpr std::string_view kUniquePrefix = "CREATE UNIQUE INDEX";

// "CREATE UNIQUE INDEX k ON t (a COLLATE NOCASE, b)" -> {"t", "a COLLATE NOCASE, b"}: the
// column list, collations included, is what GROUP BY needs to group rows as the index would.
bool SplitIndexSql(std::string_view sql, std::string* table, std::string* columns) {
  size_t on = sql.find(" ON ");
  size_t open = sql.find('(', on == std::string_view::npos ? 0 : on);
  size_t close = sql.rfind(')');
  if (on == std::string_view::npos || open == std::string_view::npos ||
      close == std::string_view::npos || close < open) {
    return false;
  }
  std::string_view t = sql.substr(on + 4, open - on - 4);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  *table = std::string(t);
  *columns = std::string(sql.substr(open + 1, close - open - 1));
  return !table->empty() && !columns->empty();
}

}  // namespace

base::Result<BulkLoad> BulkLoad::Begin(Tx& tx) {
  BulkLoad load;
  std::vector<std::string> names;
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      tx.connection().Prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                              "ORDER BY name"));
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    names.emplace_back(stmt->Text(0));
    load.create_sql_.emplace_back(stmt->Text(1));
  }
  stmt->Reset();
  for (const auto& name : names) AIMS_TRY(tx.connection().Exec("DROP INDEX \"" + name + "\""));
  return load;
}

base::Status BulkLoad::Finish(Tx& tx) {
  for (const auto& sql : create_sql_) {
    base::Status created = tx.connection().Exec(sql);
    if (!created.ok() && sql.starts_with(kUniquePrefix)) {
      AIMS_TRY(FindDuplicate(tx, sql));
      if (duplicate_) {
        return base::Status::AlreadyExists("rows share a unique key", duplicate_->table);
      }
    }
    AIMS_TRY(created);
  }
  create_sql_.clear();
  return base::Status::OK();
}

base::Status BulkLoad::FindDuplicate(Tx& tx, const std::string& create_sql) {
  std::string table, columns;
  if (!SplitIndexSql(create_sql, &table, &columns)) return base::Status::OK();
  // Identifiers come from the schema (sqlite_master), never from input.
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      tx.connection().Prepare("SELECT group_concat(id) FROM \"" + table + "\" GROUP BY " + columns +
                              " HAVING count(*) > 1 ORDER BY min(id) LIMIT 1"));
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    DuplicateKey dup{table, std::nullopt, {}};
    domain::ForEachRecordType([&]<class T>() {
      if (SqlFor<T>().table == table) dup.kind = T::kKind;
    });
    std::string_view list = stmt->Text(0);
    const char* p = list.data();
    const char* end = p + list.size();
    while (p < end) {
      domain::Id id = 0;
      auto [next, ec] = std::from_chars(p, end, id);
      if (ec != std::errc()) break;
      dup.ids.push_back(id);
      p = next + 1;  // past the comma
    }
    std::sort(dup.ids.begin(), dup.ids.end());
    if (dup.ids.size() >= 2) duplicate_ = std::move(dup);
  }
  stmt->Reset();
  return base::Status::OK();
}

}  // namespace aims::store
