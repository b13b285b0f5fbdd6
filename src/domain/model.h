// Model: one version of a trained model, in-house or third party (A.4, A.6).
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

enum class ModelSource { kInHouse, kThirdParty, kOpenSource };
template <>
struct EnumTraits<ModelSource> {
  static constexpr std::array<std::string_view, 3> kNames = {"in_house", "third_party",
                                                             "open_source"};
};

struct Model {
  static constexpr EntityKind kKind = EntityKind::kModel;
  static constexpr std::array<std::string_view, 2> kNaturalKey = {"name", "version"};
  RecordMeta meta;
  std::string name;
  std::string version;
  std::string model_type;
  ModelSource source = ModelSource::kInHouse;
  std::string provenance;
  std::string licence;
  std::optional<Id> supplier;
  std::vector<Id> datasets;  // trained, validated or tested on

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(Text("version").Required().Listed(), version);
    v(Text("model_type").Listed().Help("e.g. gradient-boosted trees, transformer LLM"),
      model_type);
    v(Enum<ModelSource>("source").Listed(), source);
    v(LongText("provenance").Help("who built it, from what, and how it reached us"), provenance);
    v(Text("licence").Listed(), licence);
    v(Ref("supplier", EntityKind::kSupplier), supplier);
    v(RefList("datasets", EntityKind::kDataset), datasets);
  }
};

}  // namespace aims::domain
