// Field: the description of one field of a register record. Each record type lists its fields
// once, in VisitFields(); every generic layer (canonical hashing, validation, the store's
// columns, the JSON export, CLI options) walks that list, so a field is declared in one place.
//
// A visitor is any callable with overloads for the member types used below:
//   std::string (kText, kLongText), int64_t (kInt), bool (kBool), std::optional<base::Date>
//   (kDate), std::optional<base::Timestamp> (kTimestamp), std::vector<std::string> (kTextList), a DomainEnum (kEnum), std::vector<DomainEnum>
//   (kEnumList), std::optional<Id> (kRef), std::vector<Id> (kRefList).
// Invariants: (1) field names are unique within a record type and are a format (JSON key, SQL
// column, canonical key): never rename one. (2) kRefList values are kept sorted and unique.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "domain/entity_kind.h"
#include "domain/enum_traits.h"

namespace aims::domain {

enum class FieldKind {
  kText,      // one line
  kLongText,  // free text, may span lines
  kInt,
  kBool,
  kDate,
  kTimestamp,  // an instant (UTC, microseconds); shown and typed in the organisation's time zone
  kTextList,
  kEnum,
  kEnumList,
  kRef,
  kRefList,
};

struct Field {
  std::string_view name;
  FieldKind kind = FieldKind::kText;
  bool required = false;   // must be present and non-empty
  bool in_list = false;    // a column of the default table view
  bool managed = false;    // maintained by aims (e.g. a file's hash): never set directly
  EntityKind ref = EntityKind::kNone;  // target of kRef / kRefList
  int64_t min = std::numeric_limits<int64_t>::min();  // kInt bounds, inclusive
  int64_t max = std::numeric_limits<int64_t>::max();
  std::span<const std::string_view> enum_names;  // kEnum / kEnumList vocabulary
  std::string_view help;
  // 1 for fields the record type had from the start. A field added later says from which
  // format revision (2, 3, ...): while it holds its zero value ("", 0, false, null, empty list,
  // first enum value) it is left out of the canonical state, so the ledger hashes of records
  // written before it existed stay valid (domain/canonical_state.h).
  int since = 1;

  constexpr Field Required() const { Field f = *this; f.required = true; return f; }
  constexpr Field Listed() const { Field f = *this; f.in_list = true; return f; }
  constexpr Field Managed() const { Field f = *this; f.managed = true; return f; }
  constexpr Field Range(int64_t lo, int64_t hi) const {
    Field f = *this; f.min = lo; f.max = hi; return f;
  }
  constexpr Field Help(std::string_view text) const { Field f = *this; f.help = text; return f; }
  constexpr Field Since(int revision) const { Field f = *this; f.since = revision; return f; }
};

constexpr Field Text(std::string_view name) { return Field{name, FieldKind::kText}; }
constexpr Field LongText(std::string_view name) { return Field{name, FieldKind::kLongText}; }
constexpr Field Int(std::string_view name) { return Field{name, FieldKind::kInt}; }
constexpr Field Bool(std::string_view name) { return Field{name, FieldKind::kBool}; }
constexpr Field DateField(std::string_view name) { return Field{name, FieldKind::kDate}; }
constexpr Field TimeField(std::string_view name) { return Field{name, FieldKind::kTimestamp}; }
constexpr Field TextList(std::string_view name) { return Field{name, FieldKind::kTextList}; }
constexpr Field Ref(std::string_view name, EntityKind target) {
  Field f{name, FieldKind::kRef};
  f.ref = target;
  return f;
}
constexpr Field RefList(std::string_view name, EntityKind target) {
  Field f{name, FieldKind::kRefList};
  f.ref = target;
  return f;
}
template <DomainEnum E>
constexpr Field Enum(std::string_view name) {
  Field f{name, FieldKind::kEnum};
  f.enum_names = EnumNames<E>();
  return f;
}
template <DomainEnum E>
constexpr Field EnumList(std::string_view name) {
  Field f{name, FieldKind::kEnumList};
  f.enum_names = EnumNames<E>();
  return f;
}

}  // namespace aims::domain
