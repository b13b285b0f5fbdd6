#include "service/notifications.h"

#include <sodium.h>

#include <map>

#include "base/canonical_json.h"
#include "base/sha256.h"
#include "service/inbox.h"

namespace aims::service {

base::Result<domain::Webhook> AddWebhook(Workspace& ws, const std::string& url, const std::string& events,
                                         const std::string& actor, base::Timestamp now) {
  AIMS_TRY(domain::ParseWebhookUrl(url).status());
  AIMS_ASSIGN_OR_RETURN(auto kinds, domain::ParseNotificationKinds(events));
  if (sodium_init() < 0) return base::Status::Internal("libsodium failed to start");
  base::Digest key;
  randombytes_buf(key.data(), key.size());
  domain::Webhook hook;
  hook.url = url;
  hook.secret = base::ToHex(key);
  hook.events = std::move(kinds);
  hook.created_at = now;
  hook.created_by = actor;
  AIMS_TRY(ws.store().Write([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(hook.id, tx.webhooks().Add(hook));
    return base::Status::OK();
  }));
  return hook;
}

base::Result<int> QueueNotifications(Workspace& ws, base::Timestamp now) {
  std::vector<InboxItem> items;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(items, OrganisationNotices(tx, now));
    return base::Status::OK();
  }));
  int fresh = 0;
  const int64_t now_ms = now.micros() / 1000;
  AIMS_TRY(ws.store().Write([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto hooks, tx.webhooks().List());
    for (const InboxItem& item : items) {
      std::string payload = "{\"event\": ";
      base::AppendJsonString(&payload, item.key);
      payload += ", \"at\": \"" + now.ToString() + "\", \"item\": " + InboxItemJson(item) + "}";
      AIMS_ASSIGN_OR_RETURN(bool inserted, tx.webhooks().RecordEvent(item.key, item.kind, payload, now.micros()));
      if (!inserted) continue;
      ++fresh;
      for (const auto& hook : hooks) {
        if (hook.active && domain::WebhookWants(hook, item.kind)) AIMS_TRY(tx.webhooks().Enqueue(hook.id, item.key, now_ms));
      }
    }
    return base::Status::OK();
  }));
  return fresh;
}

base::Result<std::vector<DueDelivery>> DueDeliveries(Workspace& ws, int64_t now_ms, int64_t limit) {
  std::vector<DueDelivery> out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto due, tx.webhooks().Due(now_ms, limit));
    if (due.empty()) return base::Status::OK();
    AIMS_ASSIGN_OR_RETURN(auto hooks, tx.webhooks().List());
    std::map<int64_t, domain::Webhook> by_id;
    for (auto& h : hooks) by_id.emplace(h.id, std::move(h));
    for (auto& d : due) {
      auto it = by_id.find(d.webhook);
      if (it != by_id.end()) out.push_back({std::move(d), it->second});
    }
    return base::Status::OK();
  }));
  return out;
}

base::Status SaveAttempt(Workspace& ws, const domain::WebhookDelivery& delivery) {
  return ws.store().Write([&](store::Tx& tx) { return tx.webhooks().SaveAttempt(delivery); });
}

}  // namespace aims::service
