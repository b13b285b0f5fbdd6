#include "api/public_limits.h"

#include "base/clock.h"

namespace aims::api {

namespace {
constexpr int64_t kWindow = 10 * 60 * 1000000LL;  // 10 minutes
}  // namespace

PublicLimits& PublicLimits::Get() {
  static PublicLimits limits;
  return limits;
}

PublicLimits::PublicLimits() { crypto_shorthash_keygen(key_.data()); }

base::Status PublicLimits::Allow(std::string_view what, const std::string& client, size_t per_client, size_t overall) {
  std::array<uint8_t, crypto_shorthash_BYTES> tag;
  crypto_shorthash(tag.data(), reinterpret_cast<const unsigned char*>(client.data()), client.size(), key_.data());
  std::string key(what);
  key.append(reinterpret_cast<const char*>(tag.data()), tag.size());
  int64_t now = base::Now().micros();
  std::lock_guard lock(mu_);
  if (clients_.size() > 100000) clients_.clear();  // bounded memory under a flood of addresses
  auto refused = base::Status(base::StatusCode::kResourceExhausted,
                              "too many reports from here or overall: try again in a few minutes");
  if (overall && !overall_[std::string(what)].Allow(now, kWindow, overall)) return refused;
  if (!clients_[key].Allow(now, kWindow, per_client)) return refused;
  return base::Status::OK();
}

}  // namespace aims::api
