#include "store/record_table.h"

namespace aims::store {
#define AIMS_INSTANTIATE_RECORD_TABLE(T) template class RecordTable<domain::T>;
AIMS_RECORD_TYPES_1(AIMS_INSTANTIATE_RECORD_TABLE)
#undef AIMS_INSTANTIATE_RECORD_TABLE
}  // namespace aims::store
