// Unit tests for domain/gate_policy_text.h: the default policy survives a round trip through its
// text, and each kind of mistake names its line and what is allowed.
#include <gtest/gtest.h>

#include "domain/gate_policy_text.h"

namespace aims::domain {
namespace {

TEST(GatePolicyText, TheDefaultPolicyRoundTrips) {
  GatePolicy original = DefaultGatePolicy();
  std::string text = FormatGatePolicy(original);
  auto back = ParseGatePolicy(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << text;
  ASSERT_EQ(back->rules.size(), original.rules.size());
  for (size_t i = 0; i < original.rules.size(); ++i) {
    EXPECT_EQ(back->rules[i].to, original.rules[i].to) << i;
    EXPECT_EQ(back->rules[i].tiers, original.rules[i].tiers) << i;
    EXPECT_EQ(back->rules[i].checks, original.rules[i].checks) << i;
    EXPECT_EQ(back->rules[i].approvers, original.rules[i].approvers) << i;
  }
  EXPECT_EQ(FormatGatePolicy(*back), text);
  EXPECT_NE(text.find("deployment for high: risks_assessed, impact_assessment_approved"), std::string::npos) << text;
}

TEST(GatePolicyText, CommentsBlankLinesTiersAndQuorum) {
  auto p = ParseGatePolicy(
      "# our policy\n"
      "\n"
      "design: owner\r\n"
      "  deployment for high, limited : owner , event_logging, owner ; approvers 3\n");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->rules.size(), 2u);
  EXPECT_EQ(p->rules[0].to, LifecycleStage::kDesign);
  EXPECT_TRUE(p->rules[0].tiers.empty());
  EXPECT_EQ(p->rules[0].approvers, 1);
  EXPECT_EQ(p->rules[1].tiers, (std::vector<AiActTier>{AiActTier::kHigh, AiActTier::kLimited}));
  EXPECT_EQ(p->rules[1].checks, (std::vector<GateCheck>{GateCheck::kOwner, GateCheck::kEventLogging}));  // once each
  EXPECT_EQ(p->rules[1].approvers, 3);

  // The parsed policy drives EvaluateGate: a limited system needs three approvers.
  GateFacts facts;
  facts.has_owner = true;
  auto gate = EvaluateGate(*p, AiActTier::kLimited, LifecycleStage::kVerificationValidation, LifecycleStage::kDeployment,
                           facts);
  ASSERT_TRUE(gate.ok());
  EXPECT_EQ(gate->approvers_needed, 3);
  ASSERT_EQ(gate->Unmet().size(), 1u);
  EXPECT_EQ(gate->Unmet()[0], GateCheck::kEventLogging);
}

TEST(GatePolicyText, MistakesNameTheLine) {
  struct Case {
    const char* text;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"design: owner\ndeploy: owner\n", "line 2", "unknown stage \"deploy\" (one of inception, design"},
      {"design for hihg: owner\n", "line 1", "unknown tier \"hihg\""},
      {"design: owner, logging\n", "line 1", "unknown check \"logging\" (one of owner, intended_use"},
      {"design owner\n", "line 1", "expected \"<stage> [for <tier>, ...]"},
      {"design with high: owner\n", "line 1", "after the stage, expected \"for <tier>"},
      {"design: owner; approvers 0\n", "line 1", "approvers must be a number from 1 to 9, got \"0\""},
      {"design: owner; approvers 12\n", "line 1", "approvers must be a number from 1 to 9"},
      {"design: owner; quorum 2\n", "line 1", "after ';', expected \"approvers <N>\""},
      {"\n\nretirement: owner\n", "line 3", "retirement needs no gate"},
      {"inception: owner\n", "line 1", "no gate leads to it"},
      {"design for : owner\n", "line 1", "\"for\" names no tier"},
  };
  for (const auto& c : cases) {
    auto p = ParseGatePolicy(c.text);
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.status().code(), base::StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(p.status().where(), c.where) << c.text;
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << c.text << " -> " << p.status().ToString();
  }
  auto empty = ParseGatePolicy("# nothing\n\n");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "the gate policy has no rule");
}

}  // namespace
}  // namespace aims::domain
