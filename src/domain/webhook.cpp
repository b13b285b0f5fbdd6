#include "domain/webhook.h"

#include <algorithm>
#include <cctype>

namespace aims::domain {

bool WebhookWants(const Webhook& hook, std::string_view kind) {
  return hook.events.empty() || std::find(hook.events.begin(), hook.events.end(), kind) != hook.events.end();
}

base::Result<HttpTarget> ParseWebhookUrl(std::string_view url) {
  auto bad = [&](std::string why) {
    return base::Status::InvalidArgument("\"" + std::string(url) + "\" is not a webhook URL: " + why, "url");
  };
  constexpr std::string_view kScheme = "http://";
  if (url.size() > 2000) return bad("longer than 2,000 characters");
  if (url.substr(0, kScheme.size()) != kScheme) return bad("it must start with http:// (TLS belongs to a proxy)");
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return bad("it contains a space or a control character");
  }
  std::string_view rest = url.substr(kScheme.size());
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  HttpTarget t;
  t.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (authority.find('@') != std::string_view::npos) return bad("user names and passwords do not belong in it");
  size_t colon = authority.rfind(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      return bad("the port is not a number");
    }
    int p = std::stoi(std::string(port));
    if (p < 1 || p > 65535) return bad("the port is out of range");
    t.port = static_cast<uint16_t>(p);
  }
  if (host.empty()) return bad("it names no host");
  t.host = std::string(host);
  return t;
}

base::Result<std::vector<std::string>> ParseNotificationKinds(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) {
      if (std::find(kNotificationKinds.begin(), kNotificationKinds.end(), part) == kNotificationKinds.end()) {
        return base::Status::InvalidArgument(
            "unknown event \"" + std::string(part) + "\" (known: approval, review, evidence, incident)", "events");
      }
      if (std::find(out.begin(), out.end(), part) == out.end()) out.emplace_back(part);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string DeliveryTimeText(int64_t ms) { return ms ? base::Timestamp(ms * 1000).ToString() : std::string(); }

std::string_view DeliveryStatusName(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::kPending: return "pending";
    case DeliveryStatus::kDelivered: return "delivered";
    case DeliveryStatus::kFailed: return "failed";
  }
  return "";
}

}  // namespace aims::domain

namespace aims::domain {

void ApplyAttempt(WebhookDelivery* d, int http_status, std::string error, int64_t now_ms, double time_scale) {
  d->attempts += 1;
  d->last_http_status = http_status;
  d->last_error = std::move(error);
  if (http_status >= 200 && http_status < 300) {
    d->status = DeliveryStatus::kDelivered;
    d->delivered_ms = now_ms;
    return;
  }
  // Backoff counts in seconds from the first retry; scaled into milliseconds here.
  auto scaled_ms = [&](int64_t seconds) { return static_cast<int64_t>(static_cast<double>(seconds) * 1000.0 * time_scale); };
  int64_t queued_s = d->created_ms / 1000, now_s = d->created_ms / 1000 + (now_ms - d->created_ms) / std::max<int64_t>(1, scaled_ms(1));
  if (!WebhookShouldRetry(queued_s, now_s)) {
    d->status = DeliveryStatus::kFailed;
    return;
  }
  d->status = DeliveryStatus::kPending;
  d->next_try_ms = now_ms + std::max<int64_t>(1, scaled_ms(WebhookRetryDelaySeconds(d->attempts)));
}

}  // namespace aims::domain
