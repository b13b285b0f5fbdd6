// Competence and AI literacy (ISO/IEC 42001 7.2, A.4.6; EU AI Act Art. 4): the courses the
// organisation runs or buys, who must hold each (the holders of some roles, everyone, or the
// overseers an oversight arrangement names), and the register of who completed which course
// when. A completion is valid for the course's validity period; whether someone is competent
// today is derived from the register, never stored.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

enum class CourseKind { kAiLiteracy, kHumanOversight, kTechnical, kLegal, kOther };
template <>
struct EnumTraits<CourseKind> {
  static constexpr std::array<std::string_view, 5> kNames = {"ai_literacy", "human_oversight", "technical",
                                                             "legal", "other"};
};

struct Course {
  static constexpr EntityKind kKind = EntityKind::kCourse;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"title"};
  RecordMeta meta;
  std::string title;
  CourseKind kind = CourseKind::kAiLiteracy;
  std::string provider;
  std::string description;
  int64_t validity_months = 0;  // 0: a completion does not expire
  bool required_of_all = false;
  std::vector<Id> for_roles;
  std::vector<std::string> requirements;  // catalog refs, e.g. iso42001:7.2

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(Enum<CourseKind>("kind").Listed(), kind);
    v(Text("provider").Listed().Help("who gives it, e.g. in-house, a supplier"), provider);
    v(LongText("description").Help("what it teaches"), description);
    v(Int("validity_months").Range(0, 120).Listed().Help("months a completion counts; 0: it does not expire"),
      validity_months);
    v(Bool("required_of_all").Listed().Help("everyone in the register must hold it (AI literacy, EU AI Act Art. 4)"),
      required_of_all);
    v(RefList("for_roles", EntityKind::kRole).Listed().Help("roles whose holders must hold it (the competence a role needs)"),
      for_roles);
    v(TextList("requirements").Help("what it serves, e.g. iso42001:7.2, iso42001:A.4.6"), requirements);
  }
};

struct Training {
  static constexpr EntityKind kKind = EntityKind::kTraining;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> person;
  std::optional<Id> course;
  std::optional<base::Date> completed_on;
  std::optional<Id> evidence;
  std::string notes;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("person", EntityKind::kPerson).Required().Listed(), person);
    v(Ref("course", EntityKind::kCourse).Required().Listed(), course);
    v(DateField("completed_on").Required().Listed(), completed_on);
    v(Ref("evidence", EntityKind::kEvidence).Help("e.g. the certificate or attendance list"), evidence);
    v(Text("notes"), notes);
  }
};

// The last day a completion on `completed_on` counts; nullopt if the course does not expire.
std::optional<base::Date> ExpiryOf(const Course& course, base::Date completed_on);

// Where one person stands on one course today.
enum class CompetenceState { kValid, kExpiring, kExpired, kMissing };
template <>
struct EnumTraits<CompetenceState> {
  static constexpr std::array<std::string_view, 4> kNames = {"valid", "expiring", "expired", "missing"};
};

// A valid completion that ends within this many days is "expiring": time to book the refresher.
inline constexpr int kExpiringWithinDays = 30;

struct CompetenceCheck {
  Id person = 0;
  Id course = 0;
  CompetenceState state = CompetenceState::kMissing;
  std::optional<base::Date> completed_on;  // the latest live completion
  std::optional<base::Date> expires_on;    // its last valid day, if the course expires
  std::optional<Id> training;              // that completion's record
};

// `person`'s standing on `course` from the live trainings (any person's: others are ignored).
// The latest completion counts; one not yet valid (completed after `today`) does not.
CompetenceCheck CheckCompetence(Id person, const Course& course, const std::vector<Training>& trainings,
                                base::Date today);

// "valid until 2027-03-01", "expires on 2026-12-01", "expired on 2026-01-31", "not completed".
std::string DescribeCompetence(const CompetenceCheck& check);

}  // namespace aims::domain
