// Changes to register records on behalf of the signed-in user, shared by the JSON API and the
// web pages: the body is JSON (the web layer turns a form into it), ownership rules are checked
// before and after the change, and the change runs in the server's next group commit.
#pragma once

#include <type_traits>

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

// Managed fields (an evidence file's name, size and hash) are set by aims, never by an update.
template <class T>
void KeepManagedFields(const T& from, T* to) {
  if constexpr (std::is_same_v<T, domain::Evidence>) {
    to->file_name = from.file_name;
    to->size_bytes = from.size_bytes;
    to->sha256 = from.sha256;
  }
}

}  // namespace internal

// The person a record names as its owner, if the kind has an owner field.
template <class T>
std::optional<std::optional<domain::Id>> OwnerOf(const T& record) {
  internal::OwnerFinder finder;
  domain::VisitConst(record, finder);
  return finder.owner;
}

// Whether the caller may write `record` as it stands (and, for an update, as it stood).
template <class T>
base::Status CheckOwnership(const RequestContext& ctx, const T& record) {
  auto owner = OwnerOf(record);
  if (domain::MayChange(ctx.principal->permissions, ctx.principal->person, T::kKind,
                        owner ? *owner : std::optional<domain::Id>())) {
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
base::Result<T> CreateFromJson(RequestContext& ctx, std::string_view json) {
  T record;
  AIMS_TRY(io::ReadRecordChanges(json, &record));
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
    AIMS_TRY(CheckOwnership(ctx, stored));
    record = stored;
    AIMS_TRY(io::ReadRecordChanges(json, &record));
    internal::KeepManagedFields(stored, &record);
    AIMS_TRY(CheckOwnership(ctx, record));
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
    AIMS_TRY(CheckOwnership(ctx, record));
    return m.Retire(record, expected);
  }));
  return record;
}

}  // namespace aims::api
