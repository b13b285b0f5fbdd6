// Pipeline: a data or ML pipeline that builds, trains or feeds models and systems (A.4.4).
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

struct Pipeline {
  static constexpr EntityKind kKind = EntityKind::kPipeline;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string description;
  std::optional<Id> system;
  std::string tooling;
  std::vector<Id> models;
  std::vector<Id> datasets;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("description"), description);
    v(Ref("system", EntityKind::kAiSystem).Listed(), system);
    v(Text("tooling").Listed().Help("frameworks, orchestration and MLOps tools used"), tooling);
    v(RefList("models", EntityKind::kModel), models);
    v(RefList("datasets", EntityKind::kDataset), datasets);
  }
};

}  // namespace aims::domain
