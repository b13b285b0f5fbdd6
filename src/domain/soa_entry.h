// SoaEntry: one row of a Statement of Applicability: whether a framework control applies within
// the AIMS scope, and why. The entry records the catalog edition and revision it was decided on.
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

enum class Applicability { kUndecided, kApplicable, kNotApplicable };
template <>
struct EnumTraits<Applicability> {
  static constexpr std::array<std::string_view, 3> kNames = {"undecided", "yes", "no"};
};

struct SoaEntry {
  static constexpr EntityKind kKind = EntityKind::kSoaEntry;
  static constexpr std::array<std::string_view, 2> kNaturalKey = {"framework", "requirement"};
  RecordMeta meta;
  std::string framework;    // catalog id, e.g. "iso42001"
  std::string requirement;  // item id in that catalog, e.g. "A.6.2.8"
  std::string catalog_version;
  int64_t catalog_revision = 0;
  Applicability applicable = Applicability::kUndecided;
  std::string justification;

  template <class V>
  void VisitFields(V& v) {
    v(Text("framework").Required().Listed().Managed(), framework);
    v(Text("requirement").Required().Listed().Managed(), requirement);
    v(Text("catalog_version").Required().Managed().Help("edition of the catalog it was decided on"),
      catalog_version);
    v(Int("catalog_revision").Managed().Range(1, 1'000'000), catalog_revision);
    v(Enum<Applicability>("applicable").Listed(), applicable);
    v(LongText("justification").Listed().Help("why it is included or excluded"), justification);
  }
};

}  // namespace aims::domain
