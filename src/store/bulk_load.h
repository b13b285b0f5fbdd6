// BulkLoad: makes a large load into one transaction cheaper by dropping the table indexes
// (unique ones included) at its start and building them again, sorted, at its end, both inside
// the same transaction: if it fails or the process dies, the rollback restores the indexes with
// everything else. Building an index by sorting is several times cheaper than inserting into it
// row by row. Because unique keys are only checked at Finish, Finish names the first group of
// rows that share a key (duplicate()) and fails with AlreadyExists; the transaction must then be
// rolled back.
// REQUIRES: an open write transaction (Tx); nothing may rely on the dropped indexes until
// Finish (the import only inserts).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/entity_kind.h"
#include "store/store.h"

namespace aims::store {

// Rows of one table that share a unique key, found when its index was rebuilt.
struct DuplicateKey {
  std::string table;
  std::optional<domain::EntityKind> kind;  // the record kind stored in `table`, if any
  std::vector<domain::Id> ids;             // ascending, at least two
};

class BulkLoad {
 public:
  static base::Result<BulkLoad> Begin(Tx& tx);
  base::Status Finish(Tx& tx);
  const std::optional<DuplicateKey>& duplicate() const { return duplicate_; }

 private:
  base::Status FindDuplicate(Tx& tx, const std::string& create_sql);

  std::vector<std::string> create_sql_;  // the dropped indexes, as created
  std::optional<DuplicateKey> duplicate_;
};

}  // namespace aims::store
