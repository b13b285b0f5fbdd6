// The canonical state of a record: the bytes whose SHA-256 the ledger holds for it. Every field
// and all of RecordMeta is included, so any change to a stored record, however made, changes
// its hash. Encoding (the rules of base/canonical_json.h): one JSON object whose keys are
// "entity", "id", "record_version", "created_at", "updated_at", "retired_at" and each field by
// name, sorted by their bytes; enums as names, dates as YYYY-MM-DD, timestamps as RFC 3339 with
// microseconds, an absent value as null, reference lists sorted. A field added to a record type
// after its first release (Field::since > 1) is left out while it holds its zero value, so the
// state of a record written before the field existed hashes as it did then.
// These bytes are a format: see docs/ledger-format.md before changing anything here.
//
// The key order of a record type never changes, so it is computed once per type and each record
// is written straight into its slots: this runs once per record in every import and every
// `aims ledger verify`.
// Thread safety: CanonicalState may be called from any thread (buffers are thread-local).
#pragma once

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "base/assert.h"
#include "base/canonical_json.h"
#include "base/sha256.h"
#include "domain/entities.h"

namespace aims::domain {

namespace internal {

struct CanonicalLayout {
  std::vector<std::string> prefixes;  // per sorted slot: "\"key\":"
  int entity = 0, id = 0, version = 0, created = 0, updated = 0, retired = 0;
  std::vector<int> field_slot;  // slot of each field, in VisitFields order
};

CanonicalLayout BuildCanonicalLayout(const std::vector<Field>& fields);

template <class T>
const CanonicalLayout& LayoutOf() {
  static const CanonicalLayout layout = BuildCanonicalLayout(FieldsOf<T>());
  return layout;
}

inline void AppendInt(std::string* out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

// Writes each visited field's value into its slot.
class SlotWriter {
 public:
  SlotWriter(const CanonicalLayout& layout, std::vector<std::string>* slots, std::vector<char>* omit)
      : layout_(layout), slots_(slots), omit_(omit) {}

  void operator()(const Field& f, const std::string& v) {
    if (Skip(f, v.empty())) return;
    base::AppendJsonString(Next(), v);
  }
  void operator()(const Field& f, const int64_t& v) {
    if (Skip(f, v == 0)) return;
    AppendInt(Next(), v);
  }
  void operator()(const Field& f, const bool& v) {
    if (Skip(f, !v)) return;
    Next()->append(v ? "true" : "false");
  }
  void operator()(const Field& f, const std::optional<base::Date>& v) {
    if (Skip(f, !v)) return;
    std::string* s = Next();
    if (v) base::AppendJsonString(s, v->ToString()); else s->append("null");
  }
  void operator()(const Field& f, const std::optional<base::Timestamp>& v) {
    if (Skip(f, !v)) return;
    std::string* s = Next();
    if (v) base::AppendJsonString(s, v->ToString()); else s->append("null");
  }
  void operator()(const Field& f, const std::vector<std::string>& v) {
    if (Skip(f, v.empty())) return;
    std::string* s = Next();
    s->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s->push_back(',');
      base::AppendJsonString(s, v[i]);
    }
    s->push_back(']');
  }
  void operator()(const Field& f, const std::optional<Id>& v) {
    if (Skip(f, !v)) return;
    std::string* s = Next();
    if (v) AppendInt(s, *v); else s->append("null");
  }
  void operator()(const Field& f, const std::vector<Id>& v) {
    if (Skip(f, v.empty())) return;
    std::string* s = Next();
    s->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s->push_back(',');
      AppendInt(s, v[i]);
    }
    s->push_back(']');
  }
  template <DomainEnum E>
  void operator()(const Field& f, const E& v) {
    if (Skip(f, static_cast<int>(v) == 0)) return;
    base::AppendJsonString(Next(), EnumName(v));
  }
  template <DomainEnum E>
  void operator()(const Field& f, const std::vector<E>& v) {
    if (Skip(f, v.empty())) return;
    std::string* s = Next();
    s->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s->push_back(',');
      base::AppendJsonString(s, EnumName(v[i]));
    }
    s->push_back(']');
  }

 private:
  std::string* Next() { return &(*slots_)[static_cast<size_t>(layout_.field_slot[field_++])]; }
  // A later field at its zero value: its slot is left out (and the field consumed).
  bool Skip(const Field& f, bool zero) {
    if (f.since <= 1 || !zero) return false;
    (*omit_)[static_cast<size_t>(layout_.field_slot[field_++])] = 1;
    return true;
  }

  const CanonicalLayout& layout_;
  std::vector<std::string>* slots_;
  std::vector<char>* omit_;
  size_t field_ = 0;
};

}  // namespace internal

// Appends the canonical state of `record` to *out.
template <class T>
void AppendCanonicalState(const T& record, std::string* out) {
  const internal::CanonicalLayout& layout = internal::LayoutOf<T>();
  thread_local std::vector<std::string> slots;
  thread_local std::vector<char> omit;
  slots.resize(layout.prefixes.size());
  for (auto& s : slots) s.clear();
  omit.assign(layout.prefixes.size(), 0);
  base::AppendJsonString(&slots[static_cast<size_t>(layout.entity)], Info(T::kKind).name);
  internal::AppendInt(&slots[static_cast<size_t>(layout.id)], record.meta.id);
  internal::AppendInt(&slots[static_cast<size_t>(layout.version)], record.meta.version);
  base::AppendJsonString(&slots[static_cast<size_t>(layout.created)], record.meta.created_at.ToString());
  base::AppendJsonString(&slots[static_cast<size_t>(layout.updated)], record.meta.updated_at.ToString());
  if (record.meta.retired_at) {
    base::AppendJsonString(&slots[static_cast<size_t>(layout.retired)], record.meta.retired_at->ToString());
  } else {
    slots[static_cast<size_t>(layout.retired)].append("null");
  }
  internal::SlotWriter writer(layout, &slots, &omit);
  VisitConst(record, writer);
  out->push_back('{');
  bool first = true;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (omit[i]) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append(layout.prefixes[i]);
    out->append(slots[i]);
  }
  out->push_back('}');
}

template <class T>
std::string CanonicalState(const T& record) {
  std::string out;
  out.reserve(512);
  AppendCanonicalState(record, &out);
  return out;
}

template <class T>
base::Digest StateHash(const T& record) {
  return base::Sha256(CanonicalState(record));
}

}  // namespace aims::domain
