#include "store/bulk_load.h"

namespace aims::store {

base::Result<BulkLoad> BulkLoad::Begin(Tx& tx) {
  BulkLoad load;
  std::vector<std::string> names;
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      tx.connection().Prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                              "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"));
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
  for (const auto& sql : create_sql_) AIMS_TRY(tx.connection().Exec(sql));
  create_sql_.clear();
  return base::Status::OK();
}

}  // namespace aims::store
