// Unit tests for the governance rules of the domain (domain/policy.h, domain/raci.h): review
// dates by calendar month, overdue reviews, the activities a system needs at each stage, how
// activity names match, and the RACI letters of a person.
#include <gtest/gtest.h>

#include "domain/policy.h"
#include "domain/raci.h"

namespace aims::domain {
namespace {

base::Date D(const char* text) { return *base::Date::Parse(text); }

TEST(Policy, ReviewDatesAddCalendarMonthsClampingTheDay) {
  EXPECT_EQ(AddMonths(D("2026-02-19"), 12), D("2027-02-19"));
  EXPECT_EQ(AddMonths(D("2026-01-31"), 1), D("2026-02-28"));
  EXPECT_EQ(AddMonths(D("2028-01-31"), 1), D("2028-02-29"));  // leap year
  EXPECT_EQ(AddMonths(D("2026-11-30"), 3), D("2027-02-28"));
  EXPECT_EQ(AddMonths(D("2026-12-15"), 1), D("2027-01-15"));
  EXPECT_EQ(AddMonths(D("2026-08-31"), 60), D("2031-08-31"));
}

TEST(Policy, OnlyAnApprovedPolicyPastItsReviewDateIsOverdue) {
  Policy p;
  p.next_review = D("2026-06-02");
  EXPECT_FALSE(PolicyReviewOverdue(p, D("2026-11-29")));  // a draft is not in force
  p.status = PolicyStatus::kApproved;
  EXPECT_TRUE(PolicyReviewOverdue(p, D("2026-11-29")));
  EXPECT_FALSE(PolicyReviewOverdue(p, D("2026-06-02")));  // due today is not late
  EXPECT_TRUE(PolicyReviewOverdue(p, D("2026-06-03")));
}

TEST(Raci, ASystemNeedsTheActivitiesOfTheStagesItHasReached) {
  auto names = [](LifecycleStage s) {
    std::vector<std::string> out;
    for (const auto& a : ActivitiesDueAt(s)) out.emplace_back(a.name);
    return out;
  };
  EXPECT_TRUE(names(LifecycleStage::kInception).empty());
  EXPECT_EQ(names(LifecycleStage::kDesign), std::vector<std::string>{"Requirements"});
  EXPECT_EQ(names(LifecycleStage::kDeployment),
            (std::vector<std::string>{"Requirements", "Design and development", "Verification and validation",
                                      "Deployment"}));
  EXPECT_EQ(names(LifecycleStage::kOperation).size(), LifecycleActivities().size());
  EXPECT_TRUE(names(LifecycleStage::kRetirement).empty());
  // Every expected activity names the clause or control behind it.
  for (const auto& a : AimsActivities()) EXPECT_TRUE(a.source.starts_with("iso42001:")) << a.name;
  for (const auto& a : LifecycleActivities()) EXPECT_TRUE(a.source.starts_with("iso42001:A.")) << a.name;
}

TEST(Raci, ActivityNamesMatchWhateverTheirCaseAndSpaces) {
  EXPECT_TRUE(SameActivity("Internal audit", "  internal AUDIT "));
  EXPECT_FALSE(SameActivity("Internal audit", "Internal audits"));
  EXPECT_FALSE(SameActivity("", "x"));
}

TEST(Raci, LettersShowEveryPartAPersonPlays) {
  Responsibility r;
  r.accountable = 1;
  r.responsible = {1, 2};
  r.consulted = {3};
  r.informed = {2, 4};
  EXPECT_EQ(RaciLetters(r, 1), "A/R");
  EXPECT_EQ(RaciLetters(r, 2), "R/I");
  EXPECT_EQ(RaciLetters(r, 3), "C");
  EXPECT_EQ(RaciLetters(r, 4), "I");
  EXPECT_EQ(RaciLetters(r, 5), "");
}

}  // namespace
}  // namespace aims::domain
