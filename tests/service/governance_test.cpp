// Unit tests for the governance use cases (service/governance.h) on a real register: a policy is
// approved by someone other than its owner, its review renews it, and a changed approved policy
// is a new draft version; the RACI matrix keeps one row per activity and system, takes no one
// who has left, and its gaps name what is missing and who left while still holding something.
#include <gtest/gtest.h>

#include <algorithm>

#include "service/governance.h"
#include "service/objectives.h"
#include "service/mutation.h"
#include "support/register_probe.h"

namespace aims::service {
namespace {

using domain::Policy;
using domain::RaciGapKind;
using domain::Responsibility;

base::Date D(const char* text) { return *base::Date::Parse(text); }

struct Register : aims::testing::FreshRegister, aims::testing::RegisterProbe {
  domain::Id owner = 0, approver = 0, system = 0;

  Register() : RegisterProbe(ws.get()) {
    Must([&](Mutation& m) -> base::Status {
      domain::Person o{.name = "Olivia Owner", .email = "olivia@example.org", .business_unit = "Compliance"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(o));
      domain::Person a{.name = "Ann Approver", .email = "ann@example.org", .business_unit = "Legal"};
      AIMS_ASSIGN_OR_RETURN(approver, m.Create(a));
      domain::AiSystem s;
      s.name = "Credit assistant";
      s.purpose = "Recommends decisions";
      s.owner = owner;
      s.lifecycle_stage = domain::LifecycleStage::kDesign;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      return base::Status::OK();
    });
  }
  domain::Id AddPolicy() {
    domain::Id id = 0;
    Must([&](Mutation& m) -> base::Status {
      Policy p;
      p.title = "AI policy";
      p.version = "1.0";
      p.owner = owner;
      p.review_months = 6;
      p.requirements = {"iso42001:5.2"};
      AIMS_ASSIGN_OR_RETURN(id, m.Create(p));
      return base::Status::OK();
    });
    return id;
  }
  base::Status Approve(domain::Id policy, domain::Id who, const char* today) {
    return Try([&](Mutation& m) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(Policy p, m.Get<Policy>(policy));
      return ApprovePolicy(m, policy, p.meta.version, {who, true}, D(today)).status();
    });
  }
  base::Status AddRow(const char* activity, std::optional<domain::Id> sys, domain::Id accountable) {
    return Try([&](Mutation& m) -> base::Status {
      Responsibility r;
      r.activity = activity;
      r.system = sys;
      r.accountable = accountable;
      return m.Create(r).status();
    });
  }
  std::vector<domain::RaciGap> Gaps() {
    std::vector<domain::RaciGap> gaps;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(gaps, FindRaciGaps(tx));
      return base::Status::OK();
    }).ok());
    return gaps;
  }
};

TEST(Governance, APolicyIsApprovedBySomeoneOtherThanItsOwnerAndReviewedByApprovingAgain) {
  Register r;
  domain::Id id = r.AddPolicy();
  int64_t before = r.LedgerSize();
  base::Status own = r.Approve(id, r.owner, "2026-03-01");
  EXPECT_EQ(own.code(), base::StatusCode::kPermissionDenied);
  base::Status stale = r.Try([&](Mutation& m) { return ApprovePolicy(m, id, 7, {r.approver, true}, D("2026-03-01")).status(); });
  EXPECT_EQ(stale.code(), base::StatusCode::kConflict);
  base::Status not_approver = r.Try([&](Mutation& m) { return ApprovePolicy(m, id, 1, {r.approver, false}, D("2026-03-01")).status(); });
  EXPECT_EQ(not_approver.code(), base::StatusCode::kPermissionDenied);
  EXPECT_EQ(r.LedgerSize(), before);

  ASSERT_TRUE(r.Approve(id, r.approver, "2026-03-01").ok());
  Policy p = r.Get<Policy>(id);
  EXPECT_EQ(p.status, domain::PolicyStatus::kApproved);
  EXPECT_EQ(p.approved_by, r.approver);
  EXPECT_EQ(p.approved_on, D("2026-03-01"));
  EXPECT_EQ(p.next_review, D("2026-09-01"));
  ASSERT_TRUE(r.Approve(id, r.approver, "2026-09-10").ok());
  EXPECT_EQ(r.Get<Policy>(id).next_review, D("2027-03-10"));
  EXPECT_EQ(r.ActionsAfter(before), (std::vector<std::string>{"policy approve", "policy review"}));
}

TEST(Governance, AChangedApprovedPolicyIsANewDraftVersion) {
  Register r;
  domain::Id id = r.AddPolicy();
  ASSERT_TRUE(r.Approve(id, r.approver, "2026-03-01").ok());
  int64_t before = r.LedgerSize();
  base::Status same_version = r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(Policy p, m.Get<Policy>(id));
    p.summary = "Now also covers generative AI.";
    return m.Update(p, p.meta.version);
  });
  EXPECT_EQ(same_version.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(same_version.where(), "version");
  EXPECT_EQ(r.LedgerSize(), before);
  // A change of owner or review cycle is no new text: it stays in force.
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(Policy p, m.Get<Policy>(id));
    p.review_months = 12;
    return m.Update(p, p.meta.version);
  });
  EXPECT_EQ(r.Get<Policy>(id).status, domain::PolicyStatus::kApproved);
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(Policy p, m.Get<Policy>(id));
    p.summary = "Now also covers generative AI.";
    p.version = "1.1";
    return m.Update(p, p.meta.version);
  });
  Policy p = r.Get<Policy>(id);
  EXPECT_EQ(p.status, domain::PolicyStatus::kDraft);
  EXPECT_FALSE(p.approved_by.has_value());
  EXPECT_FALSE(p.next_review.has_value());
  // An unknown requirement is refused by name.
  base::Status unknown = r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(Policy q, m.Get<Policy>(id));
    q.requirements = {"iso42001:Z.9"};
    return m.Update(q, q.meta.version);
  });
  EXPECT_EQ(unknown.where(), "requirements");
}

TEST(Governance, EachActivityHasOneAccountablePersonPerSystem) {
  Register r;
  ASSERT_TRUE(r.AddRow("Internal audit", std::nullopt, r.owner).ok());
  int64_t before = r.LedgerSize();
  base::Status twice = r.AddRow("  internal AUDIT", std::nullopt, r.approver);
  EXPECT_EQ(twice.code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(twice.where(), "activity");
  EXPECT_NE(twice.message().find("RACI-1"), std::string::npos) << twice.ToString();
  base::Status none = r.Try([&](Mutation& m) {
    Responsibility x;
    x.activity = "Management review";
    return m.Create(x).status();
  });
  EXPECT_EQ(none.where(), "accountable");
  EXPECT_EQ(r.LedgerSize(), before);
  // The same activity of a system is another row.
  EXPECT_TRUE(r.AddRow("Internal audit", r.system, r.approver).ok());
}

TEST(Governance, GapsNameMissingActivitiesAndPeopleWhoLeft) {
  Register r;
  auto gaps = r.Gaps();
  auto has = [&](RaciGapKind kind, const std::string& words) {
    return std::any_of(gaps.begin(), gaps.end(), [&](const domain::RaciGap& g) {
      return g.kind == kind && g.text.find(words) != std::string::npos;
    });
  };
  // Nothing assigned: every AIMS activity, and the system's design-stage activity.
  EXPECT_EQ(gaps.size(), domain::AimsActivities().size() + 1);
  EXPECT_TRUE(has(RaciGapKind::kNoAccountable, "\"Internal audit\" (iso42001:9.2)"));
  EXPECT_TRUE(has(RaciGapKind::kNoAccountable, "\"Requirements\" of SYS-1 Credit assistant"));
  EXPECT_FALSE(has(RaciGapKind::kNoAccountable, "\"Deployment\""));  // not reached yet

  ASSERT_TRUE(r.AddRow("internal audit", std::nullopt, r.owner).ok());
  r.Must([&](Mutation& m) -> base::Status {
    Responsibility req;
    req.activity = "Requirements";
    req.system = r.system;
    req.accountable = r.approver;
    req.responsible = {r.owner};
    return m.Create(req).status();
  });
  // The owner leaves: accountable, responsible and owner of the system.
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Person p, m.Get<domain::Person>(r.owner));
    return m.Retire(p, p.meta.version);
  });
  gaps = r.Gaps();
  EXPECT_FALSE(has(RaciGapKind::kNoAccountable, "\"Internal audit\""));
  EXPECT_TRUE(has(RaciGapKind::kAccountableLeft, "PER-1 Olivia Owner has left but is accountable for RACI-1 \"internal audit\""));
  EXPECT_TRUE(has(RaciGapKind::kResponsibleLeft, "is responsible for RACI-2 \"Requirements\" of SYS-1"));
  EXPECT_TRUE(has(RaciGapKind::kOwnerLeft, "PER-1 Olivia Owner has left but still owns SYS-1"));
  // And no one who left takes on anything new.
  base::Status refused = r.AddRow("Management review", std::nullopt, r.owner);
  EXPECT_EQ(refused.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.where(), "accountable");

  domain::RaciMatrix m;
  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(m, BuildRaciMatrix(tx));
    return base::Status::OK();
  }).ok());
  ASSERT_EQ(m.rows.size(), 2u);
  EXPECT_FALSE(m.rows[0].system.has_value());  // the AIMS's activities first
  ASSERT_EQ(m.people.size(), 2u);
  EXPECT_EQ(m.people[0].name, "Ann Approver");  // people who left last
  EXPECT_TRUE(m.people[1].meta.retired());
}

TEST(Objectives, MeasurementsAreRecordedForLiveObjectivesAndNeverAhead) {
  Register r;
  domain::Id id = 0;
  r.Must([&](Mutation& m) -> base::Status {
    domain::Objective o;
    o.title = "Fair approvals";
    o.metric = "approval-rate ratio";
    o.target = "0.8";
    o.owner = r.owner;
    o.requirements = {"iso42001:6.2"};
    AIMS_ASSIGN_OR_RETURN(id, m.Create(o));
    return base::Status::OK();
  });
  int64_t before = r.LedgerSize();
  base::Status ahead = r.Try([&](Mutation& m) {
    return RecordMeasurement(m, id, m.now().date().AddDays(5), "0.9", "").status();
  });
  EXPECT_EQ(ahead.where(), "measured_on");
  base::Status words = r.Try([&](Mutation& m) { return RecordMeasurement(m, id, D("2026-01-31"), "good", "").status(); });
  EXPECT_EQ(words.where(), "value");
  EXPECT_EQ(r.LedgerSize(), before);
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_TRY(RecordMeasurement(m, id, D("2026-01-31"), "0.75", "January").status());
    return RecordMeasurement(m, id, D("2026-02-28"), "0.82", "February").status();
  });
  EXPECT_EQ(r.ActionsAfter(before), (std::vector<std::string>{"measurement record", "measurement record"}));
  ObjectiveView v;
  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(v, ViewOf(tx, id, D("2026-03-01")));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(v.progress.points.size(), 2u);
  EXPECT_TRUE(v.progress.met);
  EXPECT_EQ(v.progress.trend, 1);
  // A retired objective takes no more values, through the use case or a plain create.
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Objective o, m.Get<domain::Objective>(id));
    return m.Retire(o, o.meta.version);
  });
  EXPECT_EQ(r.Try([&](Mutation& m) { return RecordMeasurement(m, id, D("2026-03-31"), "0.9", "").status(); }).code(),
            base::StatusCode::kFailedPrecondition);
  base::Status plain = r.Try([&](Mutation& m) {
    domain::Measurement x;
    x.objective = id;
    x.measured_on = D("2026-03-31");
    x.value = "0.9";
    return m.Create(x).status();
  });
  EXPECT_EQ(plain.where(), "objective");
}

}  // namespace
}  // namespace aims::service
