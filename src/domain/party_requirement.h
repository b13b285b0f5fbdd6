// PartyRequirement: one requirement of an interested party, and whether the AIMS addresses it.
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

struct PartyRequirement {
  static constexpr EntityKind kKind = EntityKind::kPartyRequirement;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> party;
  std::string requirement;
  bool addressed = false;  // addressed through the AIMS (clause 4.2 c)
  std::string how_addressed;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("party", EntityKind::kInterestedParty).Required().Listed(), party);
    v(LongText("requirement").Required().Listed(), requirement);
    v(Bool("addressed").Listed().Help("addressed through the AIMS"), addressed);
    v(LongText("how_addressed"), how_addressed);
  }
};

}  // namespace aims::domain
