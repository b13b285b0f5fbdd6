#include "domain/oversight.h"

#include <algorithm>

namespace aims::domain {

namespace {

bool Names(const std::vector<Id>& list, Id person) {
  return std::find(list.begin(), list.end(), person) != list.end();
}

std::string Who(Id person, const std::map<Id, Person>& people) {
  auto it = people.find(person);
  std::string id = DisplayId(EntityKind::kPerson, person);
  return it == people.end() ? id : it->second.name + " (" + id + ")";
}

}  // namespace

std::vector<std::string_view> PowersOf(const OversightArrangement& a, Id person) {
  std::vector<std::string_view> powers;
  if (Names(a.can_stop, person)) powers.push_back("stop");
  if (Names(a.can_override, person)) powers.push_back("override");
  if (Names(a.escalate_to, person)) powers.push_back("escalation");
  return powers;
}

std::vector<const Course*> CoursesRequiredOf(const Person& person, const std::vector<Course>& courses,
                                             const std::vector<Id>& extra) {
  std::vector<const Course*> out;
  for (const Course& c : courses) {
    if (c.meta.retired()) continue;
    bool by_role = std::any_of(c.for_roles.begin(), c.for_roles.end(), [&](Id r) { return Names(person.roles, r); });
    if (c.required_of_all || by_role || Names(extra, c.meta.id)) out.push_back(&c);
  }
  std::sort(out.begin(), out.end(), [](const Course* a, const Course* b) { return a->meta.id < b->meta.id; });
  return out;
}

OversightReview ReviewOversight(const OversightArrangement& arrangement, const std::map<Id, Person>& people,
                                const std::vector<Course>& courses, const std::vector<Training>& trainings,
                                base::Date today) {
  OversightReview review;
  if (arrangement.can_stop.empty()) review.problems.push_back("no one is named who may stop the system");
  for (Id course : arrangement.required_courses) {
    auto it = std::find_if(courses.begin(), courses.end(), [&](const Course& c) { return c.meta.id == course; });
    if (it != courses.end() && it->meta.retired()) {
      review.problems.push_back("required course " + it->title + " (" + DisplayId(EntityKind::kCourse, course) +
                                ") is retired");
    }
  }
  std::vector<Id> named;
  for (const auto* list : {&arrangement.can_stop, &arrangement.can_override, &arrangement.escalate_to}) {
    for (Id p : *list) {
      if (!Names(named, p)) named.push_back(p);
    }
  }
  for (Id id : named) {
    OverseerStatus s;
    s.person = id;
    s.powers = PowersOf(arrangement, id);
    auto it = people.find(id);
    if (it == people.end()) {
      review.problems.push_back(DisplayId(EntityKind::kPerson, id) + " is not in the register");
      review.overseers.push_back(std::move(s));
      continue;
    }
    const Person& person = it->second;
    s.name = person.name;
    s.left = person.meta.retired();
    if (s.left) review.problems.push_back(Who(id, people) + " has left");
    for (const Course* course : CoursesRequiredOf(person, courses, arrangement.required_courses)) {
      CompetenceCheck c = CheckCompetence(id, *course, trainings, today);
      std::string what = Who(id, people) + ": " + course->title + " (" + DisplayId(EntityKind::kCourse, course->meta.id) +
                         ") " + DescribeCompetence(c);
      if (c.state == CompetenceState::kMissing || c.state == CompetenceState::kExpired) {
        review.problems.push_back(std::move(what));
      } else if (c.state == CompetenceState::kExpiring) {
        review.warnings.push_back(std::move(what));
      }
      s.courses.push_back(c);
    }
    review.overseers.push_back(std::move(s));
  }
  return review;
}

OversightView ViewOversight(const AiSystem& system, const CompetenceData& data, base::Date today) {
  OversightView v;
  v.system = system;
  for (const auto& a : data.arrangements) {
    if (a.system == system.meta.id) v.arrangement = a;
  }
  if (system.human_oversight == HumanOversight::kUnspecified ||
      system.human_oversight == HumanOversight::kNone) {
    v.gaps.push_back("the oversight mode (human in, on or over the loop) is not chosen");
  }
  if (!v.arrangement) {
    v.gaps.push_back("no oversight arrangement names who may stop or override it");
    return v;
  }
  v.review = ReviewOversight(*v.arrangement, data.people, data.courses, data.trainings, today);
  v.gaps.insert(v.gaps.end(), v.review.problems.begin(), v.review.problems.end());
  return v;
}

bool PersonCompetence::competent() const {
  return std::all_of(courses.begin(), courses.end(), [](const RequiredCourse& c) {
    return c.check.state == CompetenceState::kValid || c.check.state == CompetenceState::kExpiring;
  });
}

std::vector<PersonCompetence> CompetenceRegister(const CompetenceData& data, base::Date today) {
  auto role_name = [&](Id id) {
    auto it = data.role_names.find(id);
    return it == data.role_names.end() ? DisplayId(EntityKind::kRole, id) : it->second;
  };
  std::vector<PersonCompetence> out;
  for (const auto& [id, person] : data.people) {
    if (person.meta.retired()) continue;
    PersonCompetence pc;
    pc.person = person;
    for (const Course& course : data.courses) {
      if (course.meta.retired()) continue;
      std::vector<std::string> because;
      if (course.required_of_all) because.push_back("everyone");
      for (Id r : course.for_roles) {
        if (std::find(person.roles.begin(), person.roles.end(), r) != person.roles.end()) {
          because.push_back("role " + role_name(r));
        }
      }
      for (const auto& a : data.arrangements) {
        if (!a.system || std::find(a.required_courses.begin(), a.required_courses.end(), course.meta.id) ==
                             a.required_courses.end()) {
          continue;
        }
        auto powers = PowersOf(a, id);
        if (powers.empty()) continue;
        std::string what = "overseer of " + DisplayId(EntityKind::kAiSystem, *a.system) + " (";
        for (size_t i = 0; i < powers.size(); ++i) what += (i ? ", " : "") + std::string(powers[i]);
        because.push_back(what + ")");
      }
      if (because.empty()) continue;
      pc.courses.push_back({course, std::move(because), CheckCompetence(id, course, data.trainings, today)});
    }
    out.push_back(std::move(pc));
  }
  return out;
}

}  // namespace aims::domain
