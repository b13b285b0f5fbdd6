// RecordMeta: what aims itself maintains on every register record: identity, the optimistic
// concurrency version, and the record's life. Users never set these directly.
#pragma once

#include <cstdint>
#include <optional>

#include "base/time.h"
#include "domain/entity_kind.h"

namespace aims::domain {

struct RecordMeta {
  Id id = 0;             // 0 until stored; then positive and never reused
  int64_t version = 0;   // "record_version": 1 on creation, +1 on every change
  base::Timestamp created_at;
  base::Timestamp updated_at;
  std::optional<base::Timestamp> retired_at;  // set once; a retired record leaves default lists

  bool retired() const { return retired_at.has_value(); }
};

}  // namespace aims::domain
