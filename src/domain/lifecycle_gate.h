// Lifecycle gates (ISO/IEC 42001 A.6.2; issue 5): which changes of an AI system's lifecycle stage
// are allowed, and what a change must meet first, in proportion to the system's EU AI Act tier.
//
// Stages run inception -> design -> development -> verification & validation -> deployment ->
// operation -> retirement. A system moves forward one stage at a time (no skipping), back to any
// earlier stage for re-work, and may be retired from any stage (a project dropped at design is
// retired too); retirement is final. Forward moves pass a gate: a checklist and a number of
// approvers who are not the requester. Moves back and retirement need no checklist.
//
// The policy is data (GatePolicy): rules that name a target stage, the tiers they apply to and
// their checks. DefaultGatePolicy() is the one aims ships; the facts behind each check are
// gathered from the register by the service layer (GateFacts), so this file does no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/ai_system.h"
#include "domain/enum_traits.h"

namespace aims::domain {

enum class GateCheck {
  kOwner,                          // an accountable owner is named
  kIntendedUse,                    // the intended use is written down
  kNotProhibited,                  // not an Art. 5 practice
  kClassified,                     // EU AI Act tier decided
  kRisksAssessed,                  // at least one risk assessed for the system
  kImpactAssessmentApproved,       // an approved AI system impact assessment
  kNoUntreatedRiskAboveAppetite,   // every risk above appetite treated or accepted by an approver
  kHumanOversightDefined,          // oversight mode chosen
  kVerificationEvidence,           // verification and validation evidence
  kTechnicalDocumentation,         // technical documentation evidence
  kEventLogging,                   // event logging in place
  kConformityAssessmentPlanned,    // conformity assessment planned (Art. 43)
  kOverseersTrained,               // an oversight arrangement whose overseers are present and trained
};
template <>
struct EnumTraits<GateCheck> {
  static constexpr std::array<std::string_view, 13> kNames = {
      "owner",           "intended_use",          "not_prohibited",
      "classified",      "risks_assessed",        "impact_assessment_approved",
      "no_untreated_risk_above_appetite", "human_oversight_defined", "verification_evidence",
      "technical_documentation", "event_logging", "conformity_assessment_planned",
      "overseers_trained"};
};

// What a person reads in a checklist: "an approved AI system impact assessment".
std::string_view GateCheckLabel(GateCheck check);

// The register's facts about one system, one per check.
struct GateFacts {
  bool has_owner = false;
  bool has_intended_use = false;
  bool risks_assessed = false;
  bool impact_assessment_approved = false;
  bool untreated_risk_above_appetite = false;
  bool human_oversight_defined = false;
  bool verification_evidence = false;
  bool technical_documentation = false;
  bool event_logging = false;
  bool conformity_assessment_planned = false;
  bool overseers_trained = false;
};

// One rule: moving to `to`, a system of one of `tiers` (all tiers when empty) must meet `checks`
// and be approved by `approvers` people other than the requester. Several rules may apply to
// one move: their checks add up and the largest quorum holds.
struct GateRule {
  LifecycleStage to = LifecycleStage::kDesign;
  std::vector<AiActTier> tiers;
  std::vector<GateCheck> checks;
  int approvers = 1;
};

struct GatePolicy {
  std::vector<GateRule> rules;
};

GatePolicy DefaultGatePolicy();

// The stage after `stage`, or nullopt after retirement.
std::optional<LifecycleStage> NextStage(LifecycleStage stage);

// OK, or FailedPrecondition naming the stages: a skip forward, a move out of retirement, or no move.
base::Status CheckTransition(LifecycleStage from, LifecycleStage to);

struct GateItem {
  GateCheck check;
  bool met = false;
};

// A checklist item as a gate request keeps it: "event_logging: met" or "event_logging: unmet".
std::string ChecklistLine(const GateItem& item);
// nullopt for a line that is not one.
std::optional<GateItem> ParseChecklistLine(std::string_view line);

struct GateOutcome {
  bool forward = false;          // a gate applies (moves back and retirement have none)
  std::vector<GateItem> checklist;  // in policy order, each check once
  int approvers_needed = 0;
  std::vector<GateCheck> Unmet() const;
  bool Met() const { return Unmet().empty(); }
};

// The checklist for moving a system of `tier` from `from` to `to`, evaluated on `facts`.
// Fails as CheckTransition does for a move that is not allowed at all.
base::Result<GateOutcome> EvaluateGate(const GatePolicy& policy, AiActTier tier, LifecycleStage from, LifecycleStage to,
                                       const GateFacts& facts);

}  // namespace aims::domain
