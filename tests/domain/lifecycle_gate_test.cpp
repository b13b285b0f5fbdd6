// Unit tests for domain/lifecycle_gate.h: which stage changes are allowed (one step forward, back
// for re-work, retirement from anywhere, nothing after it) and the default gates' checklists and
// quorums, in proportion to the EU AI Act tier.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/lifecycle_gate.h"

namespace aims::domain {
namespace {

using Stage = LifecycleStage;
using Tier = AiActTier;

std::vector<std::string> Names(const std::vector<GateCheck>& checks) {
  std::vector<std::string> out;
  for (auto c : checks) out.emplace_back(EnumName(c));
  return out;
}

GateOutcome Gate(Tier tier, Stage from, Stage to, const GateFacts& facts) {
  auto out = EvaluateGate(DefaultGatePolicy(), tier, from, to, facts);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : GateOutcome{};
}

GateFacts AllFacts() {
  GateFacts f;
  f.has_owner = f.has_intended_use = f.risks_assessed = f.impact_assessment_approved = true;
  f.human_oversight_defined = f.verification_evidence = f.technical_documentation = true;
  f.event_logging = f.conformity_assessment_planned = f.overseers_trained = true;
  return f;
}

TEST(LifecycleGate, OneStepForwardBackForReworkRetirementIsFinal) {
  EXPECT_TRUE(CheckTransition(Stage::kInception, Stage::kDesign).ok());
  EXPECT_TRUE(CheckTransition(Stage::kDeployment, Stage::kOperation).ok());
  EXPECT_TRUE(CheckTransition(Stage::kOperation, Stage::kDevelopment).ok());  // re-work
  EXPECT_TRUE(CheckTransition(Stage::kDesign, Stage::kRetirement).ok());      // dropped early
  auto skip = CheckTransition(Stage::kDevelopment, Stage::kDeployment);
  EXPECT_EQ(skip.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(skip.ToString().find("the next stage is verification_validation, not deployment"), std::string::npos)
      << skip.ToString();
  EXPECT_EQ(CheckTransition(Stage::kRetirement, Stage::kOperation).code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CheckTransition(Stage::kDesign, Stage::kDesign).code(), base::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(EvaluateGate(DefaultGatePolicy(), Tier::kMinimal, Stage::kInception, Stage::kOperation, {}).ok());
}

// A high-risk system cannot be deployed until the Act's duties are met; what is missing is named,
// and two approvers are needed.
TEST(LifecycleGate, HighRiskDeploymentListsEveryUnmetItemAndNeedsTwoApprovers) {
  GateFacts f;
  f.has_owner = f.has_intended_use = true;
  f.untreated_risk_above_appetite = true;
  GateOutcome g = Gate(Tier::kHigh, Stage::kVerificationValidation, Stage::kDeployment, f);
  EXPECT_TRUE(g.forward);
  EXPECT_FALSE(g.Met());
  EXPECT_EQ(g.approvers_needed, 2);
  EXPECT_EQ(Names(g.Unmet()),
            (std::vector<std::string>{"no_untreated_risk_above_appetite", "risks_assessed", "impact_assessment_approved",
                                      "human_oversight_defined", "overseers_trained", "verification_evidence",
                                      "technical_documentation", "event_logging", "conformity_assessment_planned"}));
  GateOutcome ready = Gate(Tier::kHigh, Stage::kVerificationValidation, Stage::kDeployment, AllFacts());
  EXPECT_TRUE(ready.Met());
  EXPECT_EQ(ready.checklist.size(), 12u);  // each check once, though two rules name some of them
}

// Proportionate: a minimal-risk system needs its owner and intended use, and one approver.
TEST(LifecycleGate, MinimalRiskDeploymentNeedsOwnerAndIntendedUse) {
  GateFacts f;
  GateOutcome g = Gate(Tier::kMinimal, Stage::kVerificationValidation, Stage::kDeployment, f);
  EXPECT_EQ(Names(g.Unmet()), (std::vector<std::string>{"owner", "intended_use"}));
  EXPECT_EQ(g.approvers_needed, 1);
  f.has_owner = f.has_intended_use = true;
  EXPECT_TRUE(Gate(Tier::kMinimal, Stage::kVerificationValidation, Stage::kDeployment, f).Met());
  // Limited (transparency) sits between: risks assessed and oversight decided too.
  EXPECT_EQ(Names(Gate(Tier::kLimited, Stage::kVerificationValidation, Stage::kDeployment, f).Unmet()),
            (std::vector<std::string>{"risks_assessed", "human_oversight_defined"}));
}

TEST(LifecycleGate, AProhibitedOrUnclassifiedSystemDoesNotGetBuilt) {
  GateOutcome prohibited = Gate(Tier::kProhibited, Stage::kDesign, Stage::kDevelopment, AllFacts());
  EXPECT_EQ(Names(prohibited.Unmet()), std::vector<std::string>{"not_prohibited"});
  GateOutcome unclassified = Gate(Tier::kUnclassified, Stage::kDesign, Stage::kDevelopment, AllFacts());
  EXPECT_EQ(Names(unclassified.Unmet()), std::vector<std::string>{"classified"});
  // Going back for re-work, or retiring, passes no gate.
  GateOutcome back = Gate(Tier::kProhibited, Stage::kOperation, Stage::kDesign, {});
  EXPECT_FALSE(back.forward);
  EXPECT_TRUE(back.checklist.empty());
  EXPECT_TRUE(Gate(Tier::kHigh, Stage::kOperation, Stage::kRetirement, {}).checklist.empty());
}

TEST(LifecycleGate, EveryCheckHasALabelAndPoliciesAreData) {
  for (auto name : EnumNames<GateCheck>()) {
    auto check = ParseEnum<GateCheck>(name);
    ASSERT_TRUE(check.has_value()) << name;
    EXPECT_FALSE(GateCheckLabel(*check).empty()) << name;
  }
  // A policy of one's own: operation needs event logging for every tier, with three approvers.
  GatePolicy own;
  own.rules.push_back({Stage::kOperation, {}, {GateCheck::kEventLogging}, 3});
  auto g = EvaluateGate(own, Tier::kMinimal, Stage::kDeployment, Stage::kOperation, {});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Names(g->Unmet()), std::vector<std::string>{"event_logging"});
  EXPECT_EQ(g->approvers_needed, 3);
  // A move no rule names still needs one approver.
  auto none = EvaluateGate(own, Tier::kMinimal, Stage::kInception, Stage::kDesign, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->Met());
  EXPECT_EQ(none->approvers_needed, 1);
}

}  // namespace
}  // namespace aims::domain

namespace aims::domain {
namespace {

TEST(LifecycleGate, ChecklistLinesRoundTrip) {
  for (bool met : {true, false}) {
    GateItem item{GateCheck::kEventLogging, met};
    std::string line = ChecklistLine(item);
    EXPECT_EQ(line, met ? "event_logging: met" : "event_logging: unmet");
    auto back = ParseChecklistLine(line);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->check, item.check);
    EXPECT_EQ(back->met, met);
  }
  for (const char* bad : {"", "event_logging", "logs: met", "owner: maybe", "owner:met"}) {
    EXPECT_FALSE(ParseChecklistLine(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace aims::domain
