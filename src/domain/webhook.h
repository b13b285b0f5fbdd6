// Outgoing webhooks (issue 5, notifications): an endpoint that is sent the organisation's
// notification events, signed (domain/webhook_signature.h) and retried with backoff. The secret
// is the endpoint's shared HMAC key: stored so aims can sign, shown once when the endpoint is
// added, never exported or written to the ledger.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/webhook_signature.h"

namespace aims::domain {

// The events, the same as the inbox's kinds (service/inbox.h) seen organisation-wide.
inline constexpr std::array<std::string_view, 4> kNotificationKinds = {"approval", "review", "evidence", "incident"};

struct Webhook {
  int64_t id = 0;
  std::string url;                  // http://host:port/path
  std::string secret;               // hex, 64 characters
  std::vector<std::string> events;  // kinds it wants; empty: all
  bool active = true;
  base::Timestamp created_at;
  std::string created_by;           // the actor who added it
};

bool WebhookWants(const Webhook& hook, std::string_view kind);

// The parts of an http:// URL. Only plain HTTP: TLS is for the proxy in front of the receiver.
struct HttpTarget {
  std::string host;
  uint16_t port = 80;
  std::string target;  // path and query, "/" at least
};
// InvalidArgument (where "url") for anything but http://HOST[:PORT][/PATH] with no spaces or user info.
base::Result<HttpTarget> ParseWebhookUrl(std::string_view url);
// Parses "approval,incident" (spaces allowed); InvalidArgument naming an unknown kind.
base::Result<std::vector<std::string>> ParseNotificationKinds(std::string_view text);

enum class DeliveryStatus { kPending, kDelivered, kFailed };

// One event for one webhook: tried until delivered or given up.
struct WebhookDelivery {
  int64_t id = 0;
  int64_t webhook = 0;
  std::string event_key;
  std::string kind;
  std::string payload;  // the JSON body sent
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  int64_t created_ms = 0;
  int64_t next_try_ms = 0;
  int last_http_status = 0;  // 0: no answer
  std::string last_error;
  int64_t delivered_ms = 0;
};
std::string_view DeliveryStatusName(DeliveryStatus s);
// A delivery's time in milliseconds as RFC 3339 UTC; "" for 0 (not yet).
std::string DeliveryTimeText(int64_t ms);

}  // namespace aims::domain

namespace aims::domain {

// The outcome of one attempt at `now_ms`: delivered on a 2xx answer; otherwise pending again
// after the backoff of domain/webhook_signature.h (times multiplied by `time_scale`, which tests
// shrink), or failed once the give-up period (scaled too) has passed since it was queued.
void ApplyAttempt(WebhookDelivery* d, int http_status, std::string error, int64_t now_ms, double time_scale);

}  // namespace aims::domain
