// How register records look in the web application, derived from their field lists (as the
// CLI and the JSON API are): labels, display values, links to referenced records, form inputs,
// and the translation of a submitted form into the JSON body the API reads, so a form post and
// an API call are validated by the same code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "api/router.h"
#include "base/time.h"
#include "base/time_zone.h"
#include "domain/entities.h"
#include "web/view.h"

namespace aims::web {

using Form = std::multimap<std::string, std::string, std::less<>>;

// "EU AI Act tier" for ai_act_tier: a label for people.
std::string FieldLabel(std::string_view field_name);
// "human in the loop" for human_in_the_loop.
std::string EnumLabel(std::string_view value);
// "Evidence" for "evidence": a label's first letter in capitals.
std::string Capitalised(std::string s);

// Whether the signed-in user may write records of kind T at all (some, for owners of their own):
// the route's own access rule; ownership of one record is checked when it is changed.
template <class T>
bool MayWriteKind(const api::RequestContext& ctx) {
  domain::WriteAccess w = domain::WriteAccessFor(T::kKind);
  return ctx.principal->permissions.Has(w.any) || (w.own && ctx.principal->permissions.Has(*w.own));
}

// The record version a form was made on (its `_version` field), for optimistic concurrency.
base::Result<int64_t> FormVersion(const Form& form);

// The page of a record kind: "/systems".
std::string KindPath(domain::EntityKind kind);
std::string RecordPath(domain::EntityKind kind, domain::Id id);

// The short name of a record: its first text field ("Credit scoring"), or its display id.
template <class T>
std::string DisplayName(const T& record);

// Display names of referenced records, looked up once per request.
class NameCache {
 public:
  explicit NameCache(service::Workspace& ws) : ws_(ws) {}
  std::string Name(domain::EntityKind kind, domain::Id id);
  // The organisation's time zone, in which times are shown and typed (read once).
  const base::TimeZone& Zone();
  // Every live record of `kind` as (id, name), when there are at most `limit` (for a select);
  // nullopt when there are more.
  std::optional<std::vector<std::pair<domain::Id, std::string>>> Choices(domain::EntityKind kind, size_t limit = 500);

 private:
  service::Workspace& ws_;
  std::map<std::pair<domain::EntityKind, domain::Id>, std::string> names_;
  std::optional<base::TimeZone> zone_;
};

// What a record's dates mean now, shown beside the value wherever the record appears (lists,
// its page, related records): {field name -> flag}, e.g. a risk's review_date -> "review overdue"
// (days are the organisation's, in `zone`), a serious incident's aware_at -> "report due in 3 days".
std::map<std::string, std::string> DateFlags(const domain::Risk& risk, const base::TimeZone& zone, base::Timestamp now);
std::map<std::string, std::string> DateFlags(const domain::Incident& incident, const base::TimeZone& zone,
                                             base::Timestamp now);
std::map<std::string, std::string> DateFlags(const domain::Policy& policy, const base::TimeZone& zone, base::Timestamp now);
template <class T>
std::map<std::string, std::string> DateFlags(const T&, const base::TimeZone&, base::Timestamp) {
  return {};
}
// Sets "flag" on the cells (from FieldCells) that `flags` names.
void ApplyFlags(const std::map<std::string, std::string>& flags, DataList* cells);

// One field of a record for display: {label, text, links[{href, text}], long}.
template <class T>
DataList FieldCells(const T& record, NameCache& names, bool listed_only);

// Form inputs for the fields of `record` (managed fields left out), with `errors` (field name
// -> message) next to their inputs.
template <class T>
DataList FormFields(const T& record, NameCache& names, const std::map<std::string, std::string>& errors);

// The JSON object of field values a submitted form holds, for io::ReadRecordChanges. Only the
// record's own, non-managed fields are read (plus `extra` managed ones, e.g. an evidence file's
// hash on creation); empty optional values become null.
// Times without a zone are read in `zone`, the organisation's.
template <class T>
std::string FormToJson(const Form& form, std::span<const std::string_view> extra = {},
                       const base::TimeZone& zone = base::TimeZone::Utc());

// A field name from an error's "where" (a JSON pointer "/name" or a plain name).
std::string ErrorField(const base::Status& status);

}  // namespace aims::web
