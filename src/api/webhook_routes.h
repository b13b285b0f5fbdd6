// Webhook endpoints over the API (issue 5, notifications), for user administrators:
//   GET    /api/v1/webhooks                  the endpoints (never their secrets)
//   POST   /api/v1/webhooks                  {"url": "http://...", "events": "approval,incident"}
//                                            201 with the secret, shown this once
//   DELETE /api/v1/webhooks/{id}             stop sending to it (its log stays)
//   GET    /api/v1/webhooks/{id}/deliveries  the delivery log, newest first
#pragma once

#include <string>
#include <vector>

#include "api/router.h"
#include "domain/webhook.h"

namespace aims::api {

std::string WebhookJson(const domain::Webhook& hook, bool with_secret);
std::string DeliveriesJson(const std::vector<domain::WebhookDelivery>& deliveries);
void AddWebhookRoutes(Router& router);

}  // namespace aims::api
