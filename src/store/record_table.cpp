#include "store/record_table.h"

namespace aims::store::internal {

base::Status BindMeta(Statement* stmt, const domain::RecordMeta& meta) {
  stmt->BindInt(2, meta.version);
  stmt->BindText(3, meta.created_at.ToString());
  stmt->BindText(4, meta.updated_at.ToString());
  if (meta.retired_at) stmt->BindText(5, meta.retired_at->ToString()); else stmt->BindNull(5);
  return base::Status::OK();
}

}  // namespace aims::store::internal
