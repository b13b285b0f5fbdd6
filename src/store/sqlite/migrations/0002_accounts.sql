-- 0002: accounts for `aims serve` (docs/accounts.md): users, custom access roles, API tokens,
-- sessions and login-attempt counters. Not register records: not exported, not imported.
-- Times are microseconds since the Unix epoch (UTC), as in ledger_entries, so that expiry is a
-- plain integer comparison in any SQL engine. No secret is stored in clear: tokens and session
-- ids as their SHA-256, passwords as argon2id hash strings.
-- Shipped migrations are never edited: fix a mistake in a new, higher-numbered file.

CREATE TABLE access_roles (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL,
  created_us INTEGER NOT NULL, updated_us INTEGER NOT NULL,
  name TEXT NOT NULL,
  permissions TEXT NOT NULL  -- permission names separated by spaces
);
CREATE UNIQUE INDEX access_roles_name ON access_roles (name);

-- Emails are stored lower-cased (the CHECK), so the plain unique index ignores case.
CREATE TABLE user_accounts (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL,
  created_us INTEGER NOT NULL, updated_us INTEGER NOT NULL,
  email TEXT NOT NULL CHECK (email = lower(email)),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,  -- a built-in role name or access_roles.name
  person_id INTEGER REFERENCES people (id),
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL
);
CREATE UNIQUE INDEX user_accounts_email ON user_accounts (email);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user_accounts (id),
  name TEXT NOT NULL,
  token_sha256 BLOB NOT NULL,
  created_us INTEGER NOT NULL,
  expires_us INTEGER,       -- NULL: never
  last_used_us INTEGER,     -- updated at most once a minute, not ledgered
  revoked_us INTEGER        -- NULL: in force
);
CREATE UNIQUE INDEX api_tokens_sha256 ON api_tokens (token_sha256);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE sessions (
  id_sha256 BLOB PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user_accounts (id),
  csrf_token TEXT NOT NULL,
  created_us INTEGER NOT NULL,
  expires_us INTEGER NOT NULL,  -- absolute end
  last_seen_us INTEGER NOT NULL  -- for the idle timeout; updated at most once a minute
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_us);

-- Failed sign-ins per (email, client address), for the lockout rule (domain/login_throttle.h).
CREATE TABLE login_attempts (
  attempt_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start_us INTEGER NOT NULL,
  locked_until_us INTEGER
);
