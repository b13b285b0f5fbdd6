// Validation of a record before it is stored: the field rules every record obeys (required,
// bounds, one-line text, sizes) and the rules particular to a kind. A failing check returns
// InvalidArgument whose `where` is the field name, for callers to prefix with the file, JSON
// pointer or command that supplied it. Pure: references to other records are checked by the
// service, which can see the store.
#pragma once

#include <string>

#include "base/status.h"
#include "domain/entities.h"

namespace aims::domain {

inline constexpr size_t kMaxTextBytes = 1000;        // kText: one line
inline constexpr size_t kMaxLongTextBytes = 1 << 20;  // kLongText, and catalog files

namespace internal {

base::Status CheckText(const Field& f, const std::string& v);

class FieldChecker {
 public:
  base::Status status;

  void operator()(const Field& f, const std::string& v) { Keep(CheckText(f, v)); }
  void operator()(const Field& f, const int64_t& v) {
    if (v < f.min || v > f.max) {
      Keep(base::Status::InvalidArgument(
          "must be between " + std::to_string(f.min) + " and " + std::to_string(f.max) +
              ", got " + std::to_string(v),
          f.name));
    }
  }
  void operator()(const Field&, const bool&) {}
  void operator()(const Field& f, const std::optional<base::Date>& v) {
    if (f.required && !v) Keep(Missing(f));
  }
  void operator()(const Field& f, const std::optional<base::Timestamp>& v) {
    if (f.required && !v) Keep(Missing(f));
  }
  void operator()(const Field& f, const std::vector<std::string>& v) {
    if (f.required && v.empty()) Keep(Missing(f));
    for (const auto& item : v) {
      Field one = f;
      one.kind = FieldKind::kText;
      one.required = true;
      Keep(CheckText(one, item));
    }
  }
  void operator()(const Field& f, const std::optional<Id>& v) {
    if (f.required && !v) Keep(Missing(f));
    if (v && *v <= 0) Keep(base::Status::InvalidArgument("not a valid reference", f.name));
  }
  void operator()(const Field& f, const std::vector<Id>& v) {
    if (f.required && v.empty()) Keep(Missing(f));
    for (Id id : v) {
      if (id <= 0) Keep(base::Status::InvalidArgument("not a valid reference", f.name));
    }
  }
  template <DomainEnum E>
  void operator()(const Field&, const E&) {}
  template <DomainEnum E>
  void operator()(const Field& f, const std::vector<E>& v) {
    if (f.required && v.empty()) Keep(Missing(f));
  }

 private:
  static base::Status Missing(const Field& f) {
    return base::Status::InvalidArgument("required field is missing or empty", f.name);
  }
  void Keep(base::Status s) {
    if (status.ok() && !s.ok()) status = std::move(s);
  }
};

}  // namespace internal

// Kind-specific rules; kinds without any have none.
base::Status CheckRules(const Person& r);
base::Status CheckRules(const SoaEntry& r);
base::Status CheckRules(const Evidence& r);
base::Status CheckRules(const Control& r);
base::Status CheckRules(const CatalogRecord& r);
base::Status CheckRules(const Risk& r);
base::Status CheckRules(const RiskMethodology& r);
base::Status CheckRules(const Organisation& r);
base::Status CheckRules(const Incident& r);
base::Status CheckRules(const Objective& r);
base::Status CheckRules(const Measurement& r);
template <class T>
base::Status CheckRules(const T&) {
  return base::Status::OK();
}

// The first problem with `record`, or OK.
template <class T>
base::Status Validate(const T& record) {
  internal::FieldChecker checker;
  VisitConst(record, checker);
  AIMS_TRY(checker.status);
  return CheckRules(record);
}

// "iso42001:A.6.2.8" -> {"iso42001", "A.6.2.8"}; InvalidArgument if not of that shape.
base::Status SplitRequirementRef(std::string_view ref, std::string* framework, std::string* item);

// Sorts and removes duplicates: reference lists are sets.
void Normalise(std::vector<Id>* ids);
void Normalise(std::vector<std::string>* refs);

}  // namespace aims::domain
