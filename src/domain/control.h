// Control: a control the organisation operates. One control may satisfy requirements of several
// frameworks (`requirements` holds references such as "iso42001:A.6.2.8", "iso27001:A.8.15"),
// and several pieces of evidence may support it.
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

enum class ControlStatus { kNotStarted, kPlanned, kPartial, kImplemented };
template <>
struct EnumTraits<ControlStatus> {
  static constexpr std::array<std::string_view, 4> kNames = {"not_started", "planned", "partial",
                                                             "implemented"};
};

struct Control {
  static constexpr EntityKind kKind = EntityKind::kControl;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"code"};
  RecordMeta meta;
  std::string code;  // e.g. "A.6.2.8" for a control seeded from Annex A, or "CTL-LOG-1"
  std::string title;
  std::string description;
  std::optional<Id> owner;
  ControlStatus status = ControlStatus::kNotStarted;
  std::vector<std::string> requirements;  // "<framework>:<item id>", sorted

  template <class V>
  void VisitFields(V& v) {
    v(Text("code").Required().Listed().Help("short unique code, e.g. A.6.2.8 or CTL-LOG-1"), code);
    v(Text("title").Required().Listed(), title);
    v(LongText("description"), description);
    v(Ref("owner", EntityKind::kPerson).Listed(), owner);
    v(Enum<ControlStatus>("status").Listed().Help("declared implementation status"), status);
    v(TextList("requirements")
          .Help("framework requirements it satisfies, e.g. iso42001:A.6.2.8,iso27001:A.8.15"),
      requirements);
  }
};

}  // namespace aims::domain
