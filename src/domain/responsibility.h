// Responsibility: one row of the RACI matrix (ISO/IEC 42001 5.3, A.3.2): for an activity of the
// AIMS, or of one AI system's lifecycle, who is Responsible, who is Accountable (exactly one
// person: the field is a single, required reference), who is Consulted and who is Informed.
// An activity appears once per system (once for the AIMS as a whole), so "the accountable
// person" of an activity is never ambiguous. The activities the standard expects to be owned
// are in domain/raci.h, with the gaps a register can have.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

struct Responsibility {
  static constexpr EntityKind kKind = EntityKind::kResponsibility;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::string activity;
  std::optional<Id> system;  // none: an activity of the AIMS as a whole
  std::optional<Id> accountable;
  std::vector<Id> responsible;
  std::vector<Id> consulted;
  std::vector<Id> informed;
  std::string notes;

  template <class V>
  void VisitFields(V& v) {
    v(Text("activity").Required().Listed().Help("e.g. AI risk assessment, deployment approval"), activity);
    v(Ref("system", EntityKind::kAiSystem).Listed().Help("the AI system whose lifecycle it belongs to; empty: the AIMS"),
      system);
    v(Ref("accountable", EntityKind::kPerson).Required().Listed().Help("the one person answerable for it"),
      accountable);
    v(RefList("responsible", EntityKind::kPerson).Listed().Help("who does the work"), responsible);
    v(RefList("consulted", EntityKind::kPerson).Help("whose views are sought before"), consulted);
    v(RefList("informed", EntityKind::kPerson).Help("who is kept up to date after"), informed);
    v(LongText("notes"), notes);
  }
};

}  // namespace aims::domain
