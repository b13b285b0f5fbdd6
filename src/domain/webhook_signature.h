// Outgoing webhooks (issue 5, notifications): how a delivery is signed, how a receiver checks it,
// and when a failed delivery is tried again.
//
// Signature: the header `X-Aims-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the
// HMAC is over "<t>.<body>" with the endpoint's secret. Binding the time into the MAC lets a
// receiver refuse a replayed delivery (VerifyWebhookSignature's tolerance); binding the body
// means a changed byte fails the check.
//
// Retries: attempt n (1 = the first retry) waits 15 s x 2^(n-1), at most 15 minutes, and a
// delivery is given up 24 hours after its first try. A receiver that is down for a minute gets
// the delivery about 15 + 30 + 60 s after the first try, within two minutes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace aims::domain {

inline constexpr std::string_view kWebhookSignatureHeader = "X-Aims-Signature";

// The header value for `body` sent at `unix_seconds`.
std::string SignWebhook(std::string_view secret, int64_t unix_seconds, std::string_view body);

// OK when `header` is a valid signature of `body` made with `secret` no more than
// `tolerance_seconds` away from `now_unix_seconds`; InvalidArgument saying what is wrong
// (malformed header, wrong MAC, too old) otherwise.
base::Status VerifyWebhookSignature(std::string_view secret, std::string_view header, std::string_view body,
                                    int64_t now_unix_seconds, int64_t tolerance_seconds = 300);

// Seconds to wait before retry `attempt` (1-based).
int64_t WebhookRetryDelaySeconds(int attempt);
// Whether a delivery first tried at `first_try` should still be retried at `now` (unix seconds).
bool WebhookShouldRetry(int64_t first_try, int64_t now);

}  // namespace aims::domain
