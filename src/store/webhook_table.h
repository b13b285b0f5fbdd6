// WebhookTable: the SQL side of outgoing webhooks (domain/webhook.h; tables in
// sqlite/migrations/0010_webhooks.sql): endpoints, events announced once, and the delivery queue
// (which is also the delivery log). Runs inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/webhook.h"
#include "store/connection.h"

namespace aims::store {

class WebhookTable {
 public:
  explicit WebhookTable(Connection& conn) : conn_(conn) {}

  base::Result<int64_t> Add(const domain::Webhook& hook);
  base::Result<std::vector<domain::Webhook>> List();
  base::Result<domain::Webhook> Get(int64_t id);
  // Stops sending to it (its deliveries stay as the log). NotFound without it.
  base::Status Deactivate(int64_t id);

  // Records an event the first time its key is seen: true then, false if it was known already.
  base::Result<bool> RecordEvent(const std::string& key, const std::string& kind, const std::string& payload,
                                 int64_t now_us);
  base::Status Enqueue(int64_t webhook, const std::string& event_key, int64_t now_ms);
  // Pending deliveries due at `now_ms` for active webhooks, oldest first, at most `limit`.
  base::Result<std::vector<domain::WebhookDelivery>> Due(int64_t now_ms, int64_t limit);
  // Stores the outcome of an attempt (status, attempts, next try, last answer).
  base::Status SaveAttempt(const domain::WebhookDelivery& d);
  // Newest first, at most `limit`; one webhook's, or all when `webhook` is nullopt.
  base::Result<std::vector<domain::WebhookDelivery>> Deliveries(std::optional<int64_t> webhook, int64_t limit);

 private:
  Connection& conn_;
};

}  // namespace aims::store
