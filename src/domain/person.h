// Person: someone who owns, approves, collects evidence or otherwise acts in the AIMS. A person
// who has left is retired, never deleted: the record of what they did stays attributable.
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

struct Person {
  static constexpr EntityKind kKind = EntityKind::kPerson;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"email"};
  RecordMeta meta;
  std::string name;
  std::string email;
  std::string job_title;
  std::string business_unit;
  std::vector<Id> roles;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(Text("email").Required().Listed(), email);
    v(Text("job_title").Listed(), job_title);
    v(Text("business_unit").Listed().Help("e.g. IT, data science, legal, compliance, operations"),
      business_unit);
    v(RefList("roles", EntityKind::kRole).Listed(), roles);
  }
};

}  // namespace aims::domain
