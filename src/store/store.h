// Store: an open register database. Opening applies pending migrations (migrator.h) unless told
// not to; every read or write then runs in a transaction through Read() or Write().
// Thread safety: one Store per thread (it owns one connection); processes share the file.
#pragma once

#include <functional>
#include <optional>
#include <memory>
#include <string>

#include "base/result.h"
#include "store/account_table.h"
#include "store/concern_table.h"
#include "store/webhook_table.h"
#include "store/connection.h"
#include "store/ledger_table.h"
#include "store/migrator.h"
#include "store/record_table.h"

namespace aims::store {

struct StoreOptions {
  bool create_if_missing = false;  // create the file (aims init, aims import into a new dir)
  bool migrate = true;             // apply pending migrations; otherwise refuse an old schema
  int busy_timeout_ms = 60000;     // how long to wait for another process's write transaction
};

// The handle a transaction body works through.
class Tx {
 public:
  explicit Tx(Connection& conn) : conn_(conn) {}
  template <class T>
  RecordTable<T> records() {
    return RecordTable<T>(conn_);
  }
  LedgerTable ledger() { return LedgerTable(conn_); }
  AccountTable accounts() { return AccountTable(conn_); }
  ConcernTable concerns() { return ConcernTable(conn_); }
  WebhookTable webhooks() { return WebhookTable(conn_); }
  Connection& connection() { return conn_; }

  // A nested unit inside the transaction (SQL savepoint): RollbackToSavepoint undoes what was
  // written since Savepoint, ReleaseSavepoint keeps it. Used to commit several independent
  // changes in one transaction while any of them may fail alone.
  base::Status Savepoint() { return conn_.Run("SAVEPOINT aims_change"); }
  base::Status ReleaseSavepoint() { return conn_.Run("RELEASE aims_change"); }
  base::Status RollbackToSavepoint() {
    AIMS_TRY(conn_.Run("ROLLBACK TO aims_change"));
    return conn_.Run("RELEASE aims_change");
  }

 private:
  Connection& conn_;
};

class Store {
 public:
  static base::Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path,
                                                         const StoreOptions& options);

  // Runs `body` in a write transaction (holding the write lock from its start); commits when
  // it returns OK, rolls back otherwise. Returns body's status or the commit's failure.
  base::Status Write(const std::function<base::Status(Tx&)>& body);
  // Runs `body` in a read transaction: a consistent snapshot. Inside a held snapshot
  // (HoldSnapshot) it runs in that one.
  base::Status Read(const std::function<base::Status(Tx&)>& body);

  // A read transaction kept open while *into holds it: every Read() meanwhile sees the same
  // snapshot, and no Write() may run on this store until it ends. Leaves *into empty when a
  // transaction is already open or the begin failed (reads then run as usual).
  class Snapshot {
   public:
    explicit Snapshot(Connection& conn) : conn_(conn) {}
    ~Snapshot() { (void)conn_.Rollback(); }  // nothing was written: ending it is all it does
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

   private:
    Connection& conn_;
  };
  void HoldSnapshot(std::optional<Snapshot>* into);

  // Bulk loading into an empty database (aims import): while on, commits use a rollback journal
  // instead of the write-ahead log, so each page is written once rather than twice; commits stay
  // atomic and durable. Not an error if another connection prevents the switch: the WAL stays.
  base::Status SetBulkLoad(bool on);
  // Updates the statistics the query planner chooses indexes by (sqlite_stat1). Without them it
  // guesses, and on a large register guesses wrong (docs/benchmarks.md, dashboard).
  base::Status RefreshStatistics();

  const MigrationReport& migration_report() const { return migration_report_; }
  Connection& connection() { return *conn_; }

 private:
  Store(std::unique_ptr<Connection> conn, MigrationReport report)
      : conn_(std::move(conn)), migration_report_(std::move(report)) {}
  base::Status Run(bool write, const std::function<base::Status(Tx&)>& body);

  std::unique_ptr<Connection> conn_;
  MigrationReport migration_report_;
};

}  // namespace aims::store
