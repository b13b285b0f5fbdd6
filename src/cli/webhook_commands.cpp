// Webhook commands (issue 5, notifications): `aims webhook add|list|remove|deliveries` for the
// endpoints and their delivery log, and `aims notify`, which does once what `aims serve` does
// all the time: queue the events not announced yet and send what is due (for a cron job when no
// server runs).
#include "api/webhook_routes.h"
#include "api/webhook_sender.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "service/notifications.h"

namespace aims::cli {

namespace {


}  // namespace

void RegisterWebhookCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* webhook = app.add_subcommand("webhook", "Outgoing webhooks: signed notification events, retried with backoff");
  webhook->require_subcommand(1);

  struct AddArgs {
    std::string url, events;
  };
  auto a = std::make_shared<AddArgs>();
  CLI::App* add = webhook->add_subcommand("add", "Add an endpoint; prints its HMAC-SHA256 secret once");
  add->add_option("--url", a->url, "http://host:port/path")->required();
  add->add_option("--events", a->events, "approval, review, evidence, incident (comma-separated; default all)");
  add->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Webhook hook, service::AddWebhook(*ws, a->url, a->events, ctx.Options().actor, base::Now()));
      if (ctx.json) {
        Print(api::WebhookJson(hook, true) + "\n");
      } else {
        Print("added webhook " + std::to_string(hook.id) + " to " + hook.url + "\nsecret: " + hook.secret +
              "\n(keep it: it is not shown again; receivers check X-Aims-Signature with it)\n");
      }
      return base::Status::OK();
    }();
  });

  CLI::App* list = webhook->add_subcommand("list", "The endpoints");
  list->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<domain::Webhook> hooks;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(hooks, tx.webhooks().List());
        return base::Status::OK();
      }));
      Table table({"id", "url", "events", "active", "added"});
      for (const auto& h : hooks) {
        std::string events;
        for (const auto& e : h.events) events += (events.empty() ? "" : ",") + e;
        table.AddRow({std::to_string(h.id), h.url, events.empty() ? "all" : events, h.active ? "yes" : "no",
                      h.created_at.ToString()});
      }
      Print(table.Render() + std::to_string(hooks.size()) + " webhooks\n");
      return base::Status::OK();
    }();
  });

  auto id = std::make_shared<int64_t>(0);
  CLI::App* remove = webhook->add_subcommand("remove", "Stop sending to an endpoint (its delivery log stays)");
  remove->add_option("id", *id, "webhook id")->required();
  remove->callback([&ctx, &outcome, id] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_TRY(ws->store().Write([&](store::Tx& tx) { return tx.webhooks().Deactivate(*id); }));
      Print("webhook " + std::to_string(*id) + " stopped\n");
      return base::Status::OK();
    }();
  });

  auto which = std::make_shared<int64_t>(0);
  CLI::App* deliveries = webhook->add_subcommand("deliveries", "The delivery log, newest first");
  deliveries->add_option("id", *which, "only this webhook's");
  deliveries->callback([&ctx, &outcome, which] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<domain::WebhookDelivery> log;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        std::optional<int64_t> only;
        if (*which) {
          AIMS_TRY(tx.webhooks().Get(*which).status());
          only = *which;
        }
        AIMS_ASSIGN_OR_RETURN(log, tx.webhooks().Deliveries(only, 500));
        return base::Status::OK();
      }));
      if (ctx.json) {
        Print(api::DeliveriesJson(log) + "\n");
        return base::Status::OK();
      }
      Table table({"id", "webhook", "event", "status", "attempts", "last answer", "delivered"});
      for (const auto& d : log) {
        table.AddRow({std::to_string(d.id), std::to_string(d.webhook), d.event_key,
                      std::string(domain::DeliveryStatusName(d.status)), std::to_string(d.attempts),
                      d.last_http_status ? std::to_string(d.last_http_status) : d.last_error.empty() ? "-" : d.last_error,
                      d.delivered_ms ? domain::DeliveryTimeText(d.delivered_ms) : std::string("-")});
      }
      Print(table.Render() + std::to_string(log.size()) + " deliveries\n");
      return base::Status::OK();
    }();
  });

  auto scale = std::make_shared<double>(1.0);
  CLI::App* notify = app.add_subcommand(
      "notify", "Queue the notification events not announced yet and send the webhook deliveries that are due, once");
  notify->add_option("--retry-scale", *scale, "multiply backoff delays (default 1)");
  notify->callback([&ctx, &outcome, scale] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(int fresh, service::QueueNotifications(*ws, base::Now()));
      api::WebhookSenderOptions options;
      options.retry_scale = *scale;
      AIMS_ASSIGN_OR_RETURN(int sent, api::DeliverDueOnce(*ws, options));
      Print(std::to_string(fresh) + " new events, " + std::to_string(sent) + " deliveries attempted\n");
      return base::Status::OK();
    }();
  });
}

}  // namespace aims::cli
