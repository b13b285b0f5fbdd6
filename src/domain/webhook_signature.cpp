#include "domain/webhook_signature.h"

#include <charconv>

#include "base/hmac.h"

namespace aims::domain {

namespace {

constexpr int64_t kFirstDelay = 15;
constexpr int64_t kMaxDelay = 15 * 60;
constexpr int64_t kGiveUpAfter = 24 * 3600;

std::string Mac(std::string_view secret, int64_t t, std::string_view body) {
  std::string message = std::to_string(t);
  message += '.';
  message += body;
  return base::ToHex(base::HmacSha256(secret, message));
}

}  // namespace

std::string SignWebhook(std::string_view secret, int64_t unix_seconds, std::string_view body) {
  return "t=" + std::to_string(unix_seconds) + ",v1=" + Mac(secret, unix_seconds, body);
}

base::Status VerifyWebhookSignature(std::string_view secret, std::string_view header, std::string_view body,
                                    int64_t now_unix_seconds, int64_t tolerance_seconds) {
  auto bad = [](std::string_view why) {
    return base::Status::InvalidArgument(why, std::string(kWebhookSignatureHeader));
  };
  if (!header.starts_with("t=")) return bad("expected t=<unix seconds>,v1=<hex>");
  size_t comma = header.find(",v1=");
  if (comma == std::string_view::npos) return bad("expected t=<unix seconds>,v1=<hex>");
  std::string_view t_text = header.substr(2, comma - 2);
  int64_t t = 0;
  auto [ptr, ec] = std::from_chars(t_text.data(), t_text.data() + t_text.size(), t);
  if (ec != std::errc() || ptr != t_text.data() + t_text.size()) return bad("the time is not a whole number");
  std::string_view mac = header.substr(comma + 4);
  if (!base::ConstantTimeEqual(mac, Mac(secret, t, body))) return bad("the signature does not match the body");
  int64_t skew = now_unix_seconds - t;
  if (skew > tolerance_seconds || -skew > tolerance_seconds) {
    return bad("signed " + std::to_string(skew) + " s from now, beyond the " + std::to_string(tolerance_seconds) +
               " s allowed (a replay?)");
  }
  return base::Status::OK();
}

int64_t WebhookRetryDelaySeconds(int attempt) {
  int64_t delay = kFirstDelay;
  for (int i = 1; i < attempt && delay < kMaxDelay; ++i) delay *= 2;
  return delay < kMaxDelay ? delay : kMaxDelay;
}

bool WebhookShouldRetry(int64_t first_try, int64_t now) { return now - first_try < kGiveUpAfter; }

}  // namespace aims::domain
