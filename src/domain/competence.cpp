#include "domain/competence.h"

#include "domain/policy.h"  // AddMonths

namespace aims::domain {

std::optional<base::Date> ExpiryOf(const Course& course, base::Date completed_on) {
  if (course.validity_months <= 0) return std::nullopt;
  // A course valid for 12 months, completed on 15 March, counts up to 14 March a year later.
  return AddMonths(completed_on, course.validity_months).AddDays(-1);
}

CompetenceCheck CheckCompetence(Id person, const Course& course, const std::vector<Training>& trainings,
                                base::Date today) {
  CompetenceCheck c;
  c.person = person;
  c.course = course.meta.id;
  for (const Training& t : trainings) {
    if (t.meta.retired() || t.person != person || t.course != course.meta.id || !t.completed_on) continue;
    if (today < *t.completed_on) continue;
    if (!c.completed_on || *c.completed_on < *t.completed_on) {
      c.completed_on = t.completed_on;
      c.training = t.meta.id;
    }
  }
  if (!c.completed_on) return c;
  c.expires_on = ExpiryOf(course, *c.completed_on);
  if (!c.expires_on) {
    c.state = CompetenceState::kValid;
  } else if (*c.expires_on < today) {
    c.state = CompetenceState::kExpired;
  } else if (*c.expires_on < today.AddDays(kExpiringWithinDays)) {
    c.state = CompetenceState::kExpiring;
  } else {
    c.state = CompetenceState::kValid;
  }
  return c;
}

std::string DescribeCompetence(const CompetenceCheck& check) {
  switch (check.state) {
    case CompetenceState::kMissing: return "not completed";
    case CompetenceState::kExpired: return "expired on " + check.expires_on->ToString();
    case CompetenceState::kExpiring: return "expires on " + check.expires_on->ToString();
    case CompetenceState::kValid:
      return check.expires_on ? "valid until " + check.expires_on->ToString()
                              : "completed on " + check.completed_on->ToString() + ", does not expire";
  }
  return "";
}

}  // namespace aims::domain
