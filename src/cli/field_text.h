// Fields as command-line text: rendering a record's fields for tables and `show`, and assigning
// fields from `--field value` options. References are written as display ids (PER-3) and read
// as display ids or the target's natural key (an email, a name, a control code).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "store/store.h"

namespace aims::cli {

// "--lifecycle-stage" for "lifecycle_stage".
std::string OptionName(std::string_view field);

// Renders one field of `record` by name; empty string if absent.
template <class T>
std::string FieldText(const T& record, std::string_view name);

// All fields in declaration order as (name, text).
template <class T>
std::vector<std::pair<std::string, std::string>> FieldTexts(const T& record);

// Resolves a reference token to an id: a display id (PER-3, 3) that exists, or a natural key.
base::Result<domain::Id> ResolveRef(store::Tx& tx, domain::EntityKind kind, std::string_view token);

// Values given on the command line: field name -> values (a list option may repeat, and each
// value may hold several comma-separated items).
using FieldValues = std::map<std::string, std::vector<std::string>>;

// Assigns every field present in `values` to `record`. Errors name the option.
template <class T>
base::Status AssignFields(store::Tx& tx, const FieldValues& values, T* record);

namespace internal {

std::vector<std::string> SplitList(const std::vector<std::string>& raw);
std::string Join(const std::vector<std::string>& items);

struct TextRenderer {
  std::string_view want;  // empty: every field
  std::vector<std::pair<std::string, std::string>>* out;

  void Put(const domain::Field& f, std::string text) {
    if (want.empty() || want == f.name) out->emplace_back(std::string(f.name), std::move(text));
  }
  void operator()(const domain::Field& f, const std::string& v) { Put(f, v); }
  void operator()(const domain::Field& f, const int64_t& v) { Put(f, std::to_string(v)); }
  void operator()(const domain::Field& f, const bool& v) { Put(f, v ? "yes" : "no"); }
  void operator()(const domain::Field& f, const std::optional<base::Date>& v) {
    Put(f, v ? v->ToString() : "");
  }
  void operator()(const domain::Field& f, const std::optional<base::Timestamp>& v) {
    Put(f, v ? domain::EntryTime(*v) : "");
  }
  void operator()(const domain::Field& f, const std::vector<std::string>& v) { Put(f, Join(v)); }
  void operator()(const domain::Field& f, const std::optional<domain::Id>& v) {
    Put(f, v ? domain::DisplayId(f.ref, *v) : "");
  }
  void operator()(const domain::Field& f, const std::vector<domain::Id>& v) {
    std::vector<std::string> ids;
    for (domain::Id id : v) ids.push_back(domain::DisplayId(f.ref, id));
    Put(f, Join(ids));
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const E& v) { Put(f, std::string(domain::EnumName(v))); }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const std::vector<E>& v) {
    std::vector<std::string> names;
    for (E e : v) names.emplace_back(domain::EnumName(e));
    Put(f, Join(names));
  }
};

class TextAssigner {
 public:
  TextAssigner(store::Tx& tx, const FieldValues& values) : tx_(tx), values_(values) {}
  const base::Status& status() const { return status_; }

  void operator()(const domain::Field& f, std::string& v) {
    if (auto* raw = Given(f)) v = raw->back();
  }
  void operator()(const domain::Field& f, int64_t& v);
  void operator()(const domain::Field& f, bool& v);
  void operator()(const domain::Field& f, std::optional<base::Date>& v);
  // Local times are read in the organisation's time zone.
  void operator()(const domain::Field& f, std::optional<base::Timestamp>& v);
  void operator()(const domain::Field& f, std::vector<std::string>& v) {
    if (auto* raw = Given(f)) v = SplitList(*raw);
  }
  void operator()(const domain::Field& f, std::optional<domain::Id>& v);
  void operator()(const domain::Field& f, std::vector<domain::Id>& v);
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, E& v) {
    if (auto* raw = Given(f)) {
      auto parsed = domain::ParseEnum<E>(raw->back());
      if (parsed) v = *parsed;
      else BadEnum(f, raw->back());
    }
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, std::vector<E>& v) {
    if (auto* raw = Given(f)) {
      v.clear();
      for (const auto& item : SplitList(*raw)) {
        auto parsed = domain::ParseEnum<E>(item);
        if (parsed) v.push_back(*parsed);
        else return BadEnum(f, item);
      }
    }
  }

 private:
  const std::vector<std::string>* Given(const domain::Field& f);
  void Fail(const domain::Field& f, std::string msg);
  void BadEnum(const domain::Field& f, const std::string& value);

  store::Tx& tx_;
  const FieldValues& values_;
  base::Status status_;
};

}  // namespace internal

template <class T>
std::string FieldText(const T& record, std::string_view name) {
  std::vector<std::pair<std::string, std::string>> out;
  internal::TextRenderer renderer{name, &out};
  domain::VisitConst(record, renderer);
  return out.empty() ? "" : out.front().second;
}

template <class T>
std::vector<std::pair<std::string, std::string>> FieldTexts(const T& record) {
  std::vector<std::pair<std::string, std::string>> out;
  internal::TextRenderer renderer{"", &out};
  domain::VisitConst(record, renderer);
  return out;
}

template <class T>
base::Status AssignFields(store::Tx& tx, const FieldValues& values, T* record) {
  internal::TextAssigner assigner(tx, values);
  record->VisitFields(assigner);
  return assigner.status();
}

}  // namespace aims::cli
