// AccountTable: the SQL side of sign-in: user accounts, custom access roles, API tokens,
// sessions and login-attempt counters (tables in sqlite/migrations/0002_accounts.sql). Every
// method runs inside the caller's transaction (store::Tx) and speaks portable SQL with `?`
// parameters. Secrets never reach this table in clear: a token and a session id are stored as
// their SHA-256, a password as its argon2id hash string.
// Thread safety: as the Connection it uses.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/sha256.h"
#include "domain/access.h"
#include "domain/login_throttle.h"
#include "domain/user_account.h"
#include "store/connection.h"

namespace aims::store {

struct StoredUser {
  domain::UserAccount account;
  std::string password_hash;  // crypto_pwhash_str format ("$argon2id$...")
};

struct StoredToken {
  domain::ApiToken token;
  base::Digest token_sha256{};
};

struct StoredSession {
  base::Digest id_sha256{};
  int64_t user_id = 0;
  std::string csrf_token;
  base::Timestamp created_at;
  base::Timestamp expires_at;  // absolute end, whatever the activity
  base::Timestamp last_seen_at;
};

class AccountTable {
 public:
  explicit AccountTable(Connection& conn) : conn_(conn) {}

  // Users. Insert returns the new id; AlreadyExists (where "email") if the email is taken.
  base::Result<int64_t> InsertUser(const domain::UserAccount& user, std::string_view password_hash);
  // Stores name, role, person, disabled, updated_at and version (user.version is the new one)
  // if the stored version is `expected_version`: Conflict otherwise, NotFound without the row.
  base::Status UpdateUser(const domain::UserAccount& user, int64_t expected_version);
  // REQUIRES: `email` normalised (domain::NormaliseEmail). nullopt if there is none.
  base::Result<std::optional<StoredUser>> FindUser(std::string_view email);
  base::Result<std::optional<StoredUser>> GetUser(int64_t id);
  // Every user, by id.
  base::Status ScanUsers(const std::function<base::Status(const StoredUser&)>& fn);

  // Custom roles (built-in ones are not stored). Insert: AlreadyExists if the name is taken.
  base::Result<int64_t> InsertRole(const domain::AccessRole& role);
  // Stores permissions, updated_at and version, as UpdateUser.
  base::Status UpdateRole(const domain::AccessRole& role, int64_t expected_version);
  base::Result<std::optional<domain::AccessRole>> FindRole(std::string_view name);
  // Every custom role, by name. Corruption if a stored permission name is unknown.
  base::Result<std::vector<domain::AccessRole>> ListRoles();

  // API tokens.
  base::Result<int64_t> InsertToken(const domain::ApiToken& token, const base::Digest& token_sha256);
  base::Result<std::optional<StoredToken>> FindToken(const base::Digest& token_sha256);
  base::Result<std::optional<StoredToken>> GetToken(int64_t id);
  base::Status SetTokenRevoked(int64_t id, base::Timestamp at);
  // Sets last_used_at to `now` unless it is already later than `not_before` (so that the write
  // happens at most once per interval). Not an error if nothing changes.
  base::Status TouchToken(int64_t id, base::Timestamp now, base::Timestamp not_before);
  // Every token, or those of one user, by id.
  base::Status ScanTokens(std::optional<int64_t> user_id,
                          const std::function<base::Status(const StoredToken&)>& fn);

  // Sessions.
  base::Status InsertSession(const StoredSession& session);
  base::Result<std::optional<StoredSession>> FindSession(const base::Digest& id_sha256);
  // As TouchToken, for last_seen_at.
  base::Status TouchSession(const base::Digest& id_sha256, base::Timestamp now, base::Timestamp not_before);
  // Not an error if there is no such session.
  base::Status DeleteSession(const base::Digest& id_sha256);
  base::Status DeleteSessionsOf(int64_t user_id);
  // Deletes sessions that ended by `now` or were last seen at or before `idle_cutoff`.
  base::Status DeleteExpiredSessions(base::Timestamp now, base::Timestamp idle_cutoff);

  // Login-attempt counters, by key (email and client address).
  base::Result<std::optional<domain::LoginAttempts>> GetLoginAttempts(std::string_view key);
  base::Status PutLoginAttempts(std::string_view key, const domain::LoginAttempts& attempts);
  base::Status DeleteLoginAttempts(std::string_view key);
  // Deletes counters whose lock has lifted by `now`, or without a lock whose window started at or
  // before `window_cutoff` (domain::Stale, as SQL).
  base::Status DeleteStaleLoginAttempts(base::Timestamp now, base::Timestamp window_cutoff);

 private:
  Connection& conn_;
};

}  // namespace aims::store
