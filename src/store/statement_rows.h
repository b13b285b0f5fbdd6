// Helpers of the store's tables (records, accounts, concerns): reading a statement's rows,
// finishing an optimistic UPDATE, binding a digest. Private to src/store.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/sha256.h"
#include "store/connection.h"

namespace aims::store::internal {

inline void BindOptionalInt(Statement* stmt, int index, std::optional<int64_t> value) {
  if (value) {
    stmt->BindInt(index, *value);
  } else {
    stmt->BindNull(index);
  }
}

// Runs a statement whose rows are read one by one; resets it on every path.
template <class Read>
base::Status EachRow(Statement* stmt, Read&& read) {
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) {
      stmt->Reset();
      return row.status();
    }
    if (!*row) break;
    base::Status s = read(stmt);
    if (!s.ok()) {
      stmt->Reset();
      return s;
    }
  }
  stmt->Reset();
  return base::Status::OK();
}

// Runs an UPDATE ... RETURNING id: Conflict when the row exists at another version, NotFound
// when it does not exist.
inline base::Status FinishVersionedUpdate(Connection& conn, Statement* stmt, std::string_view table,
                                   int64_t id, int64_t expected_version, std::string_view what) {
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  stmt->Reset();
  if (row) return base::Status::OK();
  AIMS_ASSIGN_OR_RETURN(Statement * exists, conn.Prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?"));
  exists->BindInt(1, id);
  AIMS_ASSIGN_OR_RETURN(bool found, exists->Step());
  exists->Reset();
  if (!found) return base::Status::NotFound("no such " + std::string(what));
  return base::Status::Conflict("changed by someone else since version " +
                                std::to_string(expected_version) + "; reload and try again");
}

inline std::span<const uint8_t> Bytes(const base::Digest& d) { return d; }

}  // namespace aims::store::internal
