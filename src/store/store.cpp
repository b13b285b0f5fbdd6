#include "store/store.h"

#include "store/sqlite/sqlite_connection.h"

namespace aims::store {

base::Result<std::unique_ptr<Store>> Store::OpenSqlite(const std::string& path,
                                                       const StoreOptions& options) {
  SqliteOptions sqlite;
  sqlite.busy_timeout_ms = options.busy_timeout_ms;
  sqlite.create_if_missing = options.create_if_missing;
  AIMS_ASSIGN_OR_RETURN(auto conn, store::OpenSqlite(path, sqlite));
  auto migrations = SqliteMigrations();
  MigrationReport report;
  if (options.migrate) {
    AIMS_ASSIGN_OR_RETURN(report, Migrate(*conn, migrations));
  } else {
    AIMS_TRY(CheckSchemaCurrent(*conn, migrations));
  }
  return std::unique_ptr<Store>(new Store(std::move(conn), std::move(report)));
}

base::Status Store::Run(bool write, const std::function<base::Status(Tx&)>& body) {
  // A read inside a held snapshot shares it (the server checks a request's token and runs its
  // handler in one; see api::Dispatcher::Authenticate).
  if (!write && conn_->InTransaction()) {
    Tx tx(*conn_);
    return body(tx);
  }
  AIMS_TRY(write ? conn_->BeginWrite() : conn_->BeginRead());
  Tx tx(*conn_);
  base::Status s = body(tx);
  if (s.ok()) s = conn_->Commit();
  if (!s.ok()) {
    base::Status rolled_back = conn_->Rollback();
    if (!rolled_back.ok()) {
      return base::Status(s.code(), s.ToString() + " (and the rollback failed: " +
                                        rolled_back.ToString() + ")");
    }
  }
  return s;
}

void Store::HoldSnapshot(std::optional<Snapshot>* into) {
  if (!into->has_value() && !conn_->InTransaction() && conn_->BeginRead().ok()) into->emplace(*conn_);
}

base::Status Store::RefreshStatistics() {
  // Sampled (analysis_limit): enough for the planner to pick the right index, in milliseconds
  // even on millions of rows.
  AIMS_TRY(conn_->Exec("PRAGMA analysis_limit=1000"));
  return conn_->Exec("ANALYZE");
}

base::Status Store::SetBulkLoad(bool on) {
  return conn_->Exec(on ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode=WAL");
}

base::Status Store::Write(const std::function<base::Status(Tx&)>& body) { return Run(true, body); }
base::Status Store::Read(const std::function<base::Status(Tx&)>& body) { return Run(false, body); }

}  // namespace aims::store
