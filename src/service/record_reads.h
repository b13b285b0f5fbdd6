// Reads the use cases share: a record at the version a change was based on, the one live record
// of a kind that has at most one (the organisation, the methodology, the gate policy), and every
// record of a kind.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "service/mutation.h"

namespace aims::service {

// Record `id` of kind T if it is still at `expected_version`; Conflict naming both versions if not.
template <class T>
base::Result<T> GetAtVersion(Mutation& m, domain::Id id, int64_t expected_version) {
  AIMS_ASSIGN_OR_RETURN(T record, m.Get<T>(id));
  if (record.meta.version != expected_version) {
    return base::Status::Conflict(domain::DisplayId(T::kKind, id) + " was changed since version " +
                                  std::to_string(expected_version) + " (now " +
                                  std::to_string(record.meta.version) + ")");
  }
  return record;
}

// The first live record of kind T, if any.
template <class T>
base::Result<std::optional<T>> FirstLive(store::Tx& tx) {
  store::RecordQuery q;
  q.limit = 1;
  std::vector<T> live;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<T>().Query(q, &live, &next));
  if (live.empty()) return std::optional<T>();
  return std::optional<T>(std::move(live.front()));
}

// Every live record of kind T (with `include_retired`, every record), in id order.
template <class T>
base::Result<std::vector<T>> AllRecords(store::Tx& tx, bool include_retired = false) {
  store::RecordQuery q;
  q.limit = std::numeric_limits<int64_t>::max();
  q.include_retired = include_retired;
  std::vector<T> out;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<T>().Query(q, &out, &next));
  return out;
}

}  // namespace aims::service
