// Supplier: a third party that provides models, data, platforms or services (A.10).
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

enum class SupplierKind { kModelProvider, kDataProvider, kPlatform, kTooling, kService, kOther };
template <>
struct EnumTraits<SupplierKind> {
  static constexpr std::array<std::string_view, 6> kNames = {
      "model_provider", "data_provider", "platform", "tooling", "service", "other"};
};

struct Supplier {
  static constexpr EntityKind kKind = EntityKind::kSupplier;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  SupplierKind kind = SupplierKind::kOther;
  std::string country;
  std::string contact;
  std::string contract_ref;
  std::string due_diligence;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(Enum<SupplierKind>("kind").Listed(), kind);
    v(Text("country").Listed(), country);
    v(Text("contact"), contact);
    v(Text("contract_ref").Help("contract or agreement reference"), contract_ref);
    v(LongText("due_diligence").Help("due-diligence findings on this supplier"), due_diligence);
  }
};

}  // namespace aims::domain
