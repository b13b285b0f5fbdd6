// Unit tests for human oversight and competence on a real register (service/oversight.h and the
// rules in service/workflow_rules.cpp): one arrangement per system, no one who has left among the
// overseers, no completion in the future or of a retired course; the review reads the registers,
// and a high-risk system's deployment gate waits until its overseers are named and trained.
#include <gtest/gtest.h>

#include "base/clock.h"
#include "service/lifecycle_gates.h"
#include "service/mutation.h"
#include "service/oversight.h"
#include "support/register_probe.h"

namespace aims::service {
namespace {

base::Date D(const char* text) { return *base::Date::Parse(text); }

struct Register : aims::testing::FreshRegister, aims::testing::RegisterProbe {
  domain::Id priya = 0, daniel = 0, system = 0, course = 0;

  Register() : RegisterProbe(ws.get()) {
    Must([&](Mutation& m) -> base::Status {
      domain::Person p{.name = "Priya", .email = "priya@example.org"};
      AIMS_ASSIGN_OR_RETURN(priya, m.Create(p));
      domain::Person d{.name = "Daniel", .email = "daniel@example.org"};
      AIMS_ASSIGN_OR_RETURN(daniel, m.Create(d));
      domain::AiSystem s;
      s.name = "Credit assistant";
      s.purpose = "Recommends decisions";
      s.owner = priya;
      s.human_oversight = domain::HumanOversight::kInTheLoop;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      domain::Course c;
      c.title = "Overseeing automated decisions";
      c.kind = domain::CourseKind::kHumanOversight;
      c.validity_months = 12;
      c.requirements = {"iso42001:A.9.2"};
      AIMS_ASSIGN_OR_RETURN(course, m.Create(c));
      return base::Status::OK();
    });
  }
  base::Status Arrange(std::vector<domain::Id> can_stop, std::optional<domain::Id> sys = std::nullopt) {
    return Try([&](Mutation& m) -> base::Status {
      domain::OversightArrangement a;
      a.system = sys ? *sys : system;
      a.can_stop = can_stop;
      a.required_courses = {course};
      return m.Create(a).status();
    });
  }
  base::Status Complete(domain::Id who, base::Date on) {
    return Try([&](Mutation& m) -> base::Status {
      domain::Training t;
      t.person = who;
      t.course = course;
      t.completed_on = on;
      return m.Create(t).status();
    });
  }
  domain::OversightView View() {
    domain::OversightView v;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(v, OversightOf(tx, system, base::Now().date()));
      return base::Status::OK();
    }).ok());
    return v;
  }
};

TEST(Oversight, OneArrangementPerSystem) {
  Register r;
  ASSERT_TRUE(r.Arrange({r.priya}).ok());
  int64_t before = r.LedgerSize();
  base::Status again = r.Arrange({r.daniel});
  EXPECT_EQ(again.code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(again.where(), "system");
  EXPECT_NE(again.message().find("has its oversight arrangement already, OVS-1"), std::string::npos) << again.ToString();
  EXPECT_EQ(r.LedgerSize(), before);
}

TEST(Oversight, NoOneWhoHasLeftIsNamedAndNoRetiredCourseRequired) {
  Register r;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Person d, m.Get<domain::Person>(r.daniel));
    return m.Retire(d, d.meta.version);
  });
  base::Status s = r.Arrange({r.priya, r.daniel});
  EXPECT_EQ(s.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.where(), "can_stop");
  EXPECT_NE(s.message().find("(Daniel) has left"), std::string::npos) << s.ToString();
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Course c, m.Get<domain::Course>(r.course));
    return m.Retire(c, c.meta.version);
  });
  base::Status retired = r.Arrange({r.priya});
  EXPECT_EQ(retired.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(retired.where(), "required_courses");
  base::Status training = r.Complete(r.priya, D("2026-01-10"));
  EXPECT_EQ(training.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(training.where(), "course");
}

TEST(Oversight, ACourseIsNotCompletedInTheFuture) {
  Register r;
  base::Status s = r.Complete(r.priya, base::Now().date().AddDays(3));
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where(), "completed_on");
}

TEST(Oversight, TheReviewReadsTheTrainingRegister) {
  Register r;
  EXPECT_EQ(r.View().gaps, std::vector<std::string>{"no oversight arrangement names who may stop or override it"});
  ASSERT_TRUE(r.Arrange({r.priya}).ok());
  domain::OversightView untrained = r.View();
  ASSERT_EQ(untrained.gaps.size(), 1u);
  EXPECT_NE(untrained.gaps[0].find("Priya (PER-1): Overseeing automated decisions (CRS-1) not completed"),
            std::string::npos)
      << untrained.gaps[0];
  // Completed 13 months ago: expired; renewed a month ago: trained.
  base::Date today = base::Now().date();
  ASSERT_TRUE(r.Complete(r.priya, today.AddDays(-400)).ok());
  EXPECT_NE(r.View().gaps.at(0).find("expired on"), std::string::npos);
  ASSERT_TRUE(r.Complete(r.priya, today.AddDays(-30)).ok());
  EXPECT_TRUE(r.View().gaps.empty());
  std::vector<domain::PersonCompetence> reg;
  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(reg, CompetenceRegisterOf(tx, today));
    return base::Status::OK();
  }).ok());
  ASSERT_EQ(reg.size(), 2u);
  EXPECT_TRUE(reg[0].competent());
  EXPECT_TRUE(reg[1].courses.empty());  // Daniel is named nowhere
}

TEST(Oversight, TheOverseersTrainedCheckIsAGateFact) {
  Register r;
  base::Date today = base::Now().date();
  auto fact = [&] {
    domain::GateFacts f;
    EXPECT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(f, GateFactsFor(tx, r.system, today));
      return base::Status::OK();
    }).ok());
    return f.overseers_trained;
  };
  EXPECT_FALSE(fact());
  ASSERT_TRUE(r.Arrange({r.priya}).ok());
  EXPECT_FALSE(fact());
  ASSERT_TRUE(r.Complete(r.priya, today.AddDays(-1)).ok());
  EXPECT_TRUE(fact());
  // The default policy asks it of a high-risk system before deployment and before operation.
  domain::GatePolicy policy = domain::DefaultGatePolicy();
  int rules = 0;
  for (const auto& rule : policy.rules) {
    if (std::find(rule.checks.begin(), rule.checks.end(), domain::GateCheck::kOverseersTrained) == rule.checks.end()) {
      continue;
    }
    ++rules;
    EXPECT_EQ(rule.tiers, std::vector<domain::AiActTier>{domain::AiActTier::kHigh});
  }
  EXPECT_EQ(rules, 2);
}

}  // namespace
}  // namespace aims::service
