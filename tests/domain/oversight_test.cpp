// Unit tests for human oversight and competence (domain/competence.h, domain/oversight.h): when a
// completion expires (calendar months, the last valid day), which completion counts, the courses
// required of a person (everyone's, their roles', an arrangement's), and the review of an
// arrangement: someone may stop the system, everyone named is present and trained.
#include <gtest/gtest.h>

#include "domain/oversight.h"

namespace aims::domain {
namespace {

base::Date D(const char* text) { return *base::Date::Parse(text); }

Course MakeCourse(Id id, const char* title, int64_t months) {
  Course c;
  c.meta.id = id;
  c.title = title;
  c.validity_months = months;
  return c;
}

Training Done(Id id, Id person, Id course, const char* on) {
  Training t;
  t.meta.id = id;
  t.person = person;
  t.course = course;
  t.completed_on = D(on);
  return t;
}

Person MakePerson(Id id, const char* name, std::vector<Id> roles = {}) {
  Person p;
  p.meta.id = id;
  p.name = name;
  p.roles = std::move(roles);
  return p;
}

TEST(Competence, ACompletionCountsForTheCoursesValidityInCalendarMonths) {
  Course yearly = MakeCourse(1, "Oversight", 12);
  EXPECT_EQ(ExpiryOf(yearly, D("2026-03-15")), D("2027-03-14"));
  EXPECT_EQ(ExpiryOf(yearly, D("2024-02-29")), D("2025-02-27"));  // 29 Feb + 12 months = 28 Feb; its eve
  EXPECT_EQ(ExpiryOf(MakeCourse(2, "Literacy", 0), D("2026-03-15")), std::nullopt);
}

TEST(Competence, TheLatestCompletionCountsAndItsStateFollowsTheDate) {
  Course c = MakeCourse(1, "Oversight", 12);
  std::vector<Training> done = {Done(1, 7, 1, "2025-02-14"), Done(2, 7, 1, "2026-02-10"), Done(3, 8, 1, "2026-06-01")};
  CompetenceCheck k = CheckCompetence(7, c, done, D("2026-11-29"));
  EXPECT_EQ(k.state, CompetenceState::kValid);
  EXPECT_EQ(k.completed_on, D("2026-02-10"));
  EXPECT_EQ(k.expires_on, D("2027-02-09"));
  EXPECT_EQ(k.training, 2);
  EXPECT_EQ(DescribeCompetence(k), "valid until 2027-02-09");
  // Within 30 days of its end it is "expiring"; the day after its last day, "expired".
  EXPECT_EQ(CheckCompetence(7, c, done, D("2027-01-11")).state, CompetenceState::kExpiring);
  EXPECT_EQ(CheckCompetence(7, c, done, D("2027-02-09")).state, CompetenceState::kExpiring);
  CompetenceCheck late = CheckCompetence(7, c, done, D("2027-02-10"));
  EXPECT_EQ(late.state, CompetenceState::kExpired);
  EXPECT_EQ(DescribeCompetence(late), "expired on 2027-02-09");
  // Someone else's completion is not yours; a retired (withdrawn) one does not count.
  EXPECT_EQ(CheckCompetence(9, c, done, D("2026-11-29")).state, CompetenceState::kMissing);
  done[1].meta.retired_at = base::Timestamp(1);
  EXPECT_EQ(CheckCompetence(7, c, done, D("2026-11-29")).state, CompetenceState::kExpired);
  // A course that never expires.
  Course forever = MakeCourse(2, "Literacy", 0);
  CompetenceCheck f = CheckCompetence(8, forever, {Done(4, 8, 2, "2020-01-01")}, D("2026-11-29"));
  EXPECT_EQ(f.state, CompetenceState::kValid);
  EXPECT_EQ(DescribeCompetence(f), "completed on 2020-01-01, does not expire");
}

TEST(Competence, CoursesRequiredOfAPersonComeFromEveryoneTheirRolesAndTheArrangement) {
  Course all = MakeCourse(1, "Literacy", 24);
  all.required_of_all = true;
  Course approvers = MakeCourse(2, "AI Act for approvers", 24);
  approvers.for_roles = {40};
  Course oversight = MakeCourse(3, "Oversight", 12);
  Course retired = MakeCourse(4, "Old", 12);
  retired.required_of_all = true;
  retired.meta.retired_at = base::Timestamp(1);
  std::vector<Course> courses = {all, approvers, oversight, retired};
  auto titles = [](const std::vector<const Course*>& list) {
    std::vector<std::string> out;
    for (const Course* c : list) out.push_back(c->title);
    return out;
  };
  EXPECT_EQ(titles(CoursesRequiredOf(MakePerson(1, "A"), courses, {})), std::vector<std::string>{"Literacy"});
  EXPECT_EQ(titles(CoursesRequiredOf(MakePerson(1, "A", {40}), courses, {3})),
            (std::vector<std::string>{"Literacy", "AI Act for approvers", "Oversight"}));
}

class OversightReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    people = {{1, MakePerson(1, "Priya")}, {2, MakePerson(2, "Lukas")}, {3, MakePerson(3, "Daniel")}};
    people[3].meta.retired_at = base::Timestamp(1);
    Course literacy = MakeCourse(10, "Literacy", 24);
    literacy.required_of_all = true;
    courses = {literacy, MakeCourse(11, "Oversight", 12)};
    trainings = {Done(1, 1, 10, "2026-01-20"), Done(2, 1, 11, "2026-03-10"), Done(3, 2, 10, "2026-01-20"),
                 Done(4, 2, 11, "2025-01-10")};
    a.meta.id = 5;
    a.system = 9;
    a.can_stop = {1};
    a.can_override = {1, 2};
    a.required_courses = {11};
  }
  std::map<Id, Person> people;
  std::vector<Course> courses;
  std::vector<Training> trainings;
  OversightArrangement a;
};

TEST_F(OversightReviewTest, NamesEachOverseerWithTheirPowersAndWhatTheyLack) {
  OversightReview r = ReviewOversight(a, people, courses, trainings, D("2026-11-29"));
  ASSERT_EQ(r.overseers.size(), 2u);
  EXPECT_EQ(r.overseers[0].name, "Priya");
  EXPECT_EQ(r.overseers[0].powers, (std::vector<std::string_view>{"stop", "override"}));
  EXPECT_EQ(r.overseers[0].courses.size(), 2u);
  EXPECT_EQ(r.overseers[1].powers, (std::vector<std::string_view>{"override"}));
  EXPECT_FALSE(r.trained());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0], "Lukas (PER-2): Oversight (CRS-11) expired on 2026-01-09");
}

TEST_F(OversightReviewTest, TrainedWhenEveryoneNamedHoldsEveryRequiredCourse) {
  trainings.push_back(Done(5, 2, 11, "2026-11-01"));
  OversightReview r = ReviewOversight(a, people, courses, trainings, D("2026-11-29"));
  EXPECT_TRUE(r.trained()) << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_TRUE(r.warnings.empty());
  // A month before Priya's oversight course runs out, it is a warning, not a problem.
  OversightReview later = ReviewOversight(a, people, courses, trainings, D("2027-02-20"));
  EXPECT_TRUE(later.trained());
  ASSERT_EQ(later.warnings.size(), 1u);
  EXPECT_EQ(later.warnings[0], "Priya (PER-1): Oversight (CRS-11) expires on 2027-03-09");
}

TEST_F(OversightReviewTest, SomeoneMustBeAbleToStopTheSystemAndNoOneNamedMayHaveLeft) {
  trainings.push_back(Done(5, 2, 11, "2026-11-01"));
  a.can_stop = {};
  a.escalate_to = {3};
  OversightReview r = ReviewOversight(a, people, courses, trainings, D("2026-11-29"));
  ASSERT_GE(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0], "no one is named who may stop the system");
  EXPECT_EQ(r.problems[1], "Daniel (PER-3) has left");
  EXPECT_TRUE(r.overseers.back().left);
}

TEST_F(OversightReviewTest, TheViewOfASystemAddsTheModeAndAMissingArrangement) {
  CompetenceData data{people, {{40, "Approver"}}, courses, trainings, {}};
  AiSystem s;
  s.meta.id = 9;
  OversightView none = ViewOversight(s, data, D("2026-11-29"));
  EXPECT_FALSE(none.arrangement);
  EXPECT_EQ(none.gaps, (std::vector<std::string>{"the oversight mode (human in, on or over the loop) is not chosen",
                                                 "no oversight arrangement names who may stop or override it"}));
  data.arrangements = {a};
  data.trainings.push_back(Done(5, 2, 11, "2026-11-01"));
  s.human_oversight = HumanOversight::kInTheLoop;
  OversightView ready = ViewOversight(s, data, D("2026-11-29"));
  ASSERT_TRUE(ready.arrangement);
  EXPECT_TRUE(ready.gaps.empty());
  // The register says why each course is required of each live person.
  auto reg = CompetenceRegister(data, D("2026-11-29"));
  ASSERT_EQ(reg.size(), 2u);  // Daniel has left
  EXPECT_TRUE(reg[0].competent());
  ASSERT_EQ(reg[0].courses.size(), 2u);
  EXPECT_EQ(reg[0].courses[0].because, std::vector<std::string>{"everyone"});
  EXPECT_EQ(reg[0].courses[1].because, std::vector<std::string>{"overseer of SYS-9 (stop, override)"});
}

}  // namespace
}  // namespace aims::domain
