// Changes to register records on behalf of the signed-in user, shared by the JSON API and the
// web pages: the body is JSON (the web layer turns a form into it), ownership rules are checked
// before and after the change, and the change runs in the server's next group commit.
#pragma once

#include <memory>
#include <type_traits>
#include <vector>

#include "api/router.h"
#include "io/register_json_reader.h"

namespace aims::api {

namespace internal {

// Finds a reference field called "owner" that names a person.
struct OwnerFinder {
  std::optional<std::optional<domain::Id>> owner;
  void operator()(const domain::Field& f, const std::optional<domain::Id>& v) {
    if (f.name == "owner" && f.ref == domain::EntityKind::kPerson) owner = v;
  }
  template <class V>
  void operator()(const domain::Field&, const V&) {}
};

// Copies the managed fields of one record onto another, in field order: the first pass collects
// the values, the second puts them back.
class ManagedValues {
 public:
  template <class V>
  void operator()(const domain::Field& f, V& value) {
    if (!f.managed) return;
    if (collecting_) {
      values_.push_back(std::make_shared<Holder<V>>(value));
    } else {
      value = static_cast<Holder<V>*>(values_[next_++].get())->value;
    }
  }
  void StartPutting() { collecting_ = false; }

 private:
  struct Base {
    virtual ~Base() = default;
  };
  template <class V>
  struct Holder : Base {
    explicit Holder(V v) : value(std::move(v)) {}
    V value;
  };
  std::vector<std::shared_ptr<Base>> values_;
  size_t next_ = 0;
  bool collecting_ = true;
};

// Managed fields (an evidence file's hash, a risk's acceptance, an assessment's approval) are set
// by aims, never by an update.
template <class T>
void KeepManagedFields(const T& from, T* to) {
  ManagedValues values;
  const_cast<T&>(from).VisitFields(values);
  values.StartPutting();
  to->VisitFields(values);
}

// Kinds whose managed fields only aims's own use cases set, from creation on (an evidence
// record's file fields, by contrast, come with its creation).
template <class T>
constexpr bool kManagedFromCreation =
    std::is_same_v<T, domain::Risk> || std::is_same_v<T, domain::ImpactAssessment> ||
    std::is_same_v<T, domain::RiskMethodology> || std::is_same_v<T, domain::ImpactItem> ||
    std::is_same_v<T, domain::GateRequest>;

// The person who owns a record: its own owner field, else the owner of the AI system it belongs
// to (an impact assessment, a classification, an impact through its assessment).
template <class T>
base::Result<std::optional<domain::Id>> ResolveOwner(store::Tx& tx, const T& record) {
  OwnerFinder finder;
  domain::VisitConst(record, finder);
  if (finder.owner) return *finder.owner;
  std::optional<domain::Id> system;
  if constexpr (requires { record.system; }) {
    system = record.system;
  } else if constexpr (std::is_same_v<T, domain::ImpactItem>) {
    if (record.assessment) {
      AIMS_ASSIGN_OR_RETURN(auto a, tx.records<domain::ImpactAssessment>().Get(*record.assessment));
      system = a.system;
    }
  }
  if (!system) return std::optional<domain::Id>();
  auto s = tx.records<domain::AiSystem>().Get(*system);
  if (!s.ok()) return std::optional<domain::Id>();  // a missing system is reported by validation
  return s->owner;
}

}  // namespace internal

// The person a record names as its owner, if the kind has an owner field.
template <class T>
std::optional<std::optional<domain::Id>> OwnerOf(const T& record) {
  internal::OwnerFinder finder;
  domain::VisitConst(record, finder);
  return finder.owner;
}

// Whether the caller may write `record` as it stands (and, for an update, as it stood). Reads
// through `tx` when given (inside a change), else in a read transaction of its own.
template <class T>
base::Status CheckOwnership(const RequestContext& ctx, const T& record, store::Tx* tx = nullptr) {
  if (ctx.principal->permissions.Has(domain::WriteAccessFor(T::kKind).any)) return base::Status::OK();
  std::optional<domain::Id> owner;
  if (tx) {
    AIMS_ASSIGN_OR_RETURN(owner, internal::ResolveOwner(*tx, record));
  } else {
    AIMS_TRY(ctx.ws->Read([&](store::Tx& read) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(owner, internal::ResolveOwner(read, record));
      return base::Status::OK();
    }));
  }
  if (domain::MayChange(ctx.principal->permissions, ctx.principal->person, T::kKind, owner)) {
    return base::Status::OK();
  }
  return base::Status::PermissionDenied(
      "you may change only " + std::string(domain::Info(T::kKind).plural) + " whose owner is you" +
          (ctx.principal->person ? "" : " (your account is linked to no person)"),
      "owner");
}

// Creates a record from the field values in `json`. Errors of the body name the field as a
// JSON pointer ("/name").
template <class T>
base::Result<T> CreateFromJson(RequestContext& ctx, std::string_view json, T record = T{}) {
  AIMS_TRY(io::ReadRecordChanges(json, &record));
  if constexpr (internal::kManagedFromCreation<T>) internal::KeepManagedFields(T{}, &record);
  if constexpr (requires { record.drafted_by; }) record.drafted_by = ctx.principal->person;
  if constexpr (requires { record.owner; }) {
    // A system or risk owner creates records they own unless they say otherwise.
    if (!record.owner && ctx.principal->person && !ctx.principal->permissions.Has(domain::WriteAccessFor(T::kKind).any)) {
      record.owner = ctx.principal->person;
    }
  }
  if constexpr (std::is_same_v<T, domain::Evidence>) {
    if (!ctx.ws->blobs().Contains(record.sha256)) {
      return base::Status::InvalidArgument("no uploaded file has this SHA-256; POST the file to /api/v1/evidence/files first",
                                           "/sha256");
    }
    AIMS_ASSIGN_OR_RETURN(std::string bytes, ctx.ws->blobs().Get(record.sha256));
    record.size_bytes = static_cast<int64_t>(bytes.size());
  }
  AIMS_TRY(CheckOwnership(ctx, record));
  AIMS_TRY(ctx.Mutate([&](service::Mutation& m) { return m.Create(record).status(); }));
  return record;
}

// Applies the field values in `json` to record `id`, which must still be at version `expected`
// (Conflict, answered 412, when someone changed it since).
template <class T>
base::Result<T> UpdateFromJson(RequestContext& ctx, domain::Id id, int64_t expected, std::string_view json) {
  T record;
  AIMS_TRY(ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(T stored, m.Get<T>(id));
    AIMS_TRY(CheckOwnership(ctx, stored, &m.tx()));
    record = stored;
    AIMS_TRY(io::ReadRecordChanges(json, &record));
    internal::KeepManagedFields(stored, &record);
    AIMS_TRY(CheckOwnership(ctx, record, &m.tx()));
    return m.Update(record, expected);
  }));
  return record;
}

// Retires record `id` at version `expected`: it stays in the register and the ledger.
template <class T>
base::Result<T> RetireRecord(RequestContext& ctx, domain::Id id, int64_t expected) {
  T record;
  AIMS_TRY(ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(record, m.Get<T>(id));
    AIMS_TRY(CheckOwnership(ctx, record, &m.tx()));
    return m.Retire(record, expected);
  }));
  return record;
}

}  // namespace aims::api
