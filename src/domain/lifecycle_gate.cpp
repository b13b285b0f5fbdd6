#include "domain/lifecycle_gate.h"

#include <algorithm>

namespace aims::domain {

namespace {

using Stage = LifecycleStage;
using Tier = AiActTier;

int Index(Stage s) { return static_cast<int>(s); }

bool Meets(GateCheck check, AiActTier tier, const GateFacts& f) {
  switch (check) {
    case GateCheck::kOwner: return f.has_owner;
    case GateCheck::kIntendedUse: return f.has_intended_use;
    case GateCheck::kNotProhibited: return tier != Tier::kProhibited;
    case GateCheck::kClassified: return tier != Tier::kUnclassified;
    case GateCheck::kRisksAssessed: return f.risks_assessed;
    case GateCheck::kImpactAssessmentApproved: return f.impact_assessment_approved;
    case GateCheck::kNoUntreatedRiskAboveAppetite: return !f.untreated_risk_above_appetite;
    case GateCheck::kHumanOversightDefined: return f.human_oversight_defined;
    case GateCheck::kVerificationEvidence: return f.verification_evidence;
    case GateCheck::kTechnicalDocumentation: return f.technical_documentation;
    case GateCheck::kEventLogging: return f.event_logging;
    case GateCheck::kConformityAssessmentPlanned: return f.conformity_assessment_planned;
    case GateCheck::kOverseersTrained: return f.overseers_trained;
  }
  return false;
}

}  // namespace

std::string_view GateCheckLabel(GateCheck check) {
  switch (check) {
    case GateCheck::kOwner: return "an accountable owner";
    case GateCheck::kIntendedUse: return "the intended use written down";
    case GateCheck::kNotProhibited: return "not a prohibited practice (AI Act Art. 5)";
    case GateCheck::kClassified: return "an EU AI Act classification";
    case GateCheck::kRisksAssessed: return "its AI risks assessed";
    case GateCheck::kImpactAssessmentApproved: return "an approved AI system impact assessment";
    case GateCheck::kNoUntreatedRiskAboveAppetite: return "no risk above the appetite left untreated or unaccepted";
    case GateCheck::kHumanOversightDefined: return "human oversight defined";
    case GateCheck::kVerificationEvidence: return "verification and validation evidence";
    case GateCheck::kTechnicalDocumentation: return "technical documentation";
    case GateCheck::kEventLogging: return "event logging in place";
    case GateCheck::kConformityAssessmentPlanned: return "a conformity assessment planned (AI Act Art. 43)";
    case GateCheck::kOverseersTrained: return "overseers named, present and trained (AI Act Art. 14, 26(2))";
  }
  return "";
}

GatePolicy DefaultGatePolicy() {
  using C = GateCheck;
  const std::vector<Tier> high = {Tier::kHigh};
  const std::vector<Tier> unclassified_or_high = {Tier::kUnclassified, Tier::kHigh};
  GatePolicy p;
  // Every system: someone answers for it and its use is written down before design starts.
  p.rules.push_back({Stage::kDesign, {}, {C::kOwner, C::kIntendedUse}, 1});
  // Before building it: classified, not prohibited, its risks looked at.
  p.rules.push_back({Stage::kDevelopment, {}, {C::kOwner, C::kIntendedUse, C::kClassified, C::kNotProhibited}, 1});
  p.rules.push_back({Stage::kDevelopment, unclassified_or_high, {C::kRisksAssessed}, 1});
  p.rules.push_back({Stage::kVerificationValidation, {}, {C::kOwner, C::kNotProhibited}, 1});
  // Deployment: the heaviest gate. Every tier: owner, use, not prohibited, risks handled.
  p.rules.push_back({Stage::kDeployment, {}, {C::kOwner, C::kIntendedUse, C::kNotProhibited, C::kNoUntreatedRiskAboveAppetite}, 1});
  // Transparency-tier systems: their risks assessed and oversight decided.
  p.rules.push_back({Stage::kDeployment, {Tier::kLimited}, {C::kRisksAssessed, C::kHumanOversightDefined}, 1});
  // High-risk: the Act's duties before placing on the market or putting into service, and two approvers.
  p.rules.push_back({Stage::kDeployment, high,
                     {C::kRisksAssessed, C::kImpactAssessmentApproved, C::kHumanOversightDefined, C::kOverseersTrained,
                      C::kVerificationEvidence, C::kTechnicalDocumentation, C::kEventLogging,
                      C::kConformityAssessmentPlanned},
                     2});
  p.rules.push_back({Stage::kOperation, {}, {C::kOwner, C::kNotProhibited}, 1});
  p.rules.push_back({Stage::kOperation, high, {C::kHumanOversightDefined, C::kOverseersTrained, C::kEventLogging}, 2});
  return p;
}

base::Status CheckTransition(LifecycleStage from, LifecycleStage to) {
  auto name = [](Stage s) { return std::string(EnumName(s)); };
  if (from == to) return base::Status::FailedPrecondition("the system is already at " + name(to), "to");
  if (from == Stage::kRetirement) {
    return base::Status::FailedPrecondition("a retired system stays retired (register a new one to start again)", "to");
  }
  if (to == Stage::kRetirement || Index(to) < Index(from)) return base::Status::OK();
  if (Index(to) != Index(from) + 1) {
    std::string next = name(static_cast<Stage>(Index(from) + 1));
    return base::Status::FailedPrecondition(
        "stages cannot be skipped: from " + name(from) + " the next stage is " + next + ", not " + name(to), "to");
  }
  return base::Status::OK();
}

std::optional<LifecycleStage> NextStage(LifecycleStage stage) {
  if (stage == Stage::kRetirement) return std::nullopt;
  return static_cast<Stage>(Index(stage) + 1);
}

std::string ChecklistLine(const GateItem& item) {
  return std::string(EnumName(item.check)) + (item.met ? ": met" : ": unmet");
}

std::optional<GateItem> ParseChecklistLine(std::string_view line) {
  size_t colon = line.find(": ");
  if (colon == std::string_view::npos) return std::nullopt;
  auto check = ParseEnum<GateCheck>(line.substr(0, colon));
  std::string_view state = line.substr(colon + 2);
  if (!check || (state != "met" && state != "unmet")) return std::nullopt;
  return GateItem{*check, state == "met"};
}

std::vector<GateCheck> GateOutcome::Unmet() const {
  std::vector<GateCheck> out;
  for (const auto& item : checklist) {
    if (!item.met) out.push_back(item.check);
  }
  return out;
}

base::Result<GateOutcome> EvaluateGate(const GatePolicy& policy, AiActTier tier, LifecycleStage from, LifecycleStage to,
                                       const GateFacts& facts) {
  AIMS_TRY(CheckTransition(from, to));
  GateOutcome out;
  out.forward = to != Stage::kRetirement && Index(to) > Index(from);
  if (!out.forward) return out;
  for (const GateRule& rule : policy.rules) {
    if (rule.to != to) continue;
    if (!rule.tiers.empty() && std::find(rule.tiers.begin(), rule.tiers.end(), tier) == rule.tiers.end()) continue;
    out.approvers_needed = std::max(out.approvers_needed, rule.approvers);
    for (GateCheck check : rule.checks) {
      bool listed = std::any_of(out.checklist.begin(), out.checklist.end(), [&](const GateItem& i) { return i.check == check; });
      if (!listed) out.checklist.push_back({check, Meets(check, tier, facts)});
    }
  }
  if (out.approvers_needed == 0) out.approvers_needed = 1;  // a forward move is never unapproved
  return out;
}

}  // namespace aims::domain
