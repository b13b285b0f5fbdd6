#include "web/webhooks_page.h"

#include "api/problem.h"
#include "base/clock.h"
#include "service/notifications.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {


// The page, with the secret of a just-added endpoint or the reason an addition was refused.
base::Result<api::Response> View(api::RequestContext& ctx, const domain::Webhook* added, const base::Status& problem) {
  std::vector<domain::Webhook> hooks;
  std::vector<domain::WebhookDelivery> log;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(hooks, tx.webhooks().List());
    AIMS_ASSIGN_OR_RETURN(log, tx.webhooks().Deliveries(std::nullopt, 50));
    return base::Status::OK();
  }));
  Data d;
  d.set("csrf", ctx.csrf_token);
  DataList rows;
  for (const auto& h : hooks) {
    Data r;
    r.set("id", std::to_string(h.id));
    r.set("url", h.url);
    std::string events;
    for (const auto& e : h.events) events += (events.empty() ? "" : ", ") + e;
    r.set("events", events.empty() ? std::string("all") : events);
    r.set("active", h.active);
    r.set("csrf", ctx.csrf_token);
    rows.push_back(std::move(r));
  }
  d.set("hooks", rows);
  DataList kinds;
  for (auto k : domain::kNotificationKinds) {
    Data kind;
    kind.set("name", std::string(k));
    kinds.push_back(std::move(kind));
  }
  d.set("kinds", kinds);
  DataList deliveries;
  for (const auto& x : log) {
    Data r;
    r.set("id", std::to_string(x.id));
    r.set("webhook", std::to_string(x.webhook));
    r.set("event", x.event_key);
    r.set("status", std::string(domain::DeliveryStatusName(x.status)));
    r.set("delivered", x.status == domain::DeliveryStatus::kDelivered);
    r.set("attempts", std::to_string(x.attempts));
    r.set("answer", x.last_http_status ? std::to_string(x.last_http_status) : x.last_error);
    r.set("when", domain::DeliveryTimeText(x.delivered_ms ? x.delivered_ms : x.created_ms));
    deliveries.push_back(std::move(r));
  }
  d.set("deliveries", deliveries);
  if (added) {
    d.set("added", true);
    d.set("added_url", added->url);
    d.set("secret", added->secret);
  }
  if (!problem.ok()) d.set("problem", std::string(problem.message()));
  api::http::status status = problem.ok() ? (added ? api::http::status::created : api::http::status::ok)
                                          : api::HttpStatusFor(problem);
  return Page(ctx, {"Webhooks", "Accounts", status}, Render("webhooks", d));
}

base::Result<api::Response> Show(api::RequestContext& ctx) { return View(ctx, nullptr, base::Status::OK()); }

base::Result<api::Response> Add(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string events;
  for (auto k : domain::kNotificationKinds) {
    if (FormValue(form, "event_" + std::string(k)) == "on") events += (events.empty() ? "" : ",") + std::string(k);
  }
  auto hook = service::AddWebhook(*ctx.ws, FormValue(form, "url"), events, ctx.principal->actor(), base::Now());
  if (!hook.ok()) {
    if (hook.status().code() != base::StatusCode::kInvalidArgument) return hook.status();
    return View(ctx, nullptr, hook.status());
  }
  return View(ctx, &*hook, base::Status::OK());
}

base::Result<api::Response> Stop(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  base::Status s = ctx.ws->store().Write([&](store::Tx& tx) { return tx.webhooks().Deactivate(id); });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect("/webhooks");
}

}  // namespace

void AddWebhooksPage(api::Router& router) {
  api::Access admin = api::Access::Needs(domain::Permission::kUserAdmin);
  AddPage(router, api::http::verb::get, "/webhooks", admin, Show);
  AddPage(router, api::http::verb::post, "/webhooks", admin, Add);
  AddPage(router, api::http::verb::post, "/webhooks/{id}/stop", admin, Stop);
}

}  // namespace aims::web
