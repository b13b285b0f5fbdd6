// Human oversight of one AI system (ISO/IEC 42001 A.9.2, A.9.3; EU AI Act Art. 14 and Art.
// 26(2)): who may stop it, who may override or reverse an output, to whom concerns are escalated,
// how each is done, what the overseers watch, and the competence they must hold. The mode (human
// in, on or over the loop) is the system's own field; the arrangement says who and how.
// Whether the named overseers exist and are trained is derived (ReviewOversight), never stored.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/ai_system.h"
#include "domain/competence.h"
#include "domain/field.h"
#include "domain/person.h"
#include "domain/record_meta.h"

namespace aims::domain {

struct OversightArrangement {
  static constexpr EntityKind kKind = EntityKind::kOversightArrangement;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> system;
  std::vector<Id> can_stop;
  std::vector<Id> can_override;
  std::vector<Id> escalate_to;
  std::string stop_procedure;
  std::string override_procedure;
  std::string escalation_procedure;
  std::string monitoring;
  std::vector<Id> required_courses;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("system", EntityKind::kAiSystem).Required().Listed().Help("one arrangement per AI system"), system);
    v(RefList("can_stop", EntityKind::kPerson).Listed().Help("may stop or suspend the system (Art. 14(4)(e))"), can_stop);
    v(RefList("can_override", EntityKind::kPerson).Listed().Help("may disregard, override or reverse an output (Art. 14(4)(d))"),
      can_override);
    v(RefList("escalate_to", EntityKind::kPerson).Help("receive what overseers escalate"), escalate_to);
    v(LongText("stop_procedure").Help("how the system is stopped and how fast it takes effect"), stop_procedure);
    v(LongText("override_procedure").Help("how an output is overridden and where that is recorded"), override_procedure);
    v(LongText("escalation_procedure").Help("when and how overseers escalate"), escalation_procedure);
    v(LongText("monitoring").Help("what overseers watch, how often, and how over-reliance on the output is guarded against (Art. 14(4)(b))"),
      monitoring);
    v(RefList("required_courses", EntityKind::kCourse).Listed().Help("competence every named overseer must hold"),
      required_courses);
  }
};

// The powers an arrangement gives a person, in the order stop, override, escalation.
std::vector<std::string_view> PowersOf(const OversightArrangement& a, Id person);

// One named overseer: what they may do and where they stand on every course required of them
// (the arrangement's, their roles', everyone's).
struct OverseerStatus {
  Id person = 0;
  std::string name;  // "" if the person is not in the register
  bool left = false;
  std::vector<std::string_view> powers;
  std::vector<CompetenceCheck> courses;
};

struct OversightReview {
  std::vector<OverseerStatus> overseers;  // in the order first named
  std::vector<std::string> problems;      // what keeps the overseers from being "named and trained"
  std::vector<std::string> warnings;      // completions that expire soon
  bool trained() const { return problems.empty(); }
};

// The courses a person must hold: those required of all, those of their roles, and `extra`
// (an arrangement's), live ones only, each once, in course id order.
std::vector<const Course*> CoursesRequiredOf(const Person& person, const std::vector<Course>& courses,
                                             const std::vector<Id>& extra);

// Checks that someone may stop the system, that every person named exists and has not left, and
// that each holds a valid completion of every course required of them on `today`. `people` and
// `courses` are the register's (live or not); `trainings` may hold anyone's.
OversightReview ReviewOversight(const OversightArrangement& arrangement, const std::map<Id, Person>& people,
                                const std::vector<Course>& courses, const std::vector<Training>& trainings,
                                base::Date today);

// The registers the reviews read (service/oversight.h loads them).
struct CompetenceData {
  std::map<Id, Person> people;                   // live or not
  std::map<Id, std::string> role_names;          // every role
  std::vector<Course> courses;                   // live or not
  std::vector<Training> trainings;               // live
  std::vector<OversightArrangement> arrangements;  // live
};

struct OversightView {
  AiSystem system;
  std::optional<OversightArrangement> arrangement;
  OversightReview review;  // of the arrangement; empty without one
  // What stands between the system and oversight that works: no mode chosen, no arrangement,
  // then the review's problems.
  std::vector<std::string> gaps;
};
OversightView ViewOversight(const AiSystem& system, const CompetenceData& data, base::Date today);

// One course required of a person, why, and where they stand.
struct RequiredCourse {
  Course course;
  std::vector<std::string> because;  // "everyone", "role Model validator", "overseer of SYS-3 (stop)"
  CompetenceCheck check;
};
struct PersonCompetence {
  Person person;
  std::vector<RequiredCourse> courses;  // in course id order
  bool competent() const;               // every required course valid (or expiring)
};
// The competence register: every live person with the courses required of them.
std::vector<PersonCompetence> CompetenceRegister(const CompetenceData& data, base::Date today);

}  // namespace aims::domain
