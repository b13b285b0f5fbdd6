// ImpactAssessment: an AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5), laid out
// after ISO/IEC 42005 and the EU AI Act's fundamental-rights impact assessment (Art. 27):
// intended uses and foreseeable misuses, who is affected, benefits and harms (ImpactItem, one
// record each), vulnerable groups, mitigations tied to risks and controls, residual impact and
// what triggers a review.
// Versioned: a system's assessments are numbered 1, 2, ...; a draft is edited, an approver who
// is neither its drafter nor the system's owner approves it, and from then on it is frozen.
// Revising an approved version starts a new draft (copying it and its items); approving that
// one supersedes the old. The service enforces the workflow (service/assessments.h).
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

enum class AssessmentStatus { kDraft, kApproved, kSuperseded };
template <>
struct EnumTraits<AssessmentStatus> {
  static constexpr std::array<std::string_view, 3> kNames = {"draft", "approved", "superseded"};
};

struct ImpactAssessment {
  static constexpr EntityKind kKind = EntityKind::kImpactAssessment;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> system;
  int64_t version = 0;
  AssessmentStatus status = AssessmentStatus::kDraft;
  std::string intended_uses;
  std::string foreseeable_misuses;
  std::vector<std::string> affected_parties;
  std::vector<std::string> vulnerable_groups;
  std::string benefits;
  std::string use_context;
  std::string oversight_measures;
  std::string remedies;
  std::string residual_impact;
  std::vector<std::string> review_triggers;
  std::vector<Id> risks;
  std::vector<Id> controls;
  std::optional<Id> drafted_by;
  std::optional<Id> approved_by;
  std::optional<base::Date> approved_on;
  std::optional<Id> revises;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("system", EntityKind::kAiSystem).Required().Listed(), system);
    v(Int("version").Managed().Listed().Range(0, 1'000'000), version);
    v(Enum<AssessmentStatus>("status").Managed().Listed(), status);
    v(LongText("intended_uses").Required().Help("intended purposes, users and settings of use"),
      intended_uses);
    v(LongText("foreseeable_misuses").Help("reasonably foreseeable misuse (EU AI Act Art. 3(13))"),
      foreseeable_misuses);
    v(TextList("affected_parties").Required().Listed()
          .Help("individuals, groups and society affected by its use"),
      affected_parties);
    v(TextList("vulnerable_groups").Help("e.g. children, people with disabilities, job seekers"),
      vulnerable_groups);
    v(LongText("benefits").Help("what the system brings, and to whom"), benefits);
    v(LongText("use_context").Help("processes it is used in, period and frequency of use (Art. 27(1)(a)-(b))"),
      use_context);
    v(LongText("oversight_measures").Help("human oversight measures (Art. 27(1)(e))"), oversight_measures);
    v(LongText("remedies").Help("what happens if harm occurs: governance, complaints, redress (Art. 27(1)(f))"),
      remedies);
    v(LongText("residual_impact").Help("impact that remains after the mitigations"), residual_impact);
    v(TextList("review_triggers").Help("events that call for a new version, e.g. new user group"),
      review_triggers);
    v(RefList("risks", EntityKind::kRisk).Help("risks that mitigate or follow from its harms"), risks);
    v(RefList("controls", EntityKind::kControl).Help("controls that mitigate its harms"), controls);
    v(Ref("drafted_by", EntityKind::kPerson).Managed(), drafted_by);
    v(Ref("approved_by", EntityKind::kPerson).Managed().Listed(), approved_by);
    v(DateField("approved_on").Managed(), approved_on);
    v(Ref("revises", EntityKind::kImpactAssessment).Managed().Help("the version this one revises"), revises);
  }
};

enum class ImpactKind { kHarm, kBenefit };
template <>
struct EnumTraits<ImpactKind> {
  static constexpr std::array<std::string_view, 2> kNames = {"harm", "benefit"};
};

enum class Reversibility { kUnknown, kReversible, kHardToReverse, kIrreversible };
template <>
struct EnumTraits<Reversibility> {
  static constexpr std::array<std::string_view, 4> kNames = {"unknown", "reversible", "hard_to_reverse",
                                                             "irreversible"};
};

enum class ImpactScale { kIndividual, kGroup, kSociety };
template <>
struct EnumTraits<ImpactScale> {
  static constexpr std::array<std::string_view, 3> kNames = {"individual", "group", "society"};
};

// One benefit or harm of an impact assessment: frozen with it.
struct ImpactItem {
  static constexpr EntityKind kKind = EntityKind::kImpact;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> assessment;
  ImpactKind kind = ImpactKind::kHarm;
  std::string description;
  std::string affected;
  int64_t severity = 1;
  int64_t likelihood = 1;
  Reversibility reversibility = Reversibility::kUnknown;
  ImpactScale scale = ImpactScale::kIndividual;
  bool vulnerable_groups = false;
  std::string mitigation;
  std::vector<Id> risks;
  std::vector<Id> controls;
  std::string residual;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("assessment", EntityKind::kImpactAssessment).Required().Listed(), assessment);
    v(Enum<ImpactKind>("kind").Listed(), kind);
    v(LongText("description").Required().Listed(), description);
    v(Text("affected").Listed().Help("who is affected"), affected);
    v(Int("severity").Listed().Range(1, 5).Help("1 (slight) to 5 (grave)"), severity);
    v(Int("likelihood").Listed().Range(1, 5).Help("1 (rare) to 5 (almost certain)"), likelihood);
    v(Enum<Reversibility>("reversibility").Listed(), reversibility);
    v(Enum<ImpactScale>("scale").Listed().Help("one person, a group, or society"), scale);
    v(Bool("vulnerable_groups").Help("falls on vulnerable groups"), vulnerable_groups);
    v(LongText("mitigation"), mitigation);
    v(RefList("risks", EntityKind::kRisk), risks);
    v(RefList("controls", EntityKind::kControl), controls);
    v(LongText("residual").Help("what remains after mitigation"), residual);
  }
};

}  // namespace aims::domain
