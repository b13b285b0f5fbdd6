// The canonical state of a record: the bytes whose SHA-256 the ledger holds for it. Every field
// and all of RecordMeta is included, so any change to a stored record, however made, changes
// its hash. Encoding (base/canonical_json.h): keys "entity", "id", "record_version", "created_at",
// "updated_at", "retired_at" and each field by name; enums as names, dates as YYYY-MM-DD,
// timestamps as RFC 3339, an absent value as null, reference lists sorted.
// These bytes are a format: see docs/ledger-format.md before changing anything here.
#pragma once

#include <string>

#include "base/canonical_json.h"
#include "base/sha256.h"
#include "domain/entities.h"

namespace aims::domain {

namespace internal {

class CanonicalFieldWriter {
 public:
  explicit CanonicalFieldWriter(base::CanonicalJson* out) : out_(out) {}

  void operator()(const Field& f, const std::string& v) { out_->Text(f.name, v); }
  void operator()(const Field& f, const int64_t& v) { out_->Int(f.name, v); }
  void operator()(const Field& f, const bool& v) { out_->Bool(f.name, v); }
  void operator()(const Field& f, const std::optional<base::Date>& v) {
    if (v) out_->Text(f.name, v->ToString()); else out_->Null(f.name);
  }
  void operator()(const Field& f, const std::vector<std::string>& v) { out_->TextArray(f.name, v); }
  void operator()(const Field& f, const std::optional<Id>& v) {
    if (v) out_->Int(f.name, *v); else out_->Null(f.name);
  }
  void operator()(const Field& f, const std::vector<Id>& v) { out_->IntArray(f.name, v); }
  template <DomainEnum E>
  void operator()(const Field& f, const E& v) { out_->Text(f.name, EnumName(v)); }
  template <DomainEnum E>
  void operator()(const Field& f, const std::vector<E>& v) {
    std::vector<std::string> names;
    names.reserve(v.size());
    for (E e : v) names.emplace_back(EnumName(e));
    out_->TextArray(f.name, names);
  }

 private:
  base::CanonicalJson* out_;
};

}  // namespace internal

template <class T>
std::string CanonicalState(const T& record) {
  base::CanonicalJson json;
  json.Text("entity", Info(T::kKind).name);
  json.Int("id", record.meta.id);
  json.Int("record_version", record.meta.version);
  json.Text("created_at", record.meta.created_at.ToString());
  json.Text("updated_at", record.meta.updated_at.ToString());
  if (record.meta.retired_at) {
    json.Text("retired_at", record.meta.retired_at->ToString());
  } else {
    json.Null("retired_at");
  }
  internal::CanonicalFieldWriter writer(&json);
  VisitConst(record, writer);
  return json.Finish();
}

template <class T>
base::Digest StateHash(const T& record) {
  return base::Sha256(CanonicalState(record));
}

}  // namespace aims::domain
