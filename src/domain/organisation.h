// Organisation: the one organisation whose AI management system this register holds.
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

struct Organisation {
  static constexpr EntityKind kKind = EntityKind::kOrganisation;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string legal_name;
  std::string sector;
  std::string description;
  std::string isms_scope;  // the existing ISO/IEC 27001 scope, for the side-by-side view
  std::string time_zone;   // IANA name; "" is UTC. Legal periods count its calendar days.

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed().Help("short name of the organisation"), name);
    v(Text("legal_name").Help("registered legal name"), legal_name);
    v(Text("sector").Listed().Help("business sector, e.g. financial services"), sector);
    v(LongText("description"), description);
    v(LongText("isms_scope").Help("scope of the existing ISO/IEC 27001 ISMS"), isms_scope);
    v(Text("time_zone").Since(2).Help("IANA time zone, e.g. Europe/Berlin (default UTC): times are shown in it and "
                                      "legal deadlines count its days"),
      time_zone);
  }
};

}  // namespace aims::domain
