// Risk: an AI risk with its assessment and treatment (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3).
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

enum class RiskTreatment { kUndecided, kModify, kAvoid, kShare, kRetain };
template <>
struct EnumTraits<RiskTreatment> {
  static constexpr std::array<std::string_view, 5> kNames = {"undecided", "modify", "avoid",
                                                             "share", "retain"};
};

enum class RiskStatus { kOpen, kTreating, kAccepted, kClosed };
template <>
struct EnumTraits<RiskStatus> {
  static constexpr std::array<std::string_view, 4> kNames = {"open", "treating", "accepted",
                                                             "closed"};
};

struct Risk {
  static constexpr EntityKind kKind = EntityKind::kRisk;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::string title;
  std::string description;
  std::string source;  // a risk source, e.g. "iso42001:C.3.3" (level of automation), or free text
  int64_t likelihood = 1;
  int64_t impact = 1;
  std::optional<Id> owner;
  RiskTreatment treatment = RiskTreatment::kUndecided;
  std::string treatment_plan;
  RiskStatus status = RiskStatus::kOpen;
  std::optional<base::Date> review_date;
  std::vector<Id> systems;
  std::vector<Id> controls;

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(LongText("description"), description);
    v(Text("source").Help("risk source, e.g. iso42001:C.3.3"), source);
    v(Int("likelihood").Required().Listed().Range(1, 5).Help("1 (rare) to 5 (almost certain)"),
      likelihood);
    v(Int("impact").Required().Listed().Range(1, 5).Help("1 (negligible) to 5 (severe)"), impact);
    v(Ref("owner", EntityKind::kPerson).Listed(), owner);
    v(Enum<RiskTreatment>("treatment").Listed(), treatment);
    v(LongText("treatment_plan"), treatment_plan);
    v(Enum<RiskStatus>("status").Listed(), status);
    v(DateField("review_date").Listed(), review_date);
    v(RefList("systems", EntityKind::kAiSystem), systems);
    v(RefList("controls", EntityKind::kControl).Help("controls that treat it"), controls);
  }
};

}  // namespace aims::domain
