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
  // Format revision 2 (issue 4): residual scores, treatment due date, objectives, acceptance.
  int64_t residual_likelihood = 0;  // 0: not assessed yet
  int64_t residual_impact = 0;
  std::optional<base::Date> treatment_due;
  std::vector<std::string> objectives;  // catalog refs, e.g. "iso42001:C.2.5"
  std::optional<Id> accepted_by;        // set only by an approver's acceptance (service)
  std::optional<base::Date> accepted_on;
  std::string acceptance_note;

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
    v(Int("residual_likelihood").Listed().Range(0, 5).Since(2)
          .Help("likelihood after treatment; 0 = not assessed yet"),
      residual_likelihood);
    v(Int("residual_impact").Listed().Range(0, 5).Since(2).Help("impact after treatment; 0 = not assessed yet"),
      residual_impact);
    v(DateField("treatment_due").Listed().Since(2).Help("when the treatment plan is due"), treatment_due);
    v(TextList("objectives").Since(2).Help("AI objectives at stake, e.g. iso42001:C.2.5 (fairness)"),
      objectives);
    v(Ref("accepted_by", EntityKind::kPerson).Managed().Since(2)
          .Help("approver who accepted the residual risk"),
      accepted_by);
    v(DateField("accepted_on").Managed().Since(2), accepted_on);
    v(LongText("acceptance_note").Managed().Since(2), acceptance_note);
  }
};

}  // namespace aims::domain
