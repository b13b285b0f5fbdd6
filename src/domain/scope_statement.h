// ScopeStatement: one revision of the AIMS scope (ISO/IEC 42001 clause 4.3). Revisions are
// append-only: changing the scope adds a revision, so the history of the scope is the record.
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

struct ScopeStatement {
  static constexpr EntityKind kKind = EntityKind::kScopeStatement;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"revision"};
  RecordMeta meta;
  int64_t revision = 0;  // 1, 2, ...: assigned by aims when the revision is added
  std::string statement;
  std::string boundaries;
  std::string exclusions;
  std::optional<base::Date> effective_date;
  std::optional<Id> approved_by;

  template <class V>
  void VisitFields(V& v) {
    v(Int("revision").Listed().Managed().Range(1, 1'000'000).Help("assigned by aims"), revision);
    v(LongText("statement").Required().Listed().Help("what the AIMS covers"), statement);
    v(LongText("boundaries").Help("organisational units, sites, AI systems and roles in scope"),
      boundaries);
    v(LongText("exclusions").Help("what is out of scope, and why"), exclusions);
    v(DateField("effective_date").Listed(), effective_date);
    v(Ref("approved_by", EntityKind::kPerson).Listed(), approved_by);
  }
};

}  // namespace aims::domain
