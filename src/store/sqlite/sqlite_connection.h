// SqliteConnection: Connection over one SQLite database file.
// Opened in WAL mode with synchronous=FULL (a commit is on disk when Commit returns), foreign
// keys on, and a busy timeout so that concurrent aims processes wait for the write lock
// rather than fail with "database is locked".
#pragma once

#include <memory>
#include <string>

#include "store/connection.h"

struct sqlite3;

namespace aims::store {

struct SqliteOptions {
  int busy_timeout_ms = 60000;  // how long a writer waits for another writer's transaction
  bool create_if_missing = false;
  bool read_only = false;
};

base::Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                                     const SqliteOptions& options);

}  // namespace aims::store
