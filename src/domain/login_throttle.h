// LoginThrottle: the rule that slows password guessing. Failures are counted per key (an email
// and a client address); kMaxLoginFailures of them within kLoginFailureWindow lock the key for
// kLoginLockout, during which every sign-in for it is refused, right password or not. A success
// clears the key (the service deletes it). Pure: the service stores the state and passes "now".
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <optional>

#include "base/time.h"

namespace aims::domain {

inline constexpr int kMaxLoginFailures = 5;
inline constexpr int64_t kLoginFailureWindowMicros = int64_t{15} * 60 * 1000000;
inline constexpr int64_t kLoginLockoutMicros = int64_t{15} * 60 * 1000000;

struct LoginAttempts {
  int64_t failures = 0;
  base::Timestamp window_start;  // the first failure counted
  std::optional<base::Timestamp> locked_until;

  friend bool operator==(const LoginAttempts&, const LoginAttempts&) = default;
};

// When the key is locked at `now`, the time the lock lifts; nullopt otherwise.
std::optional<base::Timestamp> LockedUntil(const std::optional<LoginAttempts>& attempts,
                                           base::Timestamp now);

// The state after one more failure at `now`. A failure outside the window, or after a lock has
// lifted, starts a new window; the kMaxLoginFailures-th failure inside one sets the lock.
LoginAttempts AfterFailure(const std::optional<LoginAttempts>& attempts, base::Timestamp now);

// Whether a stored state no longer matters at `now` (window passed, no lock in force): such rows
// may be deleted.
bool Stale(const LoginAttempts& attempts, base::Timestamp now);

}  // namespace aims::domain
