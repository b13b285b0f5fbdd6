// Rate limits of what anyone may do without an account (raising a concern, using a receipt
// code), shared by the web pages and the JSON API so that a client counts the same through
// either. Clients are told apart by a keyed hash of their address (the key is random per
// process) held in memory only: aims never stores the address.
// Thread safety: PublicLimits::Get() is shared and internally locked.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <sodium.h>

#include "base/result.h"
#include "domain/concern.h"

namespace aims::api {

class PublicLimits {
 public:
  static constexpr size_t kReportsPerClient = 5;   // per 10 minutes
  static constexpr size_t kReportsOverall = 120;   // per 10 minutes, all clients together
  static constexpr size_t kLookupsPerClient = 30;  // receipt-code uses per 10 minutes

  static PublicLimits& Get();
  // A new report from `client`; ResourceExhausted when over a limit.
  base::Status AllowReport(const std::string& client) { return Allow("report", client, kReportsPerClient, kReportsOverall); }
  // A use of a receipt code by `client`.
  base::Status AllowLookup(const std::string& client) { return Allow("receipt", client, kLookupsPerClient, 0); }

 private:
  PublicLimits();
  base::Status Allow(std::string_view what, const std::string& client, size_t per_client, size_t overall);

  std::mutex mu_;
  std::array<uint8_t, crypto_shorthash_KEYBYTES> key_;
  std::map<std::string, domain::RateWindow> clients_;
  std::map<std::string, domain::RateWindow> overall_;
};

}  // namespace aims::api
