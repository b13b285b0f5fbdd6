#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace aims::store {

namespace {

base::Status ErrorFrom(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return base::Status::AlreadyExists(msg);
      }
      return base::Status::InvalidArgument(msg);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return base::Status::Corruption(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return base::Status::IOError(msg + " (another aims process held the write lock for longer "
                                         "than the busy timeout)");
    default:
      return base::Status::IOError(msg);
  }
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  void BindTextRef(int i, std::string_view v) override {
    sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  void BindBlob(int i, std::span<const uint8_t> v) override {
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  }
  base::Result<bool> Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    base::Status s = ErrorFrom(db_, sqlite3_extended_errcode(db_), "SQL statement failed");
    sqlite3_reset(stmt_);
    return s;
  }
  bool IsNull(int c) override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) override { return sqlite3_column_int64(stmt_, c); }
  std::string_view Text(int c) override {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string_view(p, sqlite3_column_bytes(stmt_, c)) : std::string_view();
  }
  std::span<const uint8_t> Blob(int c) override {
    auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, c));
    return p ? std::span<const uint8_t>(p, sqlite3_column_bytes(stmt_, c))
             : std::span<const uint8_t>();
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    cache_.clear();  // finalize statements before closing
    sqlite3_close(db_);
  }

  base::Result<Statement*> Prepare(std::string_view sql) override {
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
      it->second->Reset();
      return it->second.get();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      return ErrorFrom(db_, rc, "cannot prepare SQL \"" + std::string(sql.substr(0, 80)) + "\"");
    }
    auto owned = std::make_unique<SqliteStatement>(db_, stmt);
    Statement* raw = owned.get();
    cache_.emplace(std::string(sql), std::move(owned));
    return raw;
  }

  base::Status Exec(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      base::Status s = ErrorFrom(nullptr, rc, "SQL failed");
      return base::Status(s.code(), "SQL failed: " + msg);
    }
    return base::Status::OK();
  }

  base::Status Run(std::string_view sql) override {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, Prepare(sql));
    auto stepped = stmt->Step();
    stmt->Reset();
    return stepped.status();
  }

  base::Result<int64_t> DataVersion() override {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, Prepare("PRAGMA data_version"));
    AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
    int64_t version = row ? stmt->Int(0) : 0;
    stmt->Reset();
    // data_version moves only for other connections' commits; this connection's own changes
    // are counted by total_changes. Together they change whenever anything was written.
    return (version << 32) ^ sqlite3_total_changes64(db_);
  }

  base::Status BeginWrite() override { return Begin("BEGIN IMMEDIATE"); }
  base::Status BeginRead() override { return Begin("BEGIN DEFERRED"); }
  base::Status Commit() override {
    AIMS_TRY(Run("COMMIT"));
    in_tx_ = false;
    return base::Status::OK();
  }
  base::Status Rollback() override {
    in_tx_ = false;
    if (sqlite3_get_autocommit(db_)) return base::Status::OK();  // already rolled back
    return Run("ROLLBACK");
  }
  bool InTransaction() const override { return in_tx_; }

 private:
  base::Status Begin(const char* sql) {
    AIMS_TRY(Run(sql));
    in_tx_ = true;
    return base::Status::OK();
  }

  sqlite3* db_;
  bool in_tx_ = false;
  // Keyed by SQL text, looked up without copying it (every record write prepares several).
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>, TextHash, std::equal_to<>> cache_;
};

}  // namespace

base::Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                                     const SqliteOptions& options) {
  // SQLite counts every allocation under one process-wide mutex unless told not to; with a
  // connection per thread that lock was most of the library's cost under load (profiles of
  // `aims serve`). Must happen before SQLite initialises, i.e. before the first open.
  static std::once_flag memstatus_off;
  std::call_once(memstatus_off, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    base::Status s = ErrorFrom(db, rc, "cannot open database");
    sqlite3_close(db);
    return s.WithContext(path);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(db);
  // WAL lets readers run beside the writer; synchronous=FULL makes each commit durable when it
  // returns (NORMAL would only be durable at the next checkpoint).
  // 16 KiB pages: bulk inserts of records with several indexes run about a third faster than
  // with 4 KiB (measured, docs/benchmarks.md); only takes effect when the file is created.
  const char* pragmas =
      "PRAGMA page_size=16384;"
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=FULL;"
      "PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY;"
      "PRAGMA cache_size=-262144;";
  if (options.read_only) pragmas = "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;";
  base::Status s = conn->Exec(pragmas);
  if (!s.ok()) return s.WithContext(path);
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace aims::store
