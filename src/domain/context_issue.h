// ContextIssue: an internal or external issue relevant to the AIMS (ISO/IEC 42001 clause 4.1).
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

enum class IssueOrigin { kInternal, kExternal };
template <>
struct EnumTraits<IssueOrigin> {
  static constexpr std::array<std::string_view, 2> kNames = {"internal", "external"};
};

struct ContextIssue {
  static constexpr EntityKind kKind = EntityKind::kContextIssue;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"title"};
  RecordMeta meta;
  std::string title;
  IssueOrigin origin = IssueOrigin::kInternal;
  std::string category;  // e.g. regulatory, technological, societal, climate
  std::string description;

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(Enum<IssueOrigin>("origin").Listed(), origin);
    v(Text("category").Listed().Help("e.g. regulatory, technological, societal, climate"),
      category);
    v(LongText("description"), description);
  }
};

}  // namespace aims::domain
