#include "domain/login_throttle.h"

namespace aims::domain {

std::optional<base::Timestamp> LockedUntil(const std::optional<LoginAttempts>& attempts,
                                           base::Timestamp now) {
  if (attempts && attempts->locked_until && now < *attempts->locked_until) {
    return attempts->locked_until;
  }
  return std::nullopt;
}

LoginAttempts AfterFailure(const std::optional<LoginAttempts>& attempts, base::Timestamp now) {
  if (LockedUntil(attempts, now)) return *attempts;  // locked: nothing more to count
  bool fresh = !attempts || attempts->locked_until ||  // a lock that has lifted
               now.micros() - attempts->window_start.micros() >= kLoginFailureWindowMicros;
  LoginAttempts next = fresh ? LoginAttempts{0, now, std::nullopt} : *attempts;
  ++next.failures;
  if (next.failures >= kMaxLoginFailures) {
    next.locked_until = base::Timestamp(now.micros() + kLoginLockoutMicros);
  }
  return next;
}

bool Stale(const LoginAttempts& attempts, base::Timestamp now) {
  if (attempts.locked_until) return now >= *attempts.locked_until;
  return now.micros() - attempts.window_start.micros() >= kLoginFailureWindowMicros;
}

}  // namespace aims::domain
