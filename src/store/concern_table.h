// ConcernTable: the SQL side of concerns (domain/concern.h; tables in
// sqlite/migrations/0005_oversee.sql). Runs inside the caller's transaction.
// Thread safety: as the Connection it uses.
#pragma once

#include <optional>
#include <vector>

#include "base/result.h"
#include "base/sha256.h"
#include "domain/concern.h"
#include "store/connection.h"

namespace aims::store {

class ConcernTable {
 public:
  explicit ConcernTable(Connection& conn) : conn_(conn) {}

  // Returns the new id.
  base::Result<int64_t> Insert(const domain::Concern& concern, const base::Digest& receipt_sha256);
  // Stores what a handler changes (category, system, status, hide flag, updated_at, version) if
  // the stored version is `expected_version`: Conflict otherwise, NotFound without the row.
  base::Status Update(const domain::Concern& concern, int64_t expected_version);
  base::Result<domain::Concern> Get(int64_t id);
  base::Result<std::optional<domain::Concern>> FindByReceipt(const base::Digest& receipt_sha256);
  // Newest first, at most `limit`.
  base::Result<std::vector<domain::Concern>> List(int64_t limit);

  base::Result<int64_t> InsertMessage(const domain::ConcernMessage& message);
  // Oldest first.
  base::Result<std::vector<domain::ConcernMessage>> Messages(int64_t concern);

 private:
  Connection& conn_;
};

}  // namespace aims::store
