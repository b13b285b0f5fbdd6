#include "api/webhook_routes.h"

#include "api/json_body.h"
#include "api/record_responses.h"
#include "base/canonical_json.h"
#include "base/clock.h"
#include "service/notifications.h"

namespace aims::api {

namespace {

using domain::Permission;


base::Result<Response> ListWebhooks(RequestContext& ctx) {
  std::vector<domain::Webhook> hooks;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(hooks, tx.webhooks().List());
    return base::Status::OK();
  }));
  std::string out = "[";
  for (size_t i = 0; i < hooks.size(); ++i) out += (i ? ",\n  " : "\n  ") + WebhookJson(hooks[i], false);
  return JsonResponse(http::status::ok, out + (hooks.empty() ? "]\n" : "\n]\n"));
}

base::Result<Response> CreateWebhook(RequestContext& ctx) {
  auto body = JsonObjectBody(ctx, {"url", "events"});
  if (!body.ok()) return BodyProblem(body.status(), ctx);
  auto url = StringField(*body, "url", true);
  if (!url.ok()) return BodyProblem(url.status(), ctx);
  std::string events;
  if (auto it = body->find("events"); it != body->end() && !it->value().is_null()) {
    if (it->value().is_string()) {
      events = std::string(it->value().as_string());
    } else if (it->value().is_array()) {
      for (const auto& e : it->value().as_array()) {
        if (!e.is_string()) return BodyProblem(base::Status::InvalidArgument("expected event names", "/events"), ctx);
        events += (events.empty() ? "" : ",") + std::string(e.as_string());
      }
    } else {
      return BodyProblem(base::Status::InvalidArgument("expected a list of event names", "/events"), ctx);
    }
  }
  auto hook = service::AddWebhook(*ctx.ws, *url, events, ctx.principal->actor(), base::Now());
  if (!hook.ok()) {
    base::Status s = hook.status();
    return BodyProblem(base::Status(s.code(), std::string(s.message()), "/" + std::string(s.where())), ctx);
  }
  return JsonResponse(http::status::created, WebhookJson(*hook, true) + "\n");
}

base::Result<Response> RemoveWebhook(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  AIMS_TRY(ctx.ws->store().Write([&](store::Tx& tx) { return tx.webhooks().Deactivate(id); }));
  return JsonResponse(http::status::ok, "{\"id\": " + std::to_string(id) + ", \"active\": false}\n");
}

base::Result<Response> Deliveries(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::vector<domain::WebhookDelivery> log;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_TRY(tx.webhooks().Get(id).status());
    AIMS_ASSIGN_OR_RETURN(log, tx.webhooks().Deliveries(id, 500));
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, DeliveriesJson(log) + "\n");
}

}  // namespace

std::string WebhookJson(const domain::Webhook& h, bool with_secret) {
  std::string out = "{\"id\": " + std::to_string(h.id) + ", \"url\": ";
  base::AppendJsonString(&out, h.url);
  out += ", \"events\": [";
  for (size_t i = 0; i < h.events.size(); ++i) {
    if (i) out += ", ";
    base::AppendJsonString(&out, h.events[i]);
  }
  out += std::string("], \"active\": ") + (h.active ? "true" : "false") + ", \"created_at\": \"" +
         h.created_at.ToString() + "\", \"created_by\": ";
  base::AppendJsonString(&out, h.created_by);
  if (with_secret) {
    out += ", \"secret\": ";
    base::AppendJsonString(&out, h.secret);
  }
  return out + "}";
}

std::string DeliveriesJson(const std::vector<domain::WebhookDelivery>& log) {
  std::string out = "[";
  for (size_t i = 0; i < log.size(); ++i) {
    const auto& d = log[i];
    out += (i ? ",\n  " : "\n  ") + std::string("{\"id\": ") + std::to_string(d.id) +
           ", \"webhook\": " + std::to_string(d.webhook) + ", \"event\": ";
    base::AppendJsonString(&out, d.event_key);
    out += ", \"kind\": ";
    base::AppendJsonString(&out, d.kind);
    out += ", \"status\": \"" + std::string(domain::DeliveryStatusName(d.status)) + "\", \"attempts\": " +
           std::to_string(d.attempts) + ", \"queued_at\": \"" + domain::DeliveryTimeText(d.created_ms) + "\", \"next_try_at\": " +
           (d.status == domain::DeliveryStatus::kPending ? "\"" + domain::DeliveryTimeText(d.next_try_ms) + "\"" : std::string("null")) +
           ", \"delivered_at\": " + (d.delivered_ms ? "\"" + domain::DeliveryTimeText(d.delivered_ms) + "\"" : std::string("null")) +
           ", \"last_http_status\": " + std::to_string(d.last_http_status) + ", \"last_error\": ";
    base::AppendJsonString(&out, d.last_error);
    out += ", \"payload\": ";
    base::AppendJsonString(&out, d.payload);
    out += "}";
  }
  return out + (log.empty() ? "]" : "\n]");
}

void AddWebhookRoutes(Router& router) {
  Access admin = Access::Needs(Permission::kUserAdmin);
  router.Add({http::verb::get, "/api/v1/webhooks", admin,
              {"The outgoing webhook endpoints (their secrets are never shown again)", "webhooks", "", "webhooks",
               false, false, 200, {}},
              ListWebhooks});
  router.Add({http::verb::post, "/api/v1/webhooks", admin,
              {"Add an endpoint for notification events (approval, review, evidence, incident; all when none named); "
               "the answer holds its HMAC-SHA256 secret, shown this once",
               "webhooks", "webhook_new", "webhook", false, false, 201, {}},
              CreateWebhook});
  router.Add({http::verb::delete_, "/api/v1/webhooks/{id}", admin,
              {"Stop sending to an endpoint; its delivery log stays", "webhooks", "", "webhook", false, false, 200, {}},
              RemoveWebhook});
  router.Add({http::verb::get, "/api/v1/webhooks/{id}/deliveries", admin,
              {"The delivery log of an endpoint, newest first: status, attempts, the last answer, the payload",
               "webhooks", "", "webhook_deliveries", false, false, 200, {}},
              Deliveries});
}

}  // namespace aims::api
