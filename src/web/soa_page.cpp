#include "web/soa_page.h"

#include <charconv>
#include <set>

#include "api/problem.h"
#include "api/record_writes.h"
#include "base/clock.h"
#include "io/register_json_reader.h"
#include "service/soa_report.h"
#include "web/record_view.h"

namespace aims::web {

namespace {

using domain::SoaEntry;

std::string RowId(std::string_view requirement) {
  std::string id;
  for (char c : requirement) id.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return id;
}

std::string CaseFolded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Data RowData(const api::RequestContext& ctx, const service::SoaRow& row, const SoaEntry* entry) {
  Data d;
  d.set("row_id", RowId(row.id));
  d.set("id", row.id);
  d.set("title", row.title);
  d.set("csrf", ctx.csrf_token);
  d.set("justification", entry ? entry->justification : row.justification);
  d.set("applicable_label", EnumLabel(domain::EnumName(row.applicable)));
  d.set("status", std::string(domain::EnumName(row.status)));
  d.set("status_label", EnumLabel(domain::EnumName(row.status)));
  if (row.evidence > 0) {
    d.set("evidence", std::to_string(row.evidence));
    d.set("current_evidence", std::to_string(row.current_evidence));
  }
  std::string controls;
  for (const auto& c : row.controls) controls += (controls.empty() ? "" : ", ") + c;
  d.set("controls", controls);
  const bool may_edit = ctx.principal->permissions.Has(domain::Permission::kControlWrite);
  if (entry && may_edit) {
    d.set("entry_id", std::to_string(entry->meta.id));
    d.set("version", std::to_string(entry->meta.version));
    DataList options;
    for (auto name : domain::EnumNames<domain::Applicability>()) {
      Data o;
      o.set("value", std::string(name));
      o.set("label", EnumLabel(name));
      o.set("selected", name == domain::EnumName(entry->applicable));
      options.push_back(std::move(o));
    }
    d.set("options", options);
  }
  return d;
}

base::Result<std::vector<SoaEntry>> EntriesOf(api::RequestContext& ctx, std::string_view framework) {
  std::vector<SoaEntry> entries;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    store::RecordQuery q;
    q.equals.emplace_back("framework", std::string(framework));
    q.limit = 5000;
    std::optional<store::PageKey> next;
    return tx.records<SoaEntry>().Query(q, &entries, &next);
  }));
  return entries;
}

base::Result<api::Response> SoaList(api::RequestContext& ctx) {
  std::string framework = ctx.Query("framework").value_or("iso42001");
  std::string q = CaseFolded(ctx.Query("q").value_or(""));
  std::string applicable = ctx.Query("applicable").value_or("");
  const base::Date today = base::Now().date();
  AIMS_ASSIGN_OR_RETURN(service::SoaReport report, service::BuildSoa(*ctx.ws, framework, today));
  AIMS_ASSIGN_OR_RETURN(std::vector<SoaEntry> entries, EntriesOf(ctx, framework));
  std::map<std::string, const SoaEntry*> by_requirement;
  for (const auto& e : entries) by_requirement[e.requirement] = &e;

  std::string rows;
  size_t shown = 0;
  for (const auto& row : report.rows) {
    if (!applicable.empty() && domain::EnumName(row.applicable) != applicable) continue;
    if (!q.empty() && CaseFolded(row.id).find(q) == std::string::npos && CaseFolded(row.title).find(q) == std::string::npos) continue;
    auto it = by_requirement.find(row.id);
    rows += Render("soa_row", RowData(ctx, row, it == by_requirement.end() ? nullptr : it->second));
    ++shown;
  }
  std::set<std::string> frameworks = {"iso42001", framework};
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    static const std::string kGroup[] = {"framework"};
    AIMS_ASSIGN_OR_RETURN(auto groups, tx.records<SoaEntry>().CountBy(store::RecordQuery{}, kGroup));
    for (const auto& g : groups) frameworks.insert(g.values[0]);
    return base::Status::OK();
  }));
  Data d;
  DataList fw;
  for (const auto& f : frameworks) {
    Data o;
    o.set("id", f);
    o.set("selected", f == framework);
    fw.push_back(std::move(o));
  }
  d.set("frameworks", fw);
  d.set("framework", framework);
  d.set("catalog", report.catalog);
  d.set("q", ctx.Query("q").value_or(""));
  DataList options;
  for (auto name : domain::EnumNames<domain::Applicability>()) {
    Data o;
    o.set("value", std::string(name));
    o.set("label", EnumLabel(name));
    o.set("selected", name == applicable);
    options.push_back(std::move(o));
  }
  d.set("applicable_options", options);
  d.set("summary", std::to_string(shown) + " of " + std::to_string(report.rows.size()) + " controls" +
                       (entries.empty() ? " (not adopted: run `aims catalog adopt` to decide on them)" : ""));
  d.set("rows", rows);
  return Page(ctx, {"Statement of Applicability", "SoA"}, Render("soa", d));
}

base::Result<api::Response> SoaSave(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  Form fields;
  for (const char* name : {"applicable", "justification"}) {
    if (form.count(name)) fields.emplace(name, FormValue(form, name));
  }
  std::string json = FormToJson<SoaEntry>(fields);
  base::Result<SoaEntry> saved = api::UpdateFromJson<SoaEntry>(ctx, id, version, json);
  if (!IsHtmx(ctx)) {
    AIMS_TRY(saved.status());
    return Redirect("/soa");
  }
  // The row again, as it now stands (or with the error, keeping what was typed).
  SoaEntry entry;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(entry, tx.records<SoaEntry>().Get(id));
    return base::Status::OK();
  }));
  AIMS_ASSIGN_OR_RETURN(service::SoaReport report, service::BuildSoa(*ctx.ws, entry.framework, base::Now().date()));
  const service::SoaRow* row = nullptr;
  for (const auto& r : report.rows) {
    if (r.id == entry.requirement) row = &r;
  }
  if (!row) return base::Status::NotFound("the framework has no such control", entry.requirement);
  api::http::status status = api::http::status::ok;
  Data d;
  if (saved.ok()) {
    d = RowData(ctx, *row, &entry);
    d.set("saved", true);
  } else {
    if (saved.status().code() == base::StatusCode::kPermissionDenied) return saved.status();
    const bool stale = saved.status().code() == base::StatusCode::kConflict;
    SoaEntry typed = entry;
    if (!stale) {
      (void)io::ReadRecordChanges(json, &typed);
      typed.meta.version = version;
    }
    d = RowData(ctx, *row, &typed);
    d.set("error", saved.status().code() == base::StatusCode::kConflict
                       ? std::string("Someone changed this entry since you loaded it; this row now shows their version. Nothing was saved.")
                       : std::string(saved.status().message()));
    status = api::HttpStatusFor(saved.status());
  }
  return HtmlResponse(status, Render("soa_row", d));
}

}  // namespace

void AddSoaPage(api::Router& router) {
  api::Route list{api::http::verb::get, "/soa", api::Access::Needs(domain::Permission::kRegisterRead), {}, SoaList};
  list.page = true;
  router.Add(std::move(list));
  api::Route save{api::http::verb::post, "/soa/{id}", api::Access::Needs(domain::Permission::kControlWrite), {}, SoaSave};
  save.page = true;
  router.Add(std::move(save));
}

}  // namespace aims::web
