// Role: an AIMS role with its responsibilities and authorities (ISO/IEC 42001 5.3, A.3.2).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

struct Role {
  static constexpr EntityKind kKind = EntityKind::kRole;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string description;
  std::string responsibilities;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("description").Listed(), description);
    v(LongText("responsibilities"), responsibilities);
  }
};

}  // namespace aims::domain
