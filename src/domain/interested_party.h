// InterestedParty: someone with a stake in the AIMS (ISO/IEC 42001 clause 4.2); their
// requirements are PartyRequirement records.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/field.h"
#include "domain/context_issue.h"
#include "domain/record_meta.h"

namespace aims::domain {

struct InterestedParty {
  static constexpr EntityKind kKind = EntityKind::kInterestedParty;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  IssueOrigin origin = IssueOrigin::kExternal;
  std::string description;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(Enum<IssueOrigin>("origin").Listed(), origin);
    v(LongText("description"), description);
  }
};

}  // namespace aims::domain
