// Unit tests for service/lifecycle_gates.h on a real register: the facts behind a high-risk
// system's deployment gate come from its records (risks, impact assessment, evidence for the
// controls treating its risks, its Art. 43 obligation), and the checklist shrinks to nothing as
// the register fills in.
#include <gtest/gtest.h>

#include "service/aiact_service.h"
#include "service/assessments.h"
#include "service/catalog_service.h"
#include "service/lifecycle_gates.h"
#include "service/workspace.h"
#include "support/new_register.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;
using Stage = domain::LifecycleStage;

std::vector<std::string> Unmet(const domain::GateOutcome& g) {
  std::vector<std::string> out;
  for (auto c : g.Unmet()) out.emplace_back(domain::EnumName(c));
  return out;
}

struct GateFixture {
  TempDir dir;
  std::unique_ptr<Workspace> ws;
  domain::Id owner = 0, system = 0, risk = 0;
  base::Date today = *base::Date::Parse("2026-11-29");

  GateFixture() {
    ws = aims::testing::NewRegister(dir);
    EXPECT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
      domain::Person p{.name = "Olivia Owner", .email = "olivia@example.org"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(p));
      domain::AiSystem s;
      s.name = "CV screening";
      s.purpose = "Rank job applications";
      s.ai_act_tier = domain::AiActTier::kHigh;
      s.lifecycle_stage = Stage::kVerificationValidation;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      return base::Status::OK();
    }).ok());
  }

  domain::GateOutcome Gate() {
    domain::GateOutcome out;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(out, EvaluateSystemGate(tx, domain::DefaultGatePolicy(), system, Stage::kDeployment, today));
      return base::Status::OK();
    }).ok());
    return out;
  }

  template <class F>
  void Change(F f) {
    base::Status s = ws->Mutate([&](Mutation& m) -> base::Status { return f(m); });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // The seeded Annex A control with code `code`.
  domain::Id Control(const char* code) {
    domain::Id id = 0;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      return tx.records<domain::Control>().Scan({.include_retired = false}, [&](domain::Control& c) -> base::Status {
        if (c.code == code) id = c.meta.id;
        return base::Status::OK();
      });
    }).ok());
    EXPECT_NE(id, 0) << code;
    return id;
  }
};

TEST(LifecycleGates, AHighRiskSystemsDeploymentGateFollowsTheRegister) {
  GateFixture f;
  domain::GateOutcome empty = f.Gate();
  EXPECT_EQ(empty.approvers_needed, 2);
  EXPECT_EQ(Unmet(empty), (std::vector<std::string>{"owner", "intended_use", "risks_assessed", "impact_assessment_approved",
                                                     "human_oversight_defined", "overseers_trained", "verification_evidence",
                                                     "technical_documentation", "event_logging",
                                                     "conformity_assessment_planned"}));

  domain::Id vv = f.Control("A.6.2.4"), docs = f.Control("A.6.2.7"), logs = f.Control("A.6.2.8");
  f.Change([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, m.Get<domain::AiSystem>(f.system));
    s.owner = f.owner;
    s.intended_use = "Recruiters see a ranked shortlist";
    s.human_oversight = domain::HumanOversight::kInTheLoop;
    AIMS_TRY(m.Update(s, s.meta.version));
    // A risk above the appetite, treated by the three controls, still open.
    domain::Risk r;
    r.title = "Ranking bias";
    r.likelihood = 5;
    r.impact = 5;
    r.owner = f.owner;
    r.systems = {f.system};
    r.controls = {vv, docs, logs};
    AIMS_ASSIGN_OR_RETURN(f.risk, m.Create(r));
    return base::Status::OK();
  });
  EXPECT_EQ(Unmet(f.Gate()), (std::vector<std::string>{"no_untreated_risk_above_appetite", "impact_assessment_approved",
                                                        "overseers_trained", "verification_evidence", "technical_documentation",
                                                        "event_logging", "conformity_assessment_planned"}));

  // Evidence for two of the controls; the third's has expired.
  f.Change([&](Mutation& m) -> base::Status {
    auto add = [&](const char* title, domain::Id control, std::optional<base::Date> expires) -> base::Status {
      domain::Evidence e;
      e.title = title;
      e.file_name = std::string(title) + ".pdf";
      e.sha256 = std::string(64, 'a');
      e.controls = {control};
      e.expires_on = expires;
      return m.Create(e).status();
    };
    AIMS_TRY(add("Validation report", vv, std::nullopt));
    AIMS_TRY(add("Technical file", docs, f.today.AddDays(30)));
    return add("Logging config", logs, f.today.AddDays(-1));
  });
  auto unmet = Unmet(f.Gate());
  EXPECT_EQ(std::count(unmet.begin(), unmet.end(), "verification_evidence"), 0);
  EXPECT_EQ(std::count(unmet.begin(), unmet.end(), "technical_documentation"), 0);
  EXPECT_EQ(std::count(unmet.begin(), unmet.end(), "event_logging"), 1);  // its only evidence expired

  // Residual risk within appetite, an approved impact assessment, the Art. 43 obligation under
  // way, and current logging evidence: the gate is met.
  f.Change([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Risk r, m.Get<domain::Risk>(f.risk));
    r.residual_likelihood = 1;
    r.residual_impact = 1;
    r.status = domain::RiskStatus::kTreating;
    AIMS_TRY(m.Update(r, r.meta.version));
    domain::Evidence e;
    e.title = "Logging config 2";
    e.file_name = "log.txt";
    e.sha256 = std::string(64, 'b');
    e.controls = {logs};
    return m.Create(e).status();
  });
  unmet = Unmet(f.Gate());
  EXPECT_EQ(unmet, (std::vector<std::string>{"impact_assessment_approved", "overseers_trained",
                                             "conformity_assessment_planned"}));

  // The owner may stop the system: she is its overseer, and no course is required of her.
  f.Change([&](Mutation& m) -> base::Status {
    domain::OversightArrangement a;
    a.system = f.system;
    a.can_stop = {f.owner};
    return m.Create(a).status();
  });
  unmet = Unmet(f.Gate());
  EXPECT_EQ(unmet, (std::vector<std::string>{"impact_assessment_approved", "conformity_assessment_planned"}));

  // An impact assessment approved by someone who neither drafted it nor owns the system, and the
  // classification's Art. 43 obligation taken in hand.
  f.Change([&](Mutation& m) -> base::Status {
    domain::Person approver{.name = "Anna Approver", .email = "anna@example.org"};
    AIMS_ASSIGN_OR_RETURN(domain::Id anna, m.Create(approver));
    domain::ImpactAssessment a;
    a.system = f.system;
    a.intended_uses = "Shortlist applicants for interview";
    a.affected_parties = {"job applicants"};
    a.drafted_by = f.owner;
    AIMS_ASSIGN_OR_RETURN(domain::Id ia, m.Create(a));
    AIMS_TRY(ApproveImpactAssessment(m, ia, 1, {anna, true}, nullptr));
    domain::AiActAnswers answers;
    answers.role = domain::AiActRole::kProvider;
    answers.annex_iii = "4(a)";
    AIMS_TRY(ClassifySystem(m, f.system, answers, "amended", f.today, anna).status());
    return base::Status::OK();
  });
  unmet = Unmet(f.Gate());
  EXPECT_EQ(unmet, std::vector<std::string>{"conformity_assessment_planned"});  // open, not yet planned
  bool found = false;
  f.Change([&](Mutation& m) -> base::Status {
    store::RecordQuery q;
    q.equals.emplace_back("system", std::to_string(f.system));
    q.limit = 500;
    std::vector<domain::Obligation> obligations;
    std::optional<store::PageKey> next;
    AIMS_TRY(m.tx().records<domain::Obligation>().Query(q, &obligations, &next));
    for (domain::Obligation& o : obligations) {
      if (o.article.rfind("Art. 43", 0) != 0) continue;
      found = true;
      o.status = domain::ObligationStatus::kInProgress;
      AIMS_TRY(m.Update(o, o.meta.version));
    }
    return base::Status::OK();
  });
  ASSERT_TRUE(found) << "a high-risk provider has an Art. 43 obligation";
  domain::GateOutcome ready = f.Gate();
  EXPECT_TRUE(ready.Met()) << ::testing::PrintToString(Unmet(ready));
  EXPECT_EQ(ready.approvers_needed, 2);
}

TEST(LifecycleGates, AnUnknownSystemIsNotFound) {
  GateFixture f;
  base::Status s = f.ws->Read([&](store::Tx& tx) {
    return EvaluateSystemGate(tx, domain::DefaultGatePolicy(), 999, Stage::kDeployment, f.today).status();
  });
  EXPECT_EQ(s.code(), base::StatusCode::kNotFound);
}

}  // namespace
}  // namespace aims::service
