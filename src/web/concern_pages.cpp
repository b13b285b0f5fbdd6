#include "web/concern_pages.h"

#include "api/public_limits.h"
#include "base/clock.h"
#include "service/concerns.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::Permission;

std::string When(base::Timestamp t) {
  std::string s = t.ToString();
  return s.size() > 16 ? s.substr(0, 10) + " " + s.substr(11, 5) + " UTC" : s;
}

DataList Messages(const std::vector<domain::ConcernMessage>& messages) {
  DataList out;
  for (const auto& m : messages) {
    Data d;
    d.set("author", std::string(domain::EnumName(m.author)));
    d.set("who", std::string(m.author == domain::ConcernAuthor::kReporter ? "Reporter" : "Concern handler"));
    d.set("at", When(m.at));
    d.set("body", m.body);
    out.push_back(std::move(d));
  }
  return out;
}

DataList Categories(std::string_view chosen) {
  DataList out;
  for (auto name : domain::EnumNames<domain::ConcernCategory>()) {
    Data d;
    d.set("key", std::string(name));
    d.set("label", Capitalised(EnumLabel(name)));
    d.set("selected", name == chosen);
    out.push_back(std::move(d));
  }
  return out;
}

api::Response NewForm(api::RequestContext& ctx, const Form* form, const std::string& error, api::http::status status) {
  Data d;
  d.set("csrf", ctx.csrf_token);
  d.set("categories", Categories(form ? FormValue(*form, "category") : "other"));
  if (form) {
    d.set("system", FormValue(*form, "system"));
    d.set("body", FormValue(*form, "body"));
  }
  if (!error.empty()) d.set("error", error);
  return Page(ctx, {"Raise a concern", "", status}, Render("concern_new", d));
}

std::string Problem(const base::Status& s) {
  return (s.where().empty() ? "" : std::string(s.where()) + ": ") + std::string(s.message());
}

api::http::status HttpStatusOf(const base::Status& s) {
  switch (s.code()) {
    case base::StatusCode::kResourceExhausted: return api::http::status::too_many_requests;
    case base::StatusCode::kNotFound: return api::http::status::not_found;
    case base::StatusCode::kFailedPrecondition: return api::http::status::conflict;
    default: return api::http::status::unprocessable_entity;
  }
}

base::Result<api::Response> NewPage(api::RequestContext& ctx) {
  return NewForm(ctx, nullptr, "", api::http::status::ok);
}

base::Result<api::Response> NewSubmit(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  auto category = domain::ParseEnum<domain::ConcernCategory>(FormValue(form, "category"));
  std::string body = FormValue(form, "body");
  std::string system = FormValue(form, "system");
  // Checked before the rate limit so a typo does not use up an attempt.
  base::Status check = domain::CheckConcernText(body, "body");
  if (check.ok() && !system.empty()) check = domain::CheckConcernText(system, "system", domain::kMaxSystemNamedChars);
  if (!check.ok()) return NewForm(ctx, &form, Problem(check), api::http::status::unprocessable_entity);
  base::Status allowed = api::PublicLimits::Get().AllowReport(ctx.client);
  if (!allowed.ok()) return NewForm(ctx, &form, Problem(allowed), api::http::status::too_many_requests);
  service::FiledConcern filed;
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(filed, service::FileConcern(m, category.value_or(domain::ConcernCategory::kOther), system, body));
    return base::Status::OK();
  });
  if (!s.ok()) return NewForm(ctx, &form, Problem(s), HttpStatusOf(s));
  Data d;
  d.set("filed", true);
  d.set("code", filed.receipt_code);
  d.set("csrf", ctx.csrf_token);
  api::Response res = Page(ctx, {"Report received", "", api::http::status::created}, Render("concern_receipt", d));
  return res;
}

api::Response ReceiptPage(api::RequestContext& ctx, const std::string& code, const service::ConcernThread* thread,
                          const std::string& error, api::http::status status) {
  Data d;
  d.set("csrf", ctx.csrf_token);
  d.set("code", code);
  if (!error.empty()) d.set("error", error);
  if (thread) {
    Data t;
    t.set("status", EnumLabel(domain::EnumName(thread->concern.status)));
    t.set("messages", Messages(thread->messages));
    t.set("closed", thread->concern.status == domain::ConcernStatus::kClosed);
    t.set("code", code);
    t.set("csrf", ctx.csrf_token);
    d.set("thread", t);
  }
  return Page(ctx, {"Your report", "", status}, Render("concern_receipt", d));
}

base::Result<api::Response> ReceiptForm(api::RequestContext& ctx) {
  return ReceiptPage(ctx, "", nullptr, "", api::http::status::ok);
}

// The code travels in the form body, never in a URL, so it stays out of logs and history.
base::Result<api::Response> ReceiptOpen(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string code = FormValue(form, "receipt");
  base::Status allowed = api::PublicLimits::Get().AllowLookup(ctx.client);
  if (!allowed.ok()) return ReceiptPage(ctx, "", nullptr, Problem(allowed), api::http::status::too_many_requests);
  service::ConcernThread thread;
  base::Status s = ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(thread, service::ConcernByReceipt(tx, code));
    return base::Status::OK();
  });
  if (!s.ok()) return ReceiptPage(ctx, "", nullptr, Problem(s), HttpStatusOf(s));
  auto normalised = domain::NormaliseReceiptCode(code);
  return ReceiptPage(ctx, normalised.ok() ? *normalised : code, &thread, "", api::http::status::ok);
}

base::Result<api::Response> ReceiptMessage(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string code = FormValue(form, "receipt");
  std::string body = FormValue(form, "body");
  base::Status allowed = api::PublicLimits::Get().AllowLookup(ctx.client);
  if (!allowed.ok()) return ReceiptPage(ctx, "", nullptr, Problem(allowed), api::http::status::too_many_requests);
  base::Status s = ctx.Mutate([&](service::Mutation& m) { return service::AddReporterMessage(m, code, body); });
  service::ConcernThread thread;
  base::Status read = ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(thread, service::ConcernByReceipt(tx, code));
    return base::Status::OK();
  });
  if (!read.ok()) return ReceiptPage(ctx, "", nullptr, Problem(read), HttpStatusOf(read));
  std::string normalised = *domain::NormaliseReceiptCode(code);
  if (!s.ok()) return ReceiptPage(ctx, normalised, &thread, Problem(s), HttpStatusOf(s));
  return ReceiptPage(ctx, normalised, &thread, "", api::http::status::ok);
}

service::ConcernHandler HandlerOf(const api::RequestContext& ctx) {
  return {ctx.principal->permissions, ctx.principal->person};
}

base::Result<api::Response> ListPage(api::RequestContext& ctx) {
  std::vector<service::ConcernThread> threads;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(threads, service::ConcernsFor(tx, HandlerOf(ctx), 500));
    return base::Status::OK();
  }));
  NameCache names(*ctx.ws);
  DataList rows;
  for (const auto& t : threads) {
    Data r;
    r.set("href", "/concerns/" + std::to_string(t.concern.id));
    r.set("id", "Report " + std::to_string(t.concern.id));
    r.set("received", When(t.concern.created_at));
    r.set("category", Capitalised(EnumLabel(domain::EnumName(t.concern.category))));
    r.set("system", t.concern.system ? names.Name(domain::EntityKind::kAiSystem, *t.concern.system) : t.concern.system_named);
    r.set("status", EnumLabel(domain::EnumName(t.concern.status)));
    r.set("messages", std::to_string(t.messages.size()));
    r.set("hidden", t.concern.hide_from_owner);
    rows.push_back(std::move(r));
  }
  Data d;
  d.set("concerns", rows);
  return Page(ctx, {"Concerns", "Concerns"}, Render("concern_list", d));
}

base::Result<api::Response> DetailPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  service::ConcernThread t;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(t, service::ConcernFor(tx, id, HandlerOf(ctx)));
    return base::Status::OK();
  }));
  NameCache names(*ctx.ws);
  Data d;
  d.set("id", "Report " + std::to_string(id));
  d.set("href", "/concerns/" + std::to_string(id));
  d.set("version", std::to_string(t.concern.version));
  d.set("csrf", ctx.csrf_token);
  d.set("category", Capitalised(EnumLabel(domain::EnumName(t.concern.category))));
  d.set("status", EnumLabel(domain::EnumName(t.concern.status)));
  d.set("received", When(t.concern.created_at));
  d.set("system_named", t.concern.system_named.empty() ? std::string("(none)") : t.concern.system_named);
  d.set("hidden", t.concern.hide_from_owner);
  if (t.concern.system) {
    d.set("system_href", RecordPath(domain::EntityKind::kAiSystem, *t.concern.system));
    d.set("system_name", names.Name(domain::EntityKind::kAiSystem, *t.concern.system));
  }
  d.set("messages", Messages(t.messages));
  DataList statuses;
  for (auto name : domain::EnumNames<domain::ConcernStatus>()) {
    Data s;
    s.set("key", std::string(name));
    s.set("label", Capitalised(EnumLabel(name)));
    s.set("selected", name == domain::EnumName(t.concern.status));
    statuses.push_back(std::move(s));
  }
  d.set("statuses", statuses);
  DataList systems;
  for (const auto& [sid, name] : names.Choices(domain::EntityKind::kAiSystem).value_or(
           std::vector<std::pair<domain::Id, std::string>>{})) {
    Data s;
    s.set("id", std::to_string(sid));
    s.set("name", name);
    s.set("selected", t.concern.system == sid);
    systems.push_back(std::move(s));
  }
  d.set("systems", systems);
  return Page(ctx, {"Concern", "Concerns"}, Render("concern_detail", d));
}

base::Result<api::Response> DetailSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  service::ConcernDecision decision;
  decision.reply = FormValue(form, "reply");
  auto status = domain::ParseEnum<domain::ConcernStatus>(FormValue(form, "status"));
  if (!status) return ErrorPage(base::Status::InvalidArgument("choose a status", "status"), ctx);
  decision.status = *status;
  std::string system = FormValue(form, "system");
  if (!system.empty()) {
    auto sid = domain::ParseDisplayId(domain::EntityKind::kAiSystem, system);
    if (!sid) return ErrorPage(base::Status::InvalidArgument("not an AI system id", "system"), ctx);
    decision.system = *sid;
  }
  decision.hide_from_owner = FormValue(form, "hide_from_owner") == "1";
  base::Status s = ctx.Mutate([&](service::Mutation& m) {
    return service::HandleConcern(m, id, version, HandlerOf(ctx), decision);
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect("/concerns/" + std::to_string(id));
}

}  // namespace

void AddConcernPages(api::Router& router) {
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler,
                        bool conceal) { AddPage(router, method, std::move(pattern), access, std::move(handler), conceal); };
  // Public: no account, the client's address kept out of the log.
  page(api::http::verb::get, "/concerns/new", api::Access::Public(), NewPage, true);
  page(api::http::verb::post, "/concerns/new", api::Access::Public(), NewSubmit, true);
  page(api::http::verb::get, "/concerns/receipt", api::Access::Public(), ReceiptForm, true);
  page(api::http::verb::post, "/concerns/receipt", api::Access::Public(), ReceiptOpen, true);
  page(api::http::verb::post, "/concerns/receipt/message", api::Access::Public(), ReceiptMessage, true);
  // Handlers.
  api::Access handle = api::Access::Needs(Permission::kConcernHandle);
  page(api::http::verb::get, "/concerns", handle, ListPage, false);
  page(api::http::verb::get, "/concerns/{id}", handle, DetailPage, false);
  page(api::http::verb::post, "/concerns/{id}", handle, DetailSubmit, false);
}

}  // namespace aims::web
