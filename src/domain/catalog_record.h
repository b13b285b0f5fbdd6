// CatalogRecord: a catalog library (framework or crosswalk) registered in this register: the exact
// file, so that a Statement of Applicability can always say which edition it was made with.
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

enum class CatalogFileKind { kFramework, kCrosswalk };
template <>
struct EnumTraits<CatalogFileKind> {
  static constexpr std::array<std::string_view, 2> kNames = {"framework", "crosswalk"};
};

enum class CatalogOrigin { kBuiltin, kImported };
template <>
struct EnumTraits<CatalogOrigin> {
  static constexpr std::array<std::string_view, 2> kNames = {"builtin", "imported"};
};

struct CatalogRecord {
  static constexpr EntityKind kKind = EntityKind::kCatalog;
  static constexpr std::array<std::string_view, 3> kNaturalKey = {"library", "edition",
                                                                   "revision"};
  RecordMeta meta;
  CatalogFileKind kind = CatalogFileKind::kFramework;
  std::string library;  // catalog or crosswalk id, e.g. "iso42001"
  std::string edition;  // the framework edition, e.g. "2023"
  int64_t revision = 1;
  std::string title;
  CatalogOrigin origin = CatalogOrigin::kBuiltin;
  std::string sha256;   // of content
  std::string content;  // the library file, verbatim

  template <class V>
  void VisitFields(V& v) {
    v(Enum<CatalogFileKind>("kind").Listed(), kind);
    v(Text("library").Required().Listed(), library);
    v(Text("edition").Required().Listed(), edition);
    v(Int("revision").Listed().Range(1, 1'000'000), revision);
    v(Text("title").Listed(), title);
    v(Enum<CatalogOrigin>("origin").Listed(), origin);
    v(Text("sha256").Required(), sha256);
    v(LongText("content").Required(), content);
  }
};

}  // namespace aims::domain
