#include "store/record_table.h"

namespace aims::store::internal {

base::Status BindMeta(Statement* stmt, const domain::RecordMeta& meta, int base) {
  stmt->BindInt(base + 2, meta.version);
  stmt->BindText(base + 3, meta.created_at.ToString());
  stmt->BindText(base + 4, meta.updated_at.ToString());
  if (meta.retired_at) stmt->BindText(base + 5, meta.retired_at->ToString()); else stmt->BindNull(base + 5);
  return base::Status::OK();
}

}  // namespace aims::store::internal

namespace aims::store {
#define AIMS_COUNT_RECORD_TYPE(T) +1
static_assert(0 AIMS_RECORD_TYPES(AIMS_COUNT_RECORD_TYPE) == std::tuple_size_v<domain::AllRecordTypes>,
              "AIMS_RECORD_TYPES must list every type of domain::AllRecordTypes");
#undef AIMS_COUNT_RECORD_TYPE
// The tables themselves are instantiated in record_table_kinds_1..3.cpp, a third of the kinds
// each, so that they compile in parallel.
}  // namespace aims::store
