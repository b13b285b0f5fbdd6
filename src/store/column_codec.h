// How field values become column values and back: the binder and reader visitors used by
// RecordTable. Lists are stored as a JSON array of strings in one TEXT column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "store/connection.h"

namespace aims::store {

std::string EncodeTextList(const std::vector<std::string>& values);
base::Result<std::vector<std::string>> DecodeTextList(std::string_view json);

// Binds scalar fields to consecutive parameters starting at `next`; skips reference lists.
// Text held by the record or by the enum tables is bound without a copy: the record must
// outlive the statement's Step.
class FieldBinder {
 public:
  FieldBinder(Statement* stmt, int next) : stmt_(stmt), next_(next) {}
  int next() const { return next_; }

  void operator()(const domain::Field&, const std::string& v) { stmt_->BindTextRef(next_++, v); }
  void operator()(const domain::Field&, const int64_t& v) { stmt_->BindInt(next_++, v); }
  void operator()(const domain::Field&, const bool& v) { stmt_->BindInt(next_++, v ? 1 : 0); }
  void operator()(const domain::Field&, const std::optional<base::Date>& v) {
    if (v) stmt_->BindText(next_++, v->ToString()); else stmt_->BindNull(next_++);
  }
  void operator()(const domain::Field&, const std::optional<base::Timestamp>& v) {
    if (v) stmt_->BindText(next_++, v->ToString()); else stmt_->BindNull(next_++);
  }
  void operator()(const domain::Field&, const std::vector<std::string>& v) {
    stmt_->BindText(next_++, EncodeTextList(v));
  }
  void operator()(const domain::Field&, const std::optional<domain::Id>& v) {
    if (v) stmt_->BindInt(next_++, *v); else stmt_->BindNull(next_++);
  }
  void operator()(const domain::Field&, const std::vector<domain::Id>&) {}
  template <domain::DomainEnum E>
  void operator()(const domain::Field&, const E& v) { stmt_->BindTextRef(next_++, domain::EnumName(v)); }
  template <domain::DomainEnum E>
  void operator()(const domain::Field&, const std::vector<E>& v) {
    std::vector<std::string> names;
    for (E e : v) names.emplace_back(domain::EnumName(e));
    stmt_->BindText(next_++, EncodeTextList(names));
  }

 private:
  Statement* stmt_;
  int next_;
};

// Reads scalar fields from consecutive columns starting at `next`. A stored value that does not
// decode (an unknown enum name, a bad date) is Corruption naming the table, id and column: it
// can only get there by editing the database behind aims' back.
class FieldReader {
 public:
  FieldReader(Statement* stmt, int next, std::string_view table, domain::Id id)
      : stmt_(stmt), next_(next), table_(table), id_(id) {}
  const base::Status& status() const { return status_; }

  void operator()(const domain::Field&, std::string& v) { v = stmt_->Text(next_++); }
  void operator()(const domain::Field&, int64_t& v) { v = stmt_->Int(next_++); }
  void operator()(const domain::Field&, bool& v) { v = stmt_->Int(next_++) != 0; }
  void operator()(const domain::Field& f, std::optional<base::Date>& v);
  void operator()(const domain::Field& f, std::optional<base::Timestamp>& v);
  void operator()(const domain::Field& f, std::vector<std::string>& v);
  void operator()(const domain::Field&, std::optional<domain::Id>& v) {
    int c = next_++;
    v = stmt_->IsNull(c) ? std::nullopt : std::optional<domain::Id>(stmt_->Int(c));
  }
  void operator()(const domain::Field&, std::vector<domain::Id>&) {}
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, E& v) {
    std::string_view text = stmt_->Text(next_++);
    auto parsed = domain::ParseEnum<E>(text);
    if (parsed) v = *parsed; else Bad(f, "unknown value \"" + std::string(text) + "\"");
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, std::vector<E>& v) {
    std::vector<std::string> names;
    (*this)(f, names);
    v.clear();
    for (const auto& n : names) {
      auto parsed = domain::ParseEnum<E>(n);
      if (parsed) v.push_back(*parsed); else Bad(f, "unknown value \"" + n + "\"");
    }
  }

 private:
  void Bad(const domain::Field& f, const std::string& why);

  Statement* stmt_;
  int next_;
  std::string_view table_;
  domain::Id id_;
  base::Status status_;
};

// Reads RecordMeta from columns 0-4 (id, record_version, created_at, updated_at, retired_at).
base::Status ReadMeta(Statement* stmt, std::string_view table, domain::RecordMeta* meta);

}  // namespace aims::store
