// BulkLoad: makes a large load into one transaction cheaper by dropping the secondary (non-unique)
// indexes at its start and building them again, sorted, at its end, both inside the same
// transaction: if it fails or the process dies, the rollback restores the indexes with
// everything else. Unique indexes stay, so duplicates are still refused as they arrive.
// REQUIRES: an open write transaction (Tx); nothing may rely on the dropped indexes until
// Finish (the import only inserts).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace aims::store {

class BulkLoad {
 public:
  static base::Result<BulkLoad> Begin(Tx& tx);
  base::Status Finish(Tx& tx);

 private:
  std::vector<std::string> create_sql_;  // the dropped indexes, as created
};

}  // namespace aims::store
