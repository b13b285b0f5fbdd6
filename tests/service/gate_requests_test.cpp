// Unit tests for the lifecycle gate use cases (service/lifecycle_gates.h) on a real register:
// refusals write nothing; a quorum of approvers other than the requester opens a gate and moves
// the system; each step is in the ledger in order; the admin's override needs a reason; the
// stage never changes by a plain edit; the stored policy (text) is the one in force.
#include <gtest/gtest.h>

#include "service/lifecycle_gates.h"
#include "service/mutation.h"
#include "service/workspace.h"
#include "support/register_probe.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;

using Stage = domain::LifecycleStage;
using domain::GateStatus;

struct Register : aims::testing::FreshRegister, aims::testing::RegisterProbe {
  domain::Id owner = 0, ann = 0, bob = 0, system = 0;

  // A system at inception with an owner, three people, and a policy whose design gate needs the
  // owner and two approvers.
  explicit Register(const char* rules = "design: owner, intended_use; approvers 2\n") : RegisterProbe(ws.get()) {
    Must([&](Mutation& m) -> base::Status {
      domain::Person o{.name = "Olivia Owner", .email = "olivia@example.org"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(o));
      domain::Person a{.name = "Ann Approver", .email = "ann@example.org"};
      AIMS_ASSIGN_OR_RETURN(ann, m.Create(a));
      domain::Person b{.name = "Bob Approver", .email = "bob@example.org"};
      AIMS_ASSIGN_OR_RETURN(bob, m.Create(b));
      domain::AiSystem s;
      s.name = "Chat assistant";
      s.purpose = "Answers customer questions";
      s.owner = owner;
      s.intended_use = "Customers of the web shop";
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      domain::GatePolicyRecord policy;
      policy.name = "Our gates";
      policy.rules = rules;
      return m.Create(policy).status();
    });
  }

  domain::AiSystem System() { return Get<domain::AiSystem>(system); }

  base::Result<domain::GateRequest> Request(Stage to, domain::Id who, bool admin = false, bool override = false,
                                            std::string reason = "") {
    domain::GateRequest out;
    base::Status s = Try([&](Mutation& m) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(out, RequestAdvance(m, {system, to, reason, override}, {who, admin}));
      return base::Status::OK();
    });
    if (!s.ok()) return s;
    return out;
  }

  base::Result<domain::GateRequest> Approve(domain::Id gate, domain::Id who, bool refuse = false,
                                            std::string note = "") {
    domain::GateRequest out;
    base::Status s = Try([&](Mutation& m) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(domain::GateRequest current, m.Get<domain::GateRequest>(gate));
      if (refuse) {
        AIMS_ASSIGN_OR_RETURN(out, RefuseGate(m, gate, current.meta.version, {who, true}, note));
      } else {
        AIMS_ASSIGN_OR_RETURN(out, ApproveGate(m, gate, current.meta.version, {who, true}, note));
      }
      return base::Status::OK();
    });
    if (!s.ok()) return s;
    return out;
  }
};

TEST(GateRequests, TwoApproversOtherThanTheRequesterOpenTheGateAndTheLedgerTellsTheStory) {
  Register r;
  int64_t start = r.LedgerSize();
  auto gate = r.Request(Stage::kDesign, r.owner, false, false, "design review booked");
  ASSERT_TRUE(gate.ok()) << gate.status().ToString();
  EXPECT_EQ(gate->status, GateStatus::kPending);
  EXPECT_EQ(gate->approvers_needed, 2);
  EXPECT_EQ(gate->checklist, (std::vector<std::string>{"owner: met", "intended_use: met"}));
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kInception);

  // The requester cannot approve; nobody approves twice; nothing is written either time.
  int64_t before = r.LedgerSize();
  auto self = r.Approve(gate->meta.id, r.owner);
  EXPECT_EQ(self.status().code(), base::StatusCode::kPermissionDenied);
  EXPECT_NE(self.status().message().find("separation of duties"), std::string::npos) << self.status().ToString();
  ASSERT_TRUE(r.Approve(gate->meta.id, r.ann).ok());
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kInception);  // one of two
  auto twice = r.Approve(gate->meta.id, r.ann);
  EXPECT_EQ(twice.status().code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(r.LedgerSize(), before + 1);

  // A second request while one is pending is refused.
  EXPECT_EQ(r.Request(Stage::kDesign, r.bob).status().code(), base::StatusCode::kAlreadyExists);

  auto opened = r.Approve(gate->meta.id, r.bob, false, "looks right");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->status, GateStatus::kOpened);
  EXPECT_EQ(opened->approved_by, (std::vector<domain::Id>{r.ann, r.bob}));
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kDesign);
  ASSERT_EQ(opened->events.size(), 4u);
  EXPECT_NE(opened->events[0].find("requested by PER-" + std::to_string(r.owner)), std::string::npos);
  EXPECT_NE(opened->events[0].find("2 of 2 checks met"), std::string::npos) << opened->events[0];
  EXPECT_NE(opened->events[1].find("approved by PER-" + std::to_string(r.ann) + " (1 of 2)"), std::string::npos);
  EXPECT_NE(opened->events[2].find("(2 of 2), 2 of 2 checks met: looks right"), std::string::npos) << opened->events[2];
  EXPECT_NE(opened->events[3].find("gate opened"), std::string::npos);
  EXPECT_EQ(r.ActionsAfter(start), (std::vector<std::string>{"gate_request request", "gate_request approve",
                                                              "gate_request approve", "ai_system advance"}));
  // A gate that is no longer pending takes no decision.
  EXPECT_EQ(r.Approve(gate->meta.id, r.owner, true, "late").status().code(), base::StatusCode::kFailedPrecondition);
}

TEST(GateRequests, AnUnmetChecklistOrASkipIsRefusedAndNothingIsWritten) {
  Register r;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, m.Get<domain::AiSystem>(r.system));
    s.intended_use.clear();
    return m.Update(s, s.meta.version);
  });
  int64_t before = r.LedgerSize();
  auto unmet = r.Request(Stage::kDesign, r.owner);
  ASSERT_EQ(unmet.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(unmet.status().where(), "checklist");
  EXPECT_NE(unmet.status().message().find("1 of 2 checks unmet: the intended use written down (intended_use)"),
            std::string::npos)
      << unmet.status().ToString();
  auto skip = r.Request(Stage::kDevelopment, r.owner);
  ASSERT_EQ(skip.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(skip.status().message().find("stages cannot be skipped"), std::string::npos);
  // Not even an admin's override skips a stage.
  EXPECT_EQ(r.Request(Stage::kDevelopment, r.ann, true, true, "urgent").status().code(),
            base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(r.LedgerSize(), before);
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kInception);
}

TEST(GateRequests, AnApprovalChecksTheChecklistAgain) {
  Register r;
  auto gate = r.Request(Stage::kDesign, r.owner);
  ASSERT_TRUE(gate.ok());
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, m.Get<domain::AiSystem>(r.system));
    s.owner.reset();
    return m.Update(s, s.meta.version);
  });
  auto approval = r.Approve(gate->meta.id, r.ann);
  ASSERT_EQ(approval.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(approval.status().message().find("an accountable owner (owner)"), std::string::npos);
}

TEST(GateRequests, OnlyAnAdminOverridesAndOnlyWithAReason) {
  Register r;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, m.Get<domain::AiSystem>(r.system));
    s.owner.reset();
    return m.Update(s, s.meta.version);
  });
  int64_t before = r.LedgerSize();
  EXPECT_EQ(r.Request(Stage::kDesign, r.ann, false, true, "urgent").status().code(),
            base::StatusCode::kPermissionDenied);
  auto no_reason = r.Request(Stage::kDesign, r.ann, true, true, "  \n");
  EXPECT_EQ(no_reason.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(no_reason.status().where(), "reason");
  EXPECT_EQ(r.LedgerSize(), before);

  int64_t start = static_cast<int64_t>(before);
  auto forced = r.Request(Stage::kDesign, r.ann, true, true, "regulator deadline; owner named tomorrow");
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
  EXPECT_EQ(forced->status, GateStatus::kOverridden);
  EXPECT_EQ(forced->decided_by, r.ann);
  EXPECT_EQ(forced->decision_note, "regulator deadline; owner named tomorrow");
  EXPECT_EQ(forced->checklist, (std::vector<std::string>{"owner: unmet", "intended_use: met"}));
  EXPECT_NE(forced->events.back().find("EMERGENCY OVERRIDE by PER-" + std::to_string(r.ann) +
                                       " with 1 of 2 checks met and 0 of 2 approvals"),
            std::string::npos)
      << forced->events.back();
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kDesign);
  EXPECT_EQ(r.ActionsAfter(start), (std::vector<std::string>{"gate_request override", "ai_system advance"}));
}

TEST(GateRequests, MovesBackAndRetirementNeedNoGate) {
  Register r;
  auto gate = r.Request(Stage::kDesign, r.owner, true, true, "set up");
  ASSERT_TRUE(gate.ok());
  auto back = r.Request(Stage::kInception, r.owner);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->status, GateStatus::kOpened);
  EXPECT_EQ(back->approvers_needed, 0);
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kInception);
  auto retired = r.Request(Stage::kRetirement, r.owner);
  ASSERT_TRUE(retired.ok());
  EXPECT_NE(retired->events[0].find("retired by"), std::string::npos);
  EXPECT_EQ(r.Request(Stage::kDesign, r.owner, true, true, "again").status().code(),
            base::StatusCode::kFailedPrecondition);  // retirement is final
}

TEST(GateRequests, ARefusalNeedsAReasonAndAnotherPerson) {
  Register r;
  auto gate = r.Request(Stage::kDesign, r.owner);
  ASSERT_TRUE(gate.ok());
  EXPECT_EQ(r.Approve(gate->meta.id, r.owner, true, "no").status().code(), base::StatusCode::kPermissionDenied);
  auto bare = r.Approve(gate->meta.id, r.ann, true, " ");
  EXPECT_EQ(bare.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(bare.status().where(), "note");
  auto refused = r.Approve(gate->meta.id, r.ann, true, "design review not held");
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, GateStatus::kRefused);
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kInception);
  // Refused, it no longer blocks a new request.
  EXPECT_TRUE(r.Request(Stage::kDesign, r.owner).ok());
}

TEST(GateRequests, TheStageChangesOnlyThroughItsGateAndGateRecordsOnlyThroughTheService) {
  Register r;
  base::Status edit = r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, m.Get<domain::AiSystem>(r.system));
    s.lifecycle_stage = Stage::kDesign;
    return m.Update(s, s.meta.version);
  });
  EXPECT_EQ(edit.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(edit.where(), "lifecycle_stage");
  EXPECT_NE(edit.message().find("aims system advance SYS-"), std::string::npos) << edit.ToString();
  base::Status forged = r.Try([&](Mutation& m) -> base::Status {
    domain::GateRequest g;
    g.system = r.system;
    g.to_stage = Stage::kDeployment;
    g.status = GateStatus::kOpened;
    return m.Create(g).status();
  });
  EXPECT_EQ(forged.code(), base::StatusCode::kFailedPrecondition);
}

TEST(GateRequests, TheStoredPolicyIsCheckedAndInForce) {
  Register r("design: owner; approvers 1\n");
  auto gate = r.Request(Stage::kDesign, r.owner);
  ASSERT_TRUE(gate.ok());
  EXPECT_EQ(gate->approvers_needed, 1);
  EXPECT_EQ(gate->checklist, std::vector<std::string>{"owner: met"});
  base::Status bad = r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto stored, StoredGatePolicy(m.tx()));
    stored->rules = "design: owner\ndeployment: owner, logs\n";
    return m.Update(*stored, stored->meta.version);
  });
  EXPECT_EQ(bad.code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.ToString().find("line 2"), std::string::npos) << bad.ToString();
  EXPECT_NE(bad.ToString().find("unknown check \"logs\""), std::string::npos) << bad.ToString();
  base::Status second = r.Try([&](Mutation& m) -> base::Status {
    domain::GatePolicyRecord p;
    p.name = "Another";
    p.rules = "design: owner\n";
    return m.Create(p).status();
  });
  EXPECT_EQ(second.code(), base::StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace aims::service

namespace aims::service {
namespace {

using aims::testing::TempDir;

TEST(GateRequests, AnAdminWithoutAPersonMayOverrideButNotAsk) {
  Register r;
  EXPECT_EQ(r.Try([&](Mutation& m) {
    return RequestAdvance(m, {r.system, Stage::kDesign, "", false}, {std::nullopt, true}).status();
  }).code(), base::StatusCode::kPermissionDenied);
  domain::GateRequest gate;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(gate, RequestAdvance(m, {r.system, Stage::kDesign, "outage fix", true}, {std::nullopt, true}));
    return base::Status::OK();
  });
  EXPECT_EQ(gate.status, GateStatus::kOverridden);
  EXPECT_FALSE(gate.decided_by.has_value());
  EXPECT_NE(gate.events.back().find("EMERGENCY OVERRIDE by test:alice"), std::string::npos) << gate.events.back();
  EXPECT_EQ(r.System().lifecycle_stage, Stage::kDesign);
}

}  // namespace
}  // namespace aims::service

namespace aims::service {
namespace {

using aims::testing::TempDir;

TEST(GateRequests, ThePolicyRulesAreStoredOnceThenChangedAtTheirVersion) {
  TempDir dir;
  auto ws = aims::testing::NewRegister(dir);
  auto set = [&](const std::string& rules, std::optional<int64_t> version) {
    domain::GatePolicyRecord out;
    base::Status s = ws->Mutate([&](Mutation& m) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(out, SetGatePolicyRules(m, rules, version));
      return base::Status::OK();
    });
    return std::pair{s, out};
  };
  auto [created, first] = set("design: owner\n", std::nullopt);
  ASSERT_TRUE(created.ok()) << created.ToString();
  EXPECT_EQ(first.meta.version, 1);
  EXPECT_EQ(set("design: intended_use\n", std::nullopt).first.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(set("design: intended_use\n", 5).first.code(), base::StatusCode::kConflict);
  EXPECT_EQ(set("design: logs\n", 1).first.code(), base::StatusCode::kInvalidArgument);
  auto [changed, second] = set("design: intended_use\n", 1);
  ASSERT_TRUE(changed.ok()) << changed.ToString();
  EXPECT_EQ(second.meta.version, 2);
  ASSERT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::GatePolicy p, CurrentGatePolicy(tx));
    EXPECT_EQ(p.rules.size(), 1u);
    EXPECT_EQ(p.rules[0].checks, std::vector<domain::GateCheck>{domain::GateCheck::kIntendedUse});
    return base::Status::OK();
  }).ok());
}

}  // namespace
}  // namespace aims::service
