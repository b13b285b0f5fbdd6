// The activities ISO/IEC 42001 expects someone to be accountable for, and the gaps of a RACI
// matrix (domain/responsibility.h): an expected activity with no row, a row whose accountable or
// responsible person has left, a record still owned by someone who has left.
// The AIMS activities come from the clauses and Annex A controls named beside them; each live AI
// system adds the activities of its lifecycle up to the stage it has reached (a system in design
// needs no one accountable for its operation yet).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ai_system.h"
#include "domain/entity_kind.h"
#include "domain/person.h"
#include "domain/responsibility.h"

namespace aims::domain {

struct ExpectedActivity {
  std::string_view name;    // "AI risk assessment"
  std::string_view source;  // "iso42001:6.1.2"
  // For lifecycle activities: the stage from which a system needs it; nullopt for the AIMS.
  std::optional<LifecycleStage> from;
};

std::span<const ExpectedActivity> AimsActivities();
std::span<const ExpectedActivity> LifecycleActivities();
// The lifecycle activities a system at `stage` needs (none once retired).
std::vector<ExpectedActivity> ActivitiesDueAt(LifecycleStage stage);

// Activity names match whatever their case and surrounding spaces.
bool SameActivity(std::string_view a, std::string_view b);

enum class RaciGapKind { kNoAccountable, kAccountableLeft, kResponsibleLeft, kOwnerLeft };
template <>
struct EnumTraits<RaciGapKind> {
  static constexpr std::array<std::string_view, 4> kNames = {"no_accountable", "accountable_left",
                                                             "responsible_left", "owner_left"};
};

struct RaciGap {
  RaciGapKind kind = RaciGapKind::kNoAccountable;
  std::string activity;             // for the first three kinds
  std::string source;               // the clause or control behind an expected activity
  std::optional<Id> system;         // the system whose lifecycle it is, if any
  std::optional<Id> entry;          // the RACI row, for a person who left
  std::optional<Id> person;         // who left
  EntityKind record_kind = EntityKind::kNone;  // kOwnerLeft: what they still own
  std::optional<Id> record;
  std::string text;                 // one line for people
};

// The RACI matrix: its rows (the AIMS's activities first, then each system's, by activity) and
// the people they name, grouped by business unit (people who left last).
struct RaciMatrix {
  std::vector<Responsibility> rows;
  std::vector<Person> people;
};

// "A", "R", "C", "I" or a combination ("A/R") for `person` in `row`; "" if none.
std::string RaciLetters(const Responsibility& row, Id person);

}  // namespace aims::domain
