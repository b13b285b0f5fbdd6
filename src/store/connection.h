// Connection and Statement: the seam between the repositories and a database engine. The
// repositories (record_table.h, ledger_table.h) speak only this interface and portable SQL with
// `?` placeholders, so a PostgreSQL backend plugs in beside sqlite/ without touching them.
// Thread safety: a Connection and its statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "base/result.h"

namespace aims::store {

// A prepared statement. Parameters are numbered from 1, result columns from 0.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  // Binds without copying: the caller keeps `value` alive until Reset (bulk writes).
  virtual void BindTextRef(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::span<const uint8_t> value) = 0;
  // true when a result row is ready, false when the statement is done. Constraint violations
  // come back as AlreadyExists (unique) or InvalidArgument (foreign key, check).
  virtual base::Result<bool> Step() = 0;
  virtual bool IsNull(int column) = 0;
  virtual int64_t Int(int column) = 0;
  // Valid until the next Step or Reset.
  virtual std::string_view Text(int column) = 0;
  virtual std::span<const uint8_t> Blob(int column) = 0;
  // Ready to run again; bindings cleared.
  virtual void Reset() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // A prepared statement for `sql`, reset and with no bindings. Owned by the connection and
  // cached by text: not an error to prepare the same text twice, but the two callers share it.
  virtual base::Result<Statement*> Prepare(std::string_view sql) = 0;
  // Runs statements that return no rows (migrations, pragmas).
  virtual base::Status Exec(std::string_view sql) = 0;
  // One statement without results, prepared once and kept (transaction control, savepoints:
  // run on every request, where parsing the SQL each time shows in profiles).
  virtual base::Status Run(std::string_view sql) = 0;
  // A number that changes whenever anything has been written to the database, by this
  // connection or any other connection or process, since the last call: lets a caller keep what
  // it read, cached, for as long as nobody wrote.
  virtual base::Result<int64_t> DataVersion() = 0;
  // A write transaction that holds the database's write lock from the start, so two writers
  // queue (up to the busy timeout) instead of failing at commit.
  virtual base::Status BeginWrite() = 0;
  virtual base::Status BeginRead() = 0;
  virtual base::Status Commit() = 0;
  virtual base::Status Rollback() = 0;
  virtual bool InTransaction() const = 0;
};


}  // namespace aims::store
