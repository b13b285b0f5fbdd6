// Password sign-in, sessions and the lockout. None of this is ledgered: sign-ins and sessions
// happen on every visit and are not changes to the register (docs/accounts.md).
#include <algorithm>

#include "base/clock.h"
#include "domain/login_throttle.h"
#include "service/accounts.h"
#include "service/credentials.h"

namespace aims::service {

namespace {

constexpr size_t kSecretBytes = 32;

base::Status Locked(base::Timestamp until) {
  return base::Status::ResourceExhausted("too many failed logins; try again after " + until.ToString());
}

base::Status WrongCredentials() { return base::Status::Unauthenticated("wrong email or password"); }

base::Status NoSession() {
  return base::Status::Unauthenticated("no such session, or it has ended; sign in again");
}

}  // namespace

base::Result<Session> Accounts::Login(Workspace& ws, std::string_view email, std::string_view password,
                                      std::string_view client) {
  auto normalised = domain::NormaliseEmail(email);
  if (!normalised.ok()) {
    VerifyAgainstDummy(password);
    return WrongCredentials();
  }
  const std::string key = *normalised + " " + std::string(client);
  const base::Timestamp now = base::Now();

  std::optional<store::StoredUser> user;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto attempts, tx.accounts().GetLoginAttempts(key));
    if (auto until = domain::LockedUntil(attempts, now)) return Locked(*until);
    AIMS_ASSIGN_OR_RETURN(user, tx.accounts().FindUser(*normalised));
    return base::Status::OK();
  }));

  // The slow hash runs outside any transaction, so a sign-in never holds the write lock for it.
  bool password_ok = false;
  if (user) {
    password_ok = VerifyPassword(user->password_hash, password);
  } else {
    VerifyAgainstDummy(password);
  }

  Session session;
  base::Status outcome;  // the answer, decided inside the transaction that must still commit
  AIMS_TRY(ws.store().Write([&](store::Tx& tx) -> base::Status {
    store::AccountTable accounts = tx.accounts();
    AIMS_ASSIGN_OR_RETURN(auto attempts, accounts.GetLoginAttempts(key));
    // Another request may have set the lock meanwhile: it holds even for the right password.
    if (auto until = domain::LockedUntil(attempts, now)) {
      outcome = Locked(*until);
      return base::Status::OK();
    }
    if (!password_ok) {
      domain::LoginAttempts next = domain::AfterFailure(attempts, now);
      AIMS_TRY(accounts.PutLoginAttempts(key, next));
      outcome = next.locked_until ? Locked(*next.locked_until) : WrongCredentials();
      return base::Status::OK();
    }
    AIMS_TRY(accounts.DeleteLoginAttempts(key));
    // Re-read: the account may have been disabled or given another role since the read above.
    AIMS_ASSIGN_OR_RETURN(auto current, accounts.GetUser(user->account.id));
    if (!current || current->account.disabled) {
      outcome = base::Status::Unauthenticated("this user account is disabled");
      return base::Status::OK();
    }
    AIMS_ASSIGN_OR_RETURN(session.principal, PrincipalOf(tx, current->account));
    // Housekeeping, cheap with the indexes: ended sessions and counters that no longer matter.
    AIMS_TRY(accounts.DeleteExpiredSessions(now, base::Timestamp(now.micros() - kSessionIdleMicros)));
    AIMS_TRY(accounts.DeleteStaleLoginAttempts(
        now, base::Timestamp(now.micros() - domain::kLoginFailureWindowMicros)));
    session.id = RandomHex(kSecretBytes);
    session.csrf_token = RandomHex(kSecretBytes);
    session.expires_at = base::Timestamp(now.micros() + kSessionLifetimeMicros);
    store::StoredSession stored;
    stored.id_sha256 = SecretDigest(session.id);
    stored.user_id = current->account.id;
    stored.csrf_token = session.csrf_token;
    stored.created_at = now;
    stored.expires_at = session.expires_at;
    stored.last_seen_at = now;
    return accounts.InsertSession(stored);
  }));
  if (!outcome.ok()) return outcome;
  return session;
}

base::Result<SessionInfo> Accounts::ResolveSession(Workspace& ws, std::string_view session_id) {
  if (!IsLowerHex(session_id, kSecretBytes * 2)) return NoSession();
  const base::Digest digest = SecretDigest(session_id);
  const base::Timestamp now = base::Now();
  SessionInfo info;
  bool touch = false;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto session, tx.accounts().FindSession(digest));
    if (!session) return NoSession();
    if (now >= session->expires_at || now.micros() - session->last_seen_at.micros() >= kSessionIdleMicros) {
      return NoSession();
    }
    AIMS_ASSIGN_OR_RETURN(auto user, tx.accounts().GetUser(session->user_id));
    if (!user || user->account.disabled) return base::Status::Unauthenticated("this user account is disabled");
    AIMS_ASSIGN_OR_RETURN(info.principal, PrincipalOf(tx, user->account));
    info.csrf_token = session->csrf_token;
    touch = now.micros() - session->last_seen_at.micros() >= kTouchIntervalMicros;
    base::Timestamp last_seen = touch ? now : session->last_seen_at;
    info.expires_at = std::min(session->expires_at, base::Timestamp(last_seen.micros() + kSessionIdleMicros));
    return base::Status::OK();
  }));
  if (touch) {
    base::Timestamp not_before(now.micros() - kTouchIntervalMicros);
    AIMS_TRY(ws.store().Write([&](store::Tx& tx) { return tx.accounts().TouchSession(digest, now, not_before); }));
  }
  return info;
}

base::Status Accounts::Logout(Workspace& ws, std::string_view session_id) {
  if (!IsLowerHex(session_id, kSecretBytes * 2)) return base::Status::OK();
  return ws.store().Write([&](store::Tx& tx) { return tx.accounts().DeleteSession(SecretDigest(session_id)); });
}

}  // namespace aims::service
