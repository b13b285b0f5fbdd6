// Dataset: data used to train, validate, test or operate AI systems (A.4.3, A.7).
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

struct Dataset {
  static constexpr EntityKind kKind = EntityKind::kDataset;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string description;
  std::string provenance;
  bool personal_data = false;
  std::vector<std::string> personal_data_categories;
  std::string licence;
  std::string quality_notes;
  std::optional<Id> supplier;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("description"), description);
    v(LongText("provenance").Listed().Help("where the data comes from and how it was obtained"),
      provenance);
    v(Bool("personal_data").Listed().Help("contains personal data"), personal_data);
    v(TextList("personal_data_categories"), personal_data_categories);
    v(Text("licence").Listed(), licence);
    v(LongText("quality_notes").Help("known quality limits: completeness, labels, bias"),
      quality_notes);
    v(Ref("supplier", EntityKind::kSupplier), supplier);
  }
};

}  // namespace aims::domain
