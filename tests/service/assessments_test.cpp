// Unit tests for service/assessments.h on a real register: the risk methodology (scales,
// re-scoring, refusal of a change that strands a risk), an approver's acceptance of a risk
// above the appetite, and the impact assessment's versions (draft, approve, frozen, revise).
// Every refusal leaves the ledger as it was, and the ledger verifies after every change.
#include <gtest/gtest.h>

#include "domain/canonical_state.h"
#include "domain/risk_scoring.h"
#include "service/assessments.h"
#include "service/catalog_service.h"
#include "service/ledger_verifier.h"
#include "service/risk_library.h"
#include "service/workspace.h"
#include "support/new_register.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;

struct Fixture {
  TempDir dir;
  std::unique_ptr<Workspace> ws;
  domain::Id owner = 0, approver = 0, system = 0;

  Fixture() {
    ws = aims::testing::NewRegister(dir);
    EXPECT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
      domain::Person a{.name = "Olivia Owner", .email = "olivia@example.org"};
      domain::Person b{.name = "Anna Approver", .email = "anna@example.org"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(a));
      AIMS_ASSIGN_OR_RETURN(approver, m.Create(b));
      domain::AiSystem s;
      s.name = "CV screening";
      s.purpose = "Rank job applications";
      s.owner = owner;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      return base::Status::OK();
    }).ok());
  }

  domain::Id AddRisk(int64_t l, int64_t i, int64_t rl = 0, int64_t ri = 0) {
    domain::Id id = 0;
    base::Status s = ws->Mutate([&](Mutation& m) -> base::Status {
      domain::Risk r;
      r.title = "Risk " + std::to_string(l) + "x" + std::to_string(i);
      r.likelihood = l;
      r.impact = i;
      r.residual_likelihood = rl;
      r.residual_impact = ri;
      r.owner = owner;
      AIMS_ASSIGN_OR_RETURN(id, m.Create(r));
      return base::Status::OK();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  template <class T>
  T Get(domain::Id id) {
    T out;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(out, tx.records<T>().Get(id));
      return base::Status::OK();
    }).ok());
    return out;
  }

  int64_t LedgerSize() {
    int64_t n = 0;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(n, tx.ledger().LastSeq());
      return base::Status::OK();
    }).ok());
    return n;
  }

  void ExpectVerifies() {
    auto report = VerifyLedger(*ws, {});
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems[0].where + ": " + report->problems[0].what);
  }
};

// A pointer to a copy that lives until the end of the full expression.
domain::RiskMethodology* Ptr(domain::RiskMethodology&& m) { return &m; }

domain::RiskMethodology ThreeByThree(std::string appetite = "low") {
  domain::RiskMethodology m;
  m.name = "3x3";
  m.likelihood_scale = {"Unlikely: rare", "Possible: may happen", "Likely: expected"};
  m.impact_scale = {"Minor", "Serious", "Severe"};
  m.levels = {"low", "medium", "high"};
  m.matrix = {"low, low, medium", "low, medium, high", "medium, high, high"};
  m.appetite = std::move(appetite);
  m.review_days = {"365", "180", "90"};
  return m;
}

TEST(RiskMethodology, DefaultMatchesTheFiveByFiveBands) {
  auto scale = domain::RiskScale::Compile(domain::DefaultMethodology());
  ASSERT_TRUE(scale.ok()) << scale.status().ToString();
  for (int l = 1; l <= 5; ++l) {
    for (int i = 1; i <= 5; ++i) {
      EXPECT_EQ(scale->LevelName(scale->Rank(l, i)), domain::EnumName(domain::LevelForScore(l * i))) << l << "x" << i;
    }
  }
  EXPECT_EQ(scale->LevelName(scale->appetite()), "medium");
  EXPECT_EQ(scale->Rank(6, 1), -1);
  EXPECT_EQ(scale->LikelihoodName(1), "Rare");
}

TEST(RiskMethodology, MalformedMethodologiesAreRefusedNamingTheField) {
  struct Case {
    std::function<void(domain::RiskMethodology&)> change;
    std::string where;
  };
  std::vector<Case> cases = {
      {[](auto& m) { m.likelihood_scale = {"a", "b"}; }, "likelihood_scale"},
      {[](auto& m) { m.impact_scale.push_back("x"); m.impact_scale.push_back("y"); m.impact_scale.push_back("z"); }, "impact_scale"},
      {[](auto& m) { m.impact_scale = {"a", "A", "b"}; }, "impact_scale"},
      {[](auto& m) { m.matrix.pop_back(); }, "matrix"},
      {[](auto& m) { m.matrix[1] = "low, medium"; }, "matrix row 2"},
      {[](auto& m) { m.matrix[0] = "low, low, extreme"; }, "matrix row 1"},
      {[](auto& m) { m.matrix[2] = "low, low, high"; }, "matrix row 3"},  // lower than the row before
      {[](auto& m) { m.matrix[0] = "medium, low, low"; }, "matrix row 1"},  // lower to the right
      {[](auto& m) { m.appetite = "acceptable"; }, "appetite"},
      {[](auto& m) { m.review_days = {"365", "0", "90"}; }, "review_days"},
      {[](auto& m) { m.review_days = {"365"}; }, "review_days"},
      {[](auto& m) { m.levels = {"low", "Low"}; }, "levels"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    domain::RiskMethodology m = ThreeByThree();
    cases[i].change(m);
    auto scale = domain::RiskScale::Compile(m);
    ASSERT_FALSE(scale.ok()) << "case " << i;
    EXPECT_EQ(scale.status().where(), cases[i].where) << "case " << i << ": " << scale.status().ToString();
  }
}

TEST(RiskMethodology, ChangeReScoresEveryRiskInOneLedgerEntry) {
  Fixture f;
  f.AddRisk(1, 1);
  f.AddRisk(3, 3);           // default: medium (9) -> 3x3: high
  f.AddRisk(2, 3, 1, 1);     // default: medium, residual low -> residual low
  int64_t before = f.LedgerSize();
  RescoreSummary summary;
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) -> base::Status {
    domain::RiskMethodology next = ThreeByThree();
    AIMS_ASSIGN_OR_RETURN(summary, SetMethodology(m, &next, std::nullopt));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(f.LedgerSize(), before + 1);  // the methodology's entry, not one per risk
  EXPECT_EQ(summary.risks, 3);
  EXPECT_EQ(summary.inherent_changed, 2);  // 3x3 medium->high, 2x3 medium->high
  EXPECT_EQ(summary.above_appetite_before, 0);  // default appetite medium
  EXPECT_EQ(summary.above_appetite_after, 1);   // 3x3 high; the 2x3 one counts its residual low
  ASSERT_EQ(summary.by_level.size(), 3u);
  EXPECT_EQ(summary.by_level[0], (std::pair<std::string, int64_t>{"low", 2}));
  EXPECT_EQ(summary.by_level[2], (std::pair<std::string, int64_t>{"high", 1}));

  // Stored, with what it did, and in force for new risks: a likelihood of 4 is off the scale.
  domain::RiskMethodology stored;
  ASSERT_TRUE(f.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(stored, CurrentMethodology(tx));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(stored.name, "3x3");
  EXPECT_NE(stored.last_rescore.find("3 live risks re-scored"), std::string::npos) << stored.last_rescore;
  base::Status off = f.ws->Mutate([&](Mutation& m) -> base::Status {
    domain::Risk r;
    r.title = "Too likely";
    r.likelihood = 4;
    r.impact = 1;
    return m.Create(r).status();
  });
  EXPECT_EQ(off.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(off.where(), "likelihood");
  f.ExpectVerifies();
}

TEST(RiskMethodology, ChangeThatStrandsARiskIsRefusedAndWritesNothing) {
  Fixture f;
  f.AddRisk(5, 2);
  int64_t before = f.LedgerSize();
  base::Status s = f.ws->Mutate([&](Mutation& m) { return SetMethodology(m, Ptr(ThreeByThree()), std::nullopt).status(); });
  EXPECT_EQ(s.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.where(), "likelihood_scale");
  EXPECT_NE(s.message().find("1 live risks"), std::string::npos) << s.ToString();
  EXPECT_EQ(f.LedgerSize(), before);
}

TEST(RiskMethodology, OnlyOneAndOnlyChangedAsAWhole) {
  Fixture f;
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) { return SetMethodology(m, Ptr(ThreeByThree()), std::nullopt).status(); }).ok());
  base::Status second = f.ws->Mutate([&](Mutation& m) {
    domain::RiskMethodology other = ThreeByThree();
    other.name = "another";
    return m.Create(other).status();
  });
  EXPECT_EQ(second.code(), base::StatusCode::kAlreadyExists);
  base::Status plain_update = f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology current, m.Methodology());
    current.appetite = "high";
    return m.Update(current, current.meta.version);
  });
  EXPECT_EQ(plain_update.code(), base::StatusCode::kFailedPrecondition);
  base::Status stale = f.ws->Mutate([&](Mutation& m) { return SetMethodology(m, Ptr(ThreeByThree("medium")), 7).status(); });
  EXPECT_EQ(stale.code(), base::StatusCode::kConflict);
}

TEST(RiskAcceptance, AboveAppetiteNeedsAnApproverWhoIsNotTheOwner) {
  Fixture f;
  domain::Id risk = f.AddRisk(5, 5, 4, 4);  // residual 16: high, above the default appetite
  int64_t before = f.LedgerSize();
  // Setting the status by hand is refused.
  base::Status by_hand = f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Risk r, m.Get<domain::Risk>(risk));
    r.status = domain::RiskStatus::kAccepted;
    return m.Update(r, r.meta.version);
  });
  EXPECT_EQ(by_hand.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(by_hand.where(), "status");
  // The owner, even with the approve permission, cannot.
  base::Status by_owner = f.ws->Mutate([&](Mutation& m) {
    return AcceptRisk(m, risk, 1, {f.owner, true}, "fine", nullptr);
  });
  EXPECT_EQ(by_owner.code(), base::StatusCode::kPermissionDenied);
  // Nor someone without it, nor without a reason.
  EXPECT_EQ(f.ws->Mutate([&](Mutation& m) { return AcceptRisk(m, risk, 1, {f.approver, false}, "fine", nullptr); }).code(),
            base::StatusCode::kPermissionDenied);
  EXPECT_EQ(f.ws->Mutate([&](Mutation& m) { return AcceptRisk(m, risk, 1, {f.approver, true}, "", nullptr); }).where(),
            "acceptance_note");
  EXPECT_EQ(f.LedgerSize(), before);
  // An approver can; a stale version cannot.
  EXPECT_EQ(f.ws->Mutate([&](Mutation& m) { return AcceptRisk(m, risk, 9, {f.approver, true}, "ok", nullptr); }).code(),
            base::StatusCode::kConflict);
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) {
    return AcceptRisk(m, risk, 1, {f.approver, true}, "Compensating manual review of every rejection", nullptr);
  }).ok());
  auto accepted = f.Get<domain::Risk>(risk);
  EXPECT_EQ(accepted.status, domain::RiskStatus::kAccepted);
  EXPECT_EQ(accepted.accepted_by, f.approver);
  EXPECT_EQ(accepted.treatment, domain::RiskTreatment::kRetain);
  // Its scores are fixed while accepted; reopening it withdraws the acceptance.
  base::Status rescore = f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Risk r, m.Get<domain::Risk>(risk));
    r.residual_impact = 5;
    return m.Update(r, r.meta.version);
  });
  EXPECT_EQ(rescore.code(), base::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Risk r, m.Get<domain::Risk>(risk));
    r.status = domain::RiskStatus::kOpen;
    return m.Update(r, r.meta.version);
  }).ok());
  EXPECT_FALSE(f.Get<domain::Risk>(risk).accepted_by);
  f.ExpectVerifies();
}

TEST(RiskMethodology, AReviewDateFollowsTheCadenceOfTheRisksLevel) {
  Fixture f;
  auto high = f.Get<domain::Risk>(f.AddRisk(4, 4));          // 16: high, every 90 days
  auto low = f.Get<domain::Risk>(f.AddRisk(1, 2));           // 2: low, every 365 days
  auto treated = f.Get<domain::Risk>(f.AddRisk(5, 5, 1, 1)); // residual low counts
  base::Date today = high.meta.created_at.date();
  ASSERT_TRUE(high.review_date && low.review_date && treated.review_date);
  EXPECT_EQ(*high.review_date, today.AddDays(90));
  EXPECT_EQ(*low.review_date, today.AddDays(365));
  EXPECT_EQ(*treated.review_date, today.AddDays(365));
}

TEST(RiskAcceptance, WithinAppetiteTheOwnerMayAcceptByHand) {
  Fixture f;
  domain::Id risk = f.AddRisk(2, 2);  // 4: low
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Risk r, m.Get<domain::Risk>(risk));
    r.status = domain::RiskStatus::kAccepted;
    return m.Update(r, r.meta.version);
  }).ok());
}

TEST(RiskFormat, RecordsWrittenBeforeTheNewFieldsHashAsBefore) {
  // A risk with none of the fields added in format revision 2 hashes without them: the ledger
  // of a register written by an older aims still verifies.
  domain::Risk r;
  r.meta.id = 7;
  r.meta.version = 1;
  r.title = "Bias";
  std::string state = domain::CanonicalState(r);
  EXPECT_EQ(state.find("residual_likelihood"), std::string::npos);
  EXPECT_EQ(state.find("accepted_by"), std::string::npos);
  EXPECT_NE(state.find("\"likelihood\":1"), std::string::npos);
  r.residual_likelihood = 2;
  r.residual_impact = 1;
  EXPECT_NE(domain::CanonicalState(r).find("\"residual_likelihood\":2"), std::string::npos);
}

domain::Id DraftAssessment(Fixture& f, std::optional<domain::Id> drafter) {
  domain::Id id = 0;
  base::Status s = f.ws->Mutate([&](Mutation& m) -> base::Status {
    domain::ImpactAssessment a;
    a.system = f.system;
    a.intended_uses = "Shortlist applicants for interview";
    a.affected_parties = {"job applicants"};
    a.drafted_by = drafter;
    AIMS_ASSIGN_OR_RETURN(id, m.Create(a));
    domain::ImpactItem harm;
    harm.assessment = id;
    harm.description = "Qualified applicants from under-represented groups are ranked lower";
    harm.severity = 4;
    harm.likelihood = 3;
    harm.reversibility = domain::Reversibility::kHardToReverse;
    harm.scale = domain::ImpactScale::kGroup;
    return m.Create(harm).status();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

TEST(ImpactAssessment, ApprovedVersionIsFrozenAndRevisingStartsTheNext) {
  Fixture f;
  domain::Id v1 = DraftAssessment(f, f.owner);
  EXPECT_EQ(f.Get<domain::ImpactAssessment>(v1).version, 1);
  // Neither its drafter nor the system's owner approves it.
  EXPECT_EQ(f.ws->Mutate([&](Mutation& m) { return ApproveImpactAssessment(m, v1, 1, {f.owner, true}, nullptr); }).code(),
            base::StatusCode::kPermissionDenied);
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) { return ApproveImpactAssessment(m, v1, 1, {f.approver, true}, nullptr); }).ok());
  auto approved = f.Get<domain::ImpactAssessment>(v1);
  EXPECT_EQ(approved.status, domain::AssessmentStatus::kApproved);
  EXPECT_EQ(approved.approved_by, f.approver);

  // Frozen: the assessment and its impacts.
  int64_t before = f.LedgerSize();
  base::Status edit = f.ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto a, m.Get<domain::ImpactAssessment>(v1));
    a.benefits = "Faster shortlisting";
    return m.Update(a, a.meta.version);
  });
  EXPECT_EQ(edit.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(edit.message().find("frozen"), std::string::npos);
  base::Status add_harm = f.ws->Mutate([&](Mutation& m) {
    domain::ImpactItem harm;
    harm.assessment = v1;
    harm.description = "late addition";
    return m.Create(harm).status();
  });
  EXPECT_EQ(add_harm.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(add_harm.where(), "assessment");
  EXPECT_EQ(f.LedgerSize(), before);

  // Revise: version 2, a draft with copies of the impacts; approving it supersedes version 1.
  domain::ImpactAssessment v2;
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) { return ReviseImpactAssessment(m, v1, f.owner, &v2); }).ok());
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.status, domain::AssessmentStatus::kDraft);
  EXPECT_EQ(v2.revises, v1);
  std::vector<domain::ImpactItem> items;
  ASSERT_TRUE(f.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(items, ImpactsOf(tx, v2.meta.id));
    return base::Status::OK();
  }).ok());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].severity, 4);
  EXPECT_EQ(f.ws->Mutate([&](Mutation& m) { return ReviseImpactAssessment(m, v1, f.owner, nullptr); }).code(),
            base::StatusCode::kAlreadyExists);  // one draft at a time
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) {
    return ApproveImpactAssessment(m, v2.meta.id, v2.meta.version, {f.approver, true}, nullptr);
  }).ok());
  EXPECT_EQ(f.Get<domain::ImpactAssessment>(v1).status, domain::AssessmentStatus::kSuperseded);
  f.ExpectVerifies();
}

// A risk from the seed library carries the template's values and links the register's live
// controls that implement one of the template's Annex A references, and no other control.
TEST(RiskLibrary, ASeedRiskLinksTheControlsThatMeetItsAnnexAReferences) {
  Fixture f;
  domain::Id data_quality = 0, unrelated = 0;
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) -> base::Status {
    domain::Control a{.code = "CTL-DQ", .title = "Data quality checks"};
    a.requirements = {"iso27001:A.8.10", "iso42001:A.7.4"};
    domain::Control b{.code = "CTL-HR", .title = "Screening"};
    b.requirements = {"iso27001:A.6.1"};
    AIMS_ASSIGN_OR_RETURN(data_quality, m.Create(a));
    AIMS_ASSIGN_OR_RETURN(unrelated, m.Create(b));
    return base::Status::OK();
  }).ok());
  domain::Risk risk;
  ASSERT_TRUE(f.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(risk, RiskFromLibrary(tx, "bias"));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(risk.title, "Algorithmic bias against a group of people");
  EXPECT_EQ(risk.source, "iso42001:C.3.4");
  EXPECT_NE(std::find(risk.objectives.begin(), risk.objectives.end(), "iso42001:C.2.5"), risk.objectives.end());
  // The register's own CTL-DQ, and the Annex A controls the register was initialised with (one
  // per seed reference), but not the unrelated control.
  auto linked = [&](domain::Id id) { return std::find(risk.controls.begin(), risk.controls.end(), id) != risk.controls.end(); };
  EXPECT_TRUE(linked(data_quality));
  EXPECT_FALSE(linked(unrelated));
  auto library = SeedRisks();
  ASSERT_TRUE(library.ok());
  EXPECT_EQ(risk.controls.size(), (*library)->Find("bias")->controls.size() + 1);
  EXPECT_EQ(risk.treatment, domain::RiskTreatment::kModify);
  risk.systems = {f.system};
  risk.owner = f.owner;
  ASSERT_TRUE(f.ws->Mutate([&](Mutation& m) { return m.Create(risk).status(); }).ok());

  base::Status unknown = f.ws->Read([&](store::Tx& tx) { return RiskFromLibrary(tx, "asteroids").status(); });
  EXPECT_EQ(unknown.code(), base::StatusCode::kNotFound);
  EXPECT_NE(unknown.ToString().find("over-reliance"), std::string::npos) << unknown.ToString();  // lists the known ones
  EXPECT_EQ(unknown.where(), "from_library");
  f.ExpectVerifies();
}

}  // namespace
}  // namespace aims::service
