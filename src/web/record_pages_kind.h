// The generic pages of every record kind (list, detail, new, edit, retire), as templates shared
// by the translation units that instantiate them for a third of the kinds each
// (record_pages_kinds_1..3.cpp): one file for all kinds compiled for minutes on its own.
// Internal to the web layer: only record_pages*.cpp include it.
#pragma once

#include <algorithm>
#include <charconv>
#include <set>

#include "api/problem.h"
#include "api/record_writes.h"
#include "base/clock.h"
#include "io/register_json_reader.h"
#include "service/risk_library.h"
#include "service/system_assurance.h"
#include "web/assess_pages.h"
#include "web/gate_pages.h"
#include "web/governance_pages.h"
#include "web/oversight_pages.h"
#include "web/incident_pages.h"
#include "web/record_view.h"
#include "web/session_pages.h"


namespace aims::web::record_pages {


using domain::Permission;
constexpr int64_t kPageSize = 50;

inline std::string PluralLabel(domain::EntityKind kind) {
  if (kind == domain::EntityKind::kAiSystem) return "AI systems";
  if (kind == domain::EntityKind::kSoaEntry) return "Statement of Applicability entries";
  if (kind == domain::EntityKind::kAiActAssessment) return "EU AI Act classifications";
  if (kind == domain::EntityKind::kImpactAssessment) return "Impact assessments";
  if (kind == domain::EntityKind::kImpact) return "Impacts (benefits and harms)";
  if (kind == domain::EntityKind::kObligation) return "EU AI Act obligations";
  if (kind == domain::EntityKind::kGateRequest) return "Lifecycle gate requests";
  if (kind == domain::EntityKind::kResponsibility) return "RACI entries";
  std::string s = EnumLabel(domain::Info(kind).plural);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

inline std::string NavFor(domain::EntityKind kind) {
  switch (kind) {
    case domain::EntityKind::kAiSystem: return "AI systems";
    case domain::EntityKind::kRisk: return "Risks";
    case domain::EntityKind::kEvidence: return "Evidence";
    case domain::EntityKind::kIncident: return "Incidents";
    case domain::EntityKind::kPolicy:
    case domain::EntityKind::kResponsibility:
    case domain::EntityKind::kObjective:
    case domain::EntityKind::kMeasurement:
    case domain::EntityKind::kCourse:
    case domain::EntityKind::kTraining:
    case domain::EntityKind::kOversightArrangement: return "Governance";
    case domain::EntityKind::kSoaEntry: return "SoA";
    case domain::EntityKind::kPerson:
    case domain::EntityKind::kRole: return "People";
    default: return "Register";
  }
}

// Catalogs change only through `aims catalog`, whatever the role.
template <class T>
bool CanWrite(const api::RequestContext& ctx) {
  return T::kKind != domain::EntityKind::kCatalog && MayWriteKind<T>(ctx);
}

// A query string from pairs, each value percent-encoded.
inline std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    out += (out.empty() ? "?" : "&") + k + "=" + api::PercentEncode(v);
  }
  return out;
}

inline std::string EncodeKey(const store::PageKey& key) {
  return (key.is_int ? "i" : "t") + std::to_string(key.id) + ":" + (key.is_int ? std::to_string(key.int_value) : key.text_value);
}

inline base::Result<store::PageKey> DecodeKey(std::string_view s) {
  auto bad = base::Status::InvalidArgument("not a page link this list gave", "after");
  if (s.size() < 3 || (s[0] != 'i' && s[0] != 't')) return bad;
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return bad;
  store::PageKey key;
  key.is_int = s[0] == 'i';
  auto [p, ec] = std::from_chars(s.data() + 1, s.data() + colon, key.id);
  if (ec != std::errc() || p != s.data() + colon) return bad;
  std::string_view value = s.substr(colon + 1);
  if (key.is_int) {
    auto [p2, ec2] = std::from_chars(value.data(), value.data() + value.size(), key.int_value);
    if (ec2 != std::errc() || p2 != value.data() + value.size()) return bad;
  } else {
    key.text_value = std::string(value);
  }
  return key;
}

template <class T>
base::Result<api::Response> ListPage(api::RequestContext& ctx) {
  const auto& info = domain::Info(T::kKind);
  const std::string base = KindPath(T::kKind);
  store::RecordQuery query;
  query.limit = kPageSize;
  std::vector<std::pair<std::string, std::string>> kept;  // the filters, for links
  static const std::vector<domain::Field> fields = domain::FieldsOf<T>();
  std::string q = ctx.Query("q").value_or("");
  std::string sort = ctx.Query("sort").value_or("");
  query.search = q;
  if (!sort.empty()) {
    query.descending = sort[0] == '-';
    query.sort = query.descending ? sort.substr(1) : sort;
  }
  kept.emplace_back("q", q);
  bool filtered = !q.empty();
  for (const auto& f : fields) {
    auto v = ctx.Query(f.name);
    if (!v || v->empty()) continue;
    query.equals.emplace_back(std::string(f.name), *v);
    kept.emplace_back(std::string(f.name), *v);
    filtered = true;
  }
  if (ctx.Query("include_retired") == "true") {
    query.include_retired = true;
    kept.emplace_back("include_retired", "true");
  }
  if (auto after = ctx.Query("after")) {
    AIMS_ASSIGN_OR_RETURN(query.after, DecodeKey(*after));
  }
  std::vector<T> records;
  std::optional<store::PageKey> next;
  int64_t total = 0;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_TRY(tx.records<T>().Query(query, &records, &next));
    if (!query.search.empty()) return base::Status::OK();  // a text search has no index to count with
    store::RecordQuery count = query;
    count.after.reset();
    AIMS_ASSIGN_OR_RETURN(auto groups, tx.records<T>().CountBy(count));
    total = groups.empty() ? 0 : groups[0].count;
    return base::Status::OK();
  }));

  NameCache names(*ctx.ws);
  Data d;
  d.set("base", base);
  d.set("noun", std::string(info.noun));
  d.set("plural_label", PluralLabel(T::kKind));
  d.set("q", q);
  d.set("filtered", filtered);
  if (!sort.empty()) d.set("sort", sort);
  d.set("can_create", CanWrite<T>(ctx) && T::kKind != domain::EntityKind::kSoaEntry);
  if (T::kKind == domain::EntityKind::kRisk) d.set("library_href", std::string("/risk-library"));
  if (!query.search.empty()) {
    d.set("summary", std::to_string(records.size()) + (next ? "+" : "") + (records.size() == 1 && !next ? " record matches" : " records match"));
  } else {
    d.set("summary", std::to_string(total) + (total == 1 ? " record" : " records") + (filtered ? " match" : ""));
  }

  auto with = [&](std::vector<std::pair<std::string, std::string>> extra) {
    auto all = kept;
    for (auto& e : extra) all.push_back(std::move(e));
    return base + QueryString(all);
  };
  DataList filters;
  DataList columns;
  size_t column_count = 1;
  for (const auto& f : fields) {
    if (!f.in_list) continue;
    ++column_count;
    Data col;
    col.set("label", FieldLabel(f.name));
    bool scalar = f.kind != domain::FieldKind::kRefList && f.kind != domain::FieldKind::kTextList &&
                  f.kind != domain::FieldKind::kEnumList;
    if (scalar) {
      bool asc = query.sort == f.name && !query.descending;
      col.set("sort_href", with({{"sort", asc ? "-" + std::string(f.name) : std::string(f.name)}}));
      if (query.sort == f.name) col.set("sorted", std::string(query.descending ? "descending" : "ascending"));
    }
    columns.push_back(std::move(col));
    if (f.kind == domain::FieldKind::kEnum) {
      Data filter;
      filter.set("name", std::string(f.name));
      filter.set("label", FieldLabel(f.name));
      std::string current = ctx.Query(f.name).value_or("");
      DataList options;
      for (auto name : f.enum_names) {
        Data o;
        o.set("value", std::string(name));
        o.set("label", EnumLabel(name));
        o.set("selected", name == current);
        options.push_back(std::move(o));
      }
      filter.set("options", options);
      filters.push_back(std::move(filter));
    }
  }
  d.set("filters", filters);
  d.set("columns", columns);
  d.set("column_count", std::to_string(column_count));
  d.set("id_sort_href", with({{"sort", query.sort == "id" && !query.descending && !sort.empty() ? "-id" : "id"}}));
  DataList rows;
  const base::Timestamp now = base::Now();
  for (const auto& r : records) {
    Data row;
    row.set("href", RecordPath(T::kKind, r.meta.id));
    row.set("display_id", domain::DisplayId(T::kKind, r.meta.id));
    DataList cells = FieldCells(r, names, true);
    ApplyFlags(DateFlags(r, names.Zone(), now), &cells);
    row.set("cells", cells);
    rows.push_back(std::move(row));
  }
  d.set("rows", rows);
  if (next) d.set("next_href", with({{"sort", sort}, {"after", EncodeKey(*next)}}));
  if (query.after) d.set("first_href", with({{"sort", sort}}));
  return Page(ctx, {PluralLabel(T::kKind), NavFor(T::kKind)}, Render("list", d));
}

// Records of other kinds that refer to record `id` of kind T through a reference field.
template <class T>
base::Status AddRelated(api::RequestContext& ctx, domain::Id id, NameCache& names, DataList* related) {
  base::Status status;
  const base::Timestamp now = base::Now();
  domain::ForEachRecordType([&]<class U>() {
    if (!status.ok()) return;
    for (const auto& f : domain::FieldsOf<U>()) {
      if ((f.kind != domain::FieldKind::kRef && f.kind != domain::FieldKind::kRefList) || f.ref != T::kKind) continue;
      store::RecordQuery q;
      q.equals.emplace_back(std::string(f.name), std::to_string(id));
      q.limit = 20;
      std::vector<U> found;
      std::optional<store::PageKey> next;
      status = ctx.ws->Read([&](store::Tx& tx) { return tx.records<U>().Query(q, &found, &next); });
      if (!status.ok() || found.empty()) continue;
      Data section;
      section.set("key", std::string(domain::Info(U::kKind).name) + "-" + std::string(f.name));
      section.set("title", PluralLabel(U::kKind) + " (" + FieldLabel(f.name) + ")");
      DataList items;
      for (const auto& u : found) {
        Data item;
        item.set("href", RecordPath(U::kKind, u.meta.id));
        item.set("display_id", domain::DisplayId(U::kKind, u.meta.id));
        item.set("name", DisplayName(u));
        std::string note;
        for (const auto& [field, flag] : DateFlags(u, names.Zone(), now)) note += (note.empty() ? "" : ", ") + flag;
        if (!note.empty()) item.set("flag", note);
        items.push_back(std::move(item));
      }
      section.set("items", items);
      if (next) section.set("more_href", KindPath(U::kKind) + "?" + std::string(f.name) + "=" + std::to_string(id));
      related->push_back(std::move(section));
    }
  });
  (void)names;
  return status;
}

// An AI system's assurance: the controls that treat its risks, and their evidence.
inline base::Status AddSystemAssurance(api::RequestContext& ctx, domain::Id id, DataList* related) {
  base::Date today = base::Now().date();
  service::SystemAssurance assurance;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(assurance, service::AssuranceOf(tx, id));
    return base::Status::OK();
  }));
  const auto& controls = assurance.controls;
  const auto& evidence = assurance.evidence;
  Data cs;
  cs.set("key", std::string("controls"));
  cs.set("title", std::string("Controls treating its risks"));
  DataList items;
  for (const auto& c : controls) {
    Data item;
    item.set("href", RecordPath(domain::EntityKind::kControl, c.meta.id));
    item.set("display_id", domain::DisplayId(domain::EntityKind::kControl, c.meta.id));
    item.set("name", DisplayName(c));
    items.push_back(std::move(item));
  }
  cs.set("items", items);
  if (!controls.empty()) related->push_back(std::move(cs));
  Data es;
  es.set("key", std::string("evidence"));
  es.set("title", std::string("Evidence for those controls"));
  DataList eitems;
  for (const auto& e : evidence) {
    Data item;
    item.set("href", RecordPath(domain::EntityKind::kEvidence, e.meta.id));
    item.set("display_id", domain::DisplayId(domain::EntityKind::kEvidence, e.meta.id));
    item.set("name", e.title);
    if (e.expires_on) item.set("note", std::string(*e.expires_on < today ? "expired " : "valid until ") + e.expires_on->ToString());
    eitems.push_back(std::move(item));
  }
  es.set("items", eitems);
  if (!evidence.empty()) related->push_back(std::move(es));
  return base::Status::OK();
}

template <class T>
base::Result<api::Response> DetailPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  T record;
  std::vector<ledger::LedgerEntry> history;
  const bool show_history = ctx.principal->permissions.Has(Permission::kLedgerRead);
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(record, tx.records<T>().Get(id));
    if (show_history) {
      AIMS_ASSIGN_OR_RETURN(history, tx.ledger().HistoryOf(domain::Info(T::kKind).name, id));
    }
    return base::Status::OK();
  }));
  NameCache names(*ctx.ws);
  Data d;
  d.set("base", KindPath(T::kKind));
  d.set("plural_label", PluralLabel(T::kKind));
  d.set("href", RecordPath(T::kKind, id));
  d.set("display_id", domain::DisplayId(T::kKind, id));
  d.set("retired", record.meta.retired());
  d.set("version", std::to_string(record.meta.version));
  d.set("created_at", record.meta.created_at.ToString());
  d.set("updated_at", record.meta.updated_at.ToString());
  d.set("csrf", ctx.csrf_token);
  bool may_edit = CanWrite<T>(ctx);
  if (may_edit) may_edit = api::CheckOwnership(ctx, record).ok() && !FrozenForForms(ctx, record);
  d.set("panel", AssessPanel(ctx, record) + GatePanel(ctx, record) + IncidentPanel(ctx, record) +
                     PolicyPanel(ctx, record) + ObjectivePanel(ctx, record) + OversightPanel(ctx, record));
  d.set("can_edit", may_edit);
  DataList cells = FieldCells(record, names, false);
  ApplyFlags(DateFlags(record, names.Zone(), base::Now()), &cells);
  d.set("cells", cells);
  if constexpr (std::is_same_v<T, domain::Evidence>) {
    d.set("download_href", "/api/v1/evidence/" + std::to_string(id) + "/file");
  }
  if constexpr (std::is_same_v<T, domain::AiSystem>) {
    Data stages;
    DataList items;
    auto names_list = domain::EnumNames<domain::LifecycleStage>();
    for (size_t i = 0; i < names_list.size(); ++i) {
      Data item;
      item.set("label", EnumLabel(names_list[i]));
      item.set("done", i < static_cast<size_t>(record.lifecycle_stage));
      item.set("current", i == static_cast<size_t>(record.lifecycle_stage));
      items.push_back(std::move(item));
    }
    stages.set("items", items);
    d.set("stages", stages);
  }
  DataList related;
  AIMS_TRY(AddRelated<T>(ctx, id, names, &related));
  if constexpr (std::is_same_v<T, domain::AiSystem>) AIMS_TRY(AddSystemAssurance(ctx, id, &related));
  d.set("related", related);
  d.set("show_history", show_history);
  DataList h;
  for (const auto& e : history) {
    Data row;
    row.set("seq", std::to_string(e.seq));
    row.set("time", e.time.ToString());
    row.set("actor", e.actor);
    row.set("action", e.action);
    row.set("hash", base::ToHex(e.state_hash).substr(0, 16));
    h.push_back(std::move(row));
  }
  d.set("history", h);
  std::string title = DisplayName(record);
  return Page(ctx, {title, NavFor(T::kKind)}, Render("detail", d));
}

// The evidence form's file picker: a drop zone that uploads the file and fills in its hash
// (kept when the form comes back with an error, so the file need not be sent again).
inline std::string UploadWidget(const domain::Evidence& ev, const std::map<std::string, std::string>& errors) {
  Data d;
  d.set("sha256", ev.sha256);
  d.set("file_name", ev.file_name);
  if (auto it = errors.find("sha256"); it != errors.end()) d.set("error", it->second);
  return Render("upload", d);
}

template <class T>
api::Response FormPage(api::RequestContext& ctx, const T& record, const std::map<std::string, std::string>& errors,
                       std::string problem, api::http::status status) {
  NameCache names(*ctx.ws);
  const bool creating = record.meta.id == 0;
  Data d;
  d.set("base", KindPath(T::kKind));
  d.set("plural_label", PluralLabel(T::kKind));
  d.set("csrf", ctx.csrf_token);
  d.set("fields", FormFields(record, names, errors));
  if (!problem.empty()) d.set("problem", problem);
  size_t marked = 0;  // errors shown next to an input of this form
  for (const auto& f : domain::FieldsOf<T>()) marked += !f.managed && errors.count(std::string(f.name));
  if (marked) d.set("error_count", std::to_string(marked));
  if (creating) {
    d.set("action", KindPath(T::kKind));
    d.set("submit_label", "Create " + std::string(domain::Info(T::kKind).noun));
    d.set("cancel_href", KindPath(T::kKind));
    if constexpr (std::is_same_v<T, domain::Evidence>) d.set("upload", UploadWidget(record, errors));
  } else {
    d.set("display_id", domain::DisplayId(T::kKind, record.meta.id));
    d.set("record_href", RecordPath(T::kKind, record.meta.id));
    d.set("action", RecordPath(T::kKind, record.meta.id));
    d.set("version", std::to_string(record.meta.version));
    d.set("submit_label", std::string("Save changes"));
    d.set("cancel_href", RecordPath(T::kKind, record.meta.id));
  }
  std::string title = creating ? "New " + std::string(domain::Info(T::kKind).noun) : "Edit " + DisplayName(record);
  return Page(ctx, {title, NavFor(T::kKind), status}, Render("form", d));
}

template <class T>
base::Result<api::Response> NewPage(api::RequestContext& ctx) {
  T record;
  if constexpr (std::is_same_v<T, domain::Risk>) {
    // /risks/new?template=bias: the form starts filled from that seed risk (/risk-library).
    if (auto seed = ctx.Query("template")) {
      AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(record, service::RiskFromLibrary(tx, *seed));
        return base::Status::OK();
      }));
    }
  }
  if constexpr (requires { record.owner; }) record.owner = ctx.principal->person;
  // A link from a record's page may name the records the new one refers to:
  // /impacts/new?assessment=3 starts with that reference chosen, /risks/new?systems=SYS-3 with
  // that system among its systems.
  auto preset = [&](const domain::Field& f, auto& value) {
    using V = std::decay_t<decltype(value)>;
    if (f.managed) return;
    if constexpr (std::is_same_v<V, std::optional<domain::Id>>) {
      auto given = ctx.Query(f.name);
      if (!given) return;
      if (auto id = domain::ParseDisplayId(f.ref, *given)) value = *id;
    } else if constexpr (std::is_same_v<V, std::vector<domain::Id>>) {
      auto [from, to] = ctx.query.equal_range(f.name);
      for (auto it = from; it != to; ++it) {
        auto id = domain::ParseDisplayId(f.ref, it->second);
        if (id && std::find(value.begin(), value.end(), *id) == value.end()) value.push_back(*id);
      }
    }
  };
  record.VisitFields(preset);
  return FormPage(ctx, record, {}, "", api::http::status::ok);
}

template <class T>
base::Result<api::Response> EditPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  T record;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(record, tx.records<T>().Get(id));
    return base::Status::OK();
  }));
  AIMS_TRY(api::CheckOwnership(ctx, record));
  if (FrozenForForms(ctx, record)) {
    return ErrorPage(base::Status::FailedPrecondition(domain::DisplayId(T::kKind, id) +
                                                      " is frozen (approved, or written by aims): it cannot be edited"),
                     ctx);
  }
  return FormPage(ctx, record, {}, "", api::http::status::ok);
}

// A failed create or update shown on the form again, with what was typed and the error next
// to its field; errors that are not about a field (not allowed, not found) get the error page.
template <class T>
base::Result<api::Response> FormProblem(api::RequestContext& ctx, T shown, const std::string& json,
                                        const base::Status& s) {
  auto code = s.code();
  if (code == base::StatusCode::kPermissionDenied && ErrorField(s) != "owner") return s;
  if (code == base::StatusCode::kNotFound && ErrorField(s).empty()) return s;
  (void)io::ReadRecordChanges(json, &shown);  // what the user typed, as far as it reads
  std::map<std::string, std::string> errors;
  std::string field = ErrorField(s);
  if (!field.empty()) errors[field] = std::string(s.message());
  std::string problem = code == base::StatusCode::kConflict
                            ? "Someone changed this record since you opened it; nothing was saved. Open it again to "
                              "see their change, then make yours."
                            : "Nothing was saved: " + std::string(s.message()) + (field.empty() ? "" : " (" + FieldLabel(field) + ")");
  return FormPage(ctx, shown, errors, problem, api::HttpStatusFor(s));
}

template <class T>
base::Result<api::Response> CreateSubmit(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  static constexpr std::string_view kEvidenceFile[] = {"sha256", "file_name"};
  NameCache names(*ctx.ws);
  std::string json = std::is_same_v<T, domain::Evidence> ? FormToJson<T>(form, kEvidenceFile, names.Zone())
                                                         : FormToJson<T>(form, {}, names.Zone());
  if constexpr (std::is_same_v<T, domain::Evidence>) {
    if (FormValue(form, "sha256").empty()) {
      return FormProblem(ctx, T{}, json, base::Status::InvalidArgument("choose or drop the evidence file first", "sha256"));
    }
  }
  base::Result<T> created = api::CreateFromJson<T>(ctx, json);
  if (!created.ok()) return FormProblem(ctx, T{}, json, created.status());
  return Redirect(RecordPath(T::kKind, created->meta.id));
}

template <class T>
base::Result<api::Response> UpdateSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  NameCache names(*ctx.ws);
  std::string json = FormToJson<T>(form, {}, names.Zone());
  base::Result<T> updated = api::UpdateFromJson<T>(ctx, id, version, json);
  if (!updated.ok()) {
    T stored;
    AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(stored, tx.records<T>().Get(id));
      return base::Status::OK();
    }));
    // Keep the version the form was made on: saving again must not silently win.
    stored.meta.version = version;
    return FormProblem(ctx, stored, json, updated.status());
  }
  return Redirect(RecordPath(T::kKind, id));
}

template <class T>
base::Result<api::Response> RetireSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  AIMS_TRY(api::RetireRecord<T>(ctx, id, version).status());
  return Redirect(RecordPath(T::kKind, id));
}

template <class T>
void AddKind(api::Router& router) {
  const std::string base = KindPath(T::kKind);
  api::Access read = api::Access::Needs(Permission::kRegisterRead);
  domain::WriteAccess w = domain::WriteAccessFor(T::kKind);
  api::Access write = api::Access::Needs(w.any, w.own);
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    api::Route route{method, std::move(pattern), access, {}, std::move(handler)};
    route.page = true;
    router.Add(std::move(route));
  };
  page(api::http::verb::get, base, read, ListPage<T>);
  constexpr bool kServiceWritten = requires { T::kServiceWritten; };
  if (T::kKind != domain::EntityKind::kCatalog && T::kKind != domain::EntityKind::kSoaEntry && !kServiceWritten) {
    page(api::http::verb::get, base + "/new", write, NewPage<T>);
    page(api::http::verb::post, base, write, CreateSubmit<T>);
  }
  page(api::http::verb::get, base + "/{id}", read, DetailPage<T>);
  if (T::kKind == domain::EntityKind::kCatalog) return;
  page(api::http::verb::get, base + "/{id}/edit", write, EditPage<T>);
  page(api::http::verb::post, base + "/{id}", write, UpdateSubmit<T>);
  page(api::http::verb::post, base + "/{id}/retire", write, RetireSubmit<T>);
}

// Adds the page routes of the kinds of domain/entities.h's AIMS_RECORD_TYPES_1, _2 and _3.
void AddKinds1(api::Router& router);
void AddKinds2(api::Router& router);
void AddKinds3(api::Router& router);

}  // namespace aims::web::record_pages
