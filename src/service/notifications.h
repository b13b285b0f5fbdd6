// Notifications sent out (issue 5): the organisation's inbox items (service/inbox.h, seen by no
// one user: every pending approval, review due, evidence expiring, running incident clock) become
// events, each announced once by its key; each event is queued for every active webhook that
// wants its kind, and delivered, signed, by api/webhook_sender.h, retried with backoff. The
// delivery queue is the delivery log. Writes here touch only the webhook tables: no ledger entry.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/webhook.h"
#include "service/workspace.h"

namespace aims::service {

// A new endpoint with a fresh random secret (returned once, to show its holder).
base::Result<domain::Webhook> AddWebhook(Workspace& ws, const std::string& url, const std::string& events,
                                         const std::string& actor, base::Timestamp now);

// Records the events not seen before and queues them; returns how many were new.
base::Result<int> QueueNotifications(Workspace& ws, base::Timestamp now);

struct DueDelivery {
  domain::WebhookDelivery delivery;
  domain::Webhook hook;
};
base::Result<std::vector<DueDelivery>> DueDeliveries(Workspace& ws, int64_t now_ms, int64_t limit);
base::Status SaveAttempt(Workspace& ws, const domain::WebhookDelivery& delivery);

}  // namespace aims::service
