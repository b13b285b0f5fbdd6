// Accounts: the use cases behind signing in to `aims serve`: users and their roles, custom roles,
// API tokens, password sign-in with sessions, and the lockout that slows password guessing
// (docs/accounts.md). Authorisation (who may call which of these) is the caller's: these
// functions check input and state, not the caller's permissions.
//
// Ledger: every change to an account (user added, role set, disabled or enabled, token created
// or revoked, role defined) is one transaction that appends one ledger entry, with entity type
// "user", "api_token" or "access_role" and the state hash of domain/user_account.h. Sign-ins,
// sessions, login-attempt counters and a token's last use are NOT ledgered: they change on
// every request, and they are not governance facts.
//
// Secrets: a token and a session id are returned once and stored only as their SHA-256; a
// password only as its argon2id hash (libsodium crypto_pwhash_str, INTERACTIVE limits). The
// environment variable AIMS_PWHASH_FAST=1 switches to libsodium's MIN limits, for tests only:
// never set it where real passwords are hashed.
//
// Times come from base::Now() (AIMS_FAKE_NOW pins it).
// Thread safety: as the Workspace; the password hash for unknown users is built once, safely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/access.h"
#include "domain/user_account.h"
#include "service/principal.h"
#include "service/workspace.h"

namespace aims::service {

// A session just created by Login. `id` is the secret the client keeps (a cookie); it is
// returned only here.
struct Session {
  std::string id;
  std::string csrf_token;    // to be sent back on every write made with the session
  base::Timestamp expires_at;  // the absolute end; idleness may end it sooner
  Principal principal;
};

// A session found by ResolveSession.
struct SessionInfo {
  Principal principal;
  std::string csrf_token;
  base::Timestamp expires_at;  // the earlier of the absolute end and the idle end
};

struct TokenInfo {
  domain::ApiToken token;
  std::string user_email;
};

// A token just created: `token` is the secret, shown once and stored only as its SHA-256.
struct NewToken {
  TokenInfo info;
  std::string token;
};

// A session ends kSessionIdleMicros after its last use, and kSessionLifetimeMicros after
// sign-in whatever the activity. Last-use times (sessions and tokens) are written at most once
// per kTouchIntervalMicros, so a busy client does not turn every read into a write.
inline constexpr int64_t kSessionIdleMicros = int64_t{2} * 3600 * 1000000;
inline constexpr int64_t kSessionLifetimeMicros = int64_t{12} * 3600 * 1000000;
inline constexpr int64_t kTouchIntervalMicros = int64_t{60} * 1000000;
// API tokens: "aims_" and 64 lower-case hex digits (32 random bytes).
inline constexpr std::string_view kTokenPrefix = "aims_";

// The account use cases; a class only to group them under one name.
class Accounts {
 public:
  Accounts() = delete;

  // Adds a user. `email` is normalised (lower-cased); `role` must be a built-in or custom role
  // (InvalidArgument naming "role" otherwise); `password` at least 12 characters; `person`, if
  // given, an existing Person. AlreadyExists (where "email") if the email is taken.
  static base::Result<domain::UserAccount> AddUser(Workspace& ws, std::string_view email,
                                                   std::string_view display_name, std::string_view role,
                                                   std::string_view password,
                                                   std::optional<domain::Id> person);
  // NotFound for an unknown email. Not an error, and no ledger entry, if the role is unchanged.
  static base::Status SetRole(Workspace& ws, std::string_view email, std::string_view role);
  // A disabled user can neither sign in nor use a token; their sessions end at once.
  // FailedPrecondition if already disabled.
  static base::Status DisableUser(Workspace& ws, std::string_view email);
  // FailedPrecondition if not disabled.
  static base::Status EnableUser(Workspace& ws, std::string_view email);
  // By id.
  static base::Result<std::vector<domain::UserAccount>> ListUsers(Workspace& ws);
  static base::Result<domain::UserAccount> GetUser(Workspace& ws, std::string_view email);

  // Creates a custom role, or replaces the permissions of an existing custom one (no ledger
  // entry if they are unchanged). AlreadyExists for a built-in role's name.
  static base::Result<domain::AccessRole> DefineRole(Workspace& ws, std::string_view name,
                                                     const domain::PermissionSet& permissions);
  // Built-in roles in their fixed order, then custom roles by name.
  static base::Result<std::vector<domain::AccessRole>> ListRoles(Workspace& ws);

  // A token for the user with `email`, named `name`, that stops working at `expires` (which must
  // be in the future) or never. FailedPrecondition for a disabled user.
  static base::Result<NewToken> CreateToken(Workspace& ws, std::string_view email, std::string_view name,
                                            std::optional<base::Timestamp> expires);
  // NotFound for an unknown id; FailedPrecondition if already revoked.
  static base::Status RevokeToken(Workspace& ws, int64_t token_id);
  static base::Result<TokenInfo> GetToken(Workspace& ws, int64_t token_id);
  // Every token, or the tokens of one user (NotFound for an unknown email), by id.
  static base::Result<std::vector<TokenInfo>> ListTokens(Workspace& ws,
                                                         std::optional<std::string_view> email);
  // The principal of a bearer token. Unauthenticated for a malformed, unknown, revoked or
  // expired token and for a disabled user.
  static base::Result<Principal> AuthenticateToken(Workspace& ws, std::string_view token);

  // Password sign-in from `client` (an address, part of the lockout key). Unauthenticated for a
  // wrong email or password (the same answer and the same cost for an email that has no
  // account) and for a disabled user; ResourceExhausted while the (email, client) key is locked
  // by domain/login_throttle.h, whatever the password.
  static base::Result<Session> Login(Workspace& ws, std::string_view email, std::string_view password,
                                     std::string_view client);
  // Unauthenticated for a malformed, unknown, ended or idle session, or a disabled user.
  static base::Result<SessionInfo> ResolveSession(Workspace& ws, std::string_view session_id);
  // Ends the session. Not an error if there is no such session.
  static base::Status Logout(Workspace& ws, std::string_view session_id);
};

}  // namespace aims::service
