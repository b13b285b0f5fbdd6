#include "store/account_table.h"

#include <cstring>

#include "store/statement_rows.h"

namespace aims::store {

namespace {

using internal::BindOptionalInt;
using internal::Bytes;
using internal::EachRow;
using internal::FinishVersionedUpdate;

constexpr std::string_view kUserColumns =
    "id, record_version, created_us, updated_us, email, display_name, role, person_id, disabled, "
    "password_hash";
constexpr std::string_view kTokenColumns =
    "id, user_id, name, token_sha256, created_us, expires_us, last_used_us, revoked_us";
constexpr std::string_view kSessionColumns =
    "id_sha256, user_id, csrf_token, created_us, expires_us, last_seen_us";

std::string Sql(std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  std::string s(a);
  s += b;
  s += c;
  return s;
}

base::Status StepDone(Statement* stmt) {
  auto row = stmt->Step();
  stmt->Reset();
  return row.ok() ? base::Status::OK() : row.status();
}

void BindOptionalTime(Statement* stmt, int index, const std::optional<base::Timestamp>& t) {
  BindOptionalInt(stmt, index, t ? std::optional<int64_t>(t->micros()) : std::nullopt);
}

std::optional<base::Timestamp> OptionalTime(Statement* stmt, int column) {
  if (stmt->IsNull(column)) return std::nullopt;
  return base::Timestamp(stmt->Int(column));
}

bool ReadDigest(Statement* stmt, int column, base::Digest* out) {
  auto blob = stmt->Blob(column);
  if (blob.size() != out->size()) return false;
  std::memcpy(out->data(), blob.data(), out->size());
  return true;
}

StoredUser ReadUser(Statement* stmt) {
  StoredUser u;
  u.account.id = stmt->Int(0);
  u.account.version = stmt->Int(1);
  u.account.created_at = base::Timestamp(stmt->Int(2));
  u.account.updated_at = base::Timestamp(stmt->Int(3));
  u.account.email = stmt->Text(4);
  u.account.display_name = stmt->Text(5);
  u.account.role = stmt->Text(6);
  if (!stmt->IsNull(7)) u.account.person = stmt->Int(7);
  u.account.disabled = stmt->Int(8) != 0;
  u.password_hash = stmt->Text(9);
  return u;
}

base::Result<StoredToken> ReadToken(Statement* stmt) {
  StoredToken t;
  t.token.id = stmt->Int(0);
  t.token.user_id = stmt->Int(1);
  t.token.name = stmt->Text(2);
  if (!ReadDigest(stmt, 3, &t.token_sha256)) {
    return base::Status::Corruption("token hash is not 32 bytes", "api_tokens " + std::to_string(t.token.id));
  }
  t.token.created_at = base::Timestamp(stmt->Int(4));
  t.token.expires_at = OptionalTime(stmt, 5);
  t.token.last_used_at = OptionalTime(stmt, 6);
  t.token.revoked_at = OptionalTime(stmt, 7);
  return t;
}

base::Result<domain::AccessRole> ReadRole(Statement* stmt) {
  domain::AccessRole r;
  r.id = stmt->Int(0);
  r.version = stmt->Int(1);
  r.created_at = base::Timestamp(stmt->Int(2));
  r.updated_at = base::Timestamp(stmt->Int(3));
  r.name = stmt->Text(4);
  auto permissions = domain::PermissionSet::Parse(stmt->Text(5));
  if (!permissions.ok()) {
    return base::Status::Corruption(std::string(permissions.status().message()), "access role " + r.name);
  }
  r.permissions = *permissions;
  return r;
}


}  // namespace

// ---- users ----

base::Result<int64_t> AccountTable::InsertUser(const domain::UserAccount& u, std::string_view password_hash) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO user_accounts (record_version, created_us, updated_us, email, "
                    "display_name, role, person_id, disabled, password_hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->BindInt(1, u.version);
  stmt->BindInt(2, u.created_at.micros());
  stmt->BindInt(3, u.updated_at.micros());
  stmt->BindText(4, u.email);
  stmt->BindText(5, u.display_name);
  stmt->BindText(6, u.role);
  BindOptionalInt(stmt, 7, u.person);
  stmt->BindInt(8, u.disabled ? 1 : 0);
  stmt->BindText(9, password_hash);
  auto row = stmt->Step();
  if (!row.ok()) {
    stmt->Reset();
    if (row.status().code() == base::StatusCode::kAlreadyExists) {
      return base::Status::AlreadyExists("another user has the email \"" + u.email + "\"", "email");
    }
    return row.status();
  }
  int64_t id = *row ? stmt->Int(0) : 0;
  stmt->Reset();
  if (id == 0) return base::Status::Internal("insert returned no id", "user_accounts");
  return id;
}

base::Status AccountTable::UpdateUser(const domain::UserAccount& u, int64_t expected_version) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("UPDATE user_accounts SET record_version = ?, updated_us = ?, display_name = ?, "
                    "role = ?, person_id = ?, disabled = ? WHERE id = ? AND record_version = ? "
                    "RETURNING id"));
  stmt->BindInt(1, u.version);
  stmt->BindInt(2, u.updated_at.micros());
  stmt->BindText(3, u.display_name);
  stmt->BindText(4, u.role);
  BindOptionalInt(stmt, 5, u.person);
  stmt->BindInt(6, u.disabled ? 1 : 0);
  stmt->BindInt(7, u.id);
  stmt->BindInt(8, expected_version);
  return FinishVersionedUpdate(conn_, stmt, "user_accounts", u.id, expected_version, "user")
      .WithContext(u.email);
}

base::Result<std::optional<StoredUser>> AccountTable::FindUser(std::string_view email) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kUserColumns, " FROM user_accounts WHERE email = ?")));
  stmt->BindText(1, email);
  std::optional<StoredUser> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) {
    out = ReadUser(s);
    return base::Status::OK();
  }));
  return out;
}

base::Result<std::optional<StoredUser>> AccountTable::GetUser(int64_t id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kUserColumns, " FROM user_accounts WHERE id = ?")));
  stmt->BindInt(1, id);
  std::optional<StoredUser> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) {
    out = ReadUser(s);
    return base::Status::OK();
  }));
  return out;
}

base::Status AccountTable::ScanUsers(const std::function<base::Status(const StoredUser&)>& fn) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kUserColumns, " FROM user_accounts ORDER BY id")));
  // Rows are copied out first: fn may run other statements.
  std::vector<StoredUser> users;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) {
    users.push_back(ReadUser(s));
    return base::Status::OK();
  }));
  for (const auto& u : users) AIMS_TRY(fn(u));
  return base::Status::OK();
}

// ---- roles ----

base::Result<int64_t> AccountTable::InsertRole(const domain::AccessRole& r) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO access_roles (record_version, created_us, updated_us, name, "
                    "permissions) VALUES (?, ?, ?, ?, ?) RETURNING id"));
  stmt->BindInt(1, r.version);
  stmt->BindInt(2, r.created_at.micros());
  stmt->BindInt(3, r.updated_at.micros());
  stmt->BindText(4, r.name);
  stmt->BindText(5, r.permissions.ToText());
  auto row = stmt->Step();
  if (!row.ok()) {
    stmt->Reset();
    if (row.status().code() == base::StatusCode::kAlreadyExists) {
      return base::Status::AlreadyExists("a role named \"" + r.name + "\" exists", "name");
    }
    return row.status();
  }
  int64_t id = *row ? stmt->Int(0) : 0;
  stmt->Reset();
  if (id == 0) return base::Status::Internal("insert returned no id", "access_roles");
  return id;
}

base::Status AccountTable::UpdateRole(const domain::AccessRole& r, int64_t expected_version) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("UPDATE access_roles SET record_version = ?, updated_us = ?, permissions = ? "
                    "WHERE id = ? AND record_version = ? RETURNING id"));
  stmt->BindInt(1, r.version);
  stmt->BindInt(2, r.updated_at.micros());
  stmt->BindText(3, r.permissions.ToText());
  stmt->BindInt(4, r.id);
  stmt->BindInt(5, expected_version);
  return FinishVersionedUpdate(conn_, stmt, "access_roles", r.id, expected_version, "role")
      .WithContext(r.name);
}

base::Result<std::optional<domain::AccessRole>> AccountTable::FindRole(std::string_view name) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT id, record_version, created_us, updated_us, name, "
                                      "permissions FROM access_roles WHERE name = ?"));
  stmt->BindText(1, name);
  std::optional<domain::AccessRole> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(out, ReadRole(s));
    return base::Status::OK();
  }));
  return out;
}

base::Result<std::vector<domain::AccessRole>> AccountTable::ListRoles() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT id, record_version, created_us, updated_us, name, "
                                      "permissions FROM access_roles ORDER BY name"));
  std::vector<domain::AccessRole> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AccessRole r, ReadRole(s));
    out.push_back(std::move(r));
    return base::Status::OK();
  }));
  return out;
}

// ---- tokens ----

base::Result<int64_t> AccountTable::InsertToken(const domain::ApiToken& t, const base::Digest& token_sha256) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO api_tokens (user_id, name, token_sha256, created_us, expires_us, "
                    "last_used_us, revoked_us) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->BindInt(1, t.user_id);
  stmt->BindText(2, t.name);
  stmt->BindBlob(3, Bytes(token_sha256));
  stmt->BindInt(4, t.created_at.micros());
  BindOptionalTime(stmt, 5, t.expires_at);
  BindOptionalTime(stmt, 6, t.last_used_at);
  BindOptionalTime(stmt, 7, t.revoked_at);
  auto row = stmt->Step();
  int64_t id = row.ok() && *row ? stmt->Int(0) : 0;
  stmt->Reset();
  if (!row.ok()) return row.status();
  if (id == 0) return base::Status::Internal("insert returned no id", "api_tokens");
  return id;
}

base::Result<std::optional<StoredToken>> AccountTable::FindToken(const base::Digest& token_sha256) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kTokenColumns, " FROM api_tokens WHERE token_sha256 = ?")));
  stmt->BindBlob(1, Bytes(token_sha256));
  std::optional<StoredToken> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(out, ReadToken(s));
    return base::Status::OK();
  }));
  return out;
}

base::Result<std::optional<StoredToken>> AccountTable::GetToken(int64_t id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kTokenColumns, " FROM api_tokens WHERE id = ?")));
  stmt->BindInt(1, id);
  std::optional<StoredToken> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(out, ReadToken(s));
    return base::Status::OK();
  }));
  return out;
}

base::Status AccountTable::SetTokenRevoked(int64_t id, base::Timestamp at) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("UPDATE api_tokens SET revoked_us = ? WHERE id = ?"));
  stmt->BindInt(1, at.micros());
  stmt->BindInt(2, id);
  return StepDone(stmt);
}

base::Status AccountTable::TouchToken(int64_t id, base::Timestamp now, base::Timestamp not_before) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("UPDATE api_tokens SET last_used_us = ? WHERE id = ? AND "
                    "(last_used_us IS NULL OR last_used_us <= ?)"));
  stmt->BindInt(1, now.micros());
  stmt->BindInt(2, id);
  stmt->BindInt(3, not_before.micros());
  return StepDone(stmt);
}

base::Status AccountTable::ScanTokens(std::optional<int64_t> user_id,
                                      const std::function<base::Status(const StoredToken&)>& fn) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare(Sql("SELECT ", kTokenColumns,
                        user_id ? " FROM api_tokens WHERE user_id = ? ORDER BY id"
                                : " FROM api_tokens ORDER BY id")));
  if (user_id) stmt->BindInt(1, *user_id);
  std::vector<StoredToken> tokens;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(StoredToken t, ReadToken(s));
    tokens.push_back(std::move(t));
    return base::Status::OK();
  }));
  for (const auto& t : tokens) AIMS_TRY(fn(t));
  return base::Status::OK();
}

// ---- sessions ----

base::Status AccountTable::InsertSession(const StoredSession& s) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare(Sql("INSERT INTO sessions (", kSessionColumns, ") VALUES (?, ?, ?, ?, ?, ?)")));
  stmt->BindBlob(1, Bytes(s.id_sha256));
  stmt->BindInt(2, s.user_id);
  stmt->BindText(3, s.csrf_token);
  stmt->BindInt(4, s.created_at.micros());
  stmt->BindInt(5, s.expires_at.micros());
  stmt->BindInt(6, s.last_seen_at.micros());
  return StepDone(stmt);
}

base::Result<std::optional<StoredSession>> AccountTable::FindSession(const base::Digest& id_sha256) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare(Sql("SELECT ", kSessionColumns, " FROM sessions WHERE id_sha256 = ?")));
  stmt->BindBlob(1, Bytes(id_sha256));
  std::optional<StoredSession> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* st) -> base::Status {
    StoredSession s;
    if (!ReadDigest(st, 0, &s.id_sha256)) return base::Status::Corruption("session id hash is not 32 bytes", "sessions");
    s.user_id = st->Int(1);
    s.csrf_token = st->Text(2);
    s.created_at = base::Timestamp(st->Int(3));
    s.expires_at = base::Timestamp(st->Int(4));
    s.last_seen_at = base::Timestamp(st->Int(5));
    out = std::move(s);
    return base::Status::OK();
  }));
  return out;
}

base::Status AccountTable::TouchSession(const base::Digest& id_sha256, base::Timestamp now,
                                        base::Timestamp not_before) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("UPDATE sessions SET last_seen_us = ? WHERE id_sha256 = ? AND "
                                      "last_seen_us <= ?"));
  stmt->BindInt(1, now.micros());
  stmt->BindBlob(2, Bytes(id_sha256));
  stmt->BindInt(3, not_before.micros());
  return StepDone(stmt);
}

base::Status AccountTable::DeleteSession(const base::Digest& id_sha256) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("DELETE FROM sessions WHERE id_sha256 = ?"));
  stmt->BindBlob(1, Bytes(id_sha256));
  return StepDone(stmt);
}

base::Status AccountTable::DeleteSessionsOf(int64_t user_id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("DELETE FROM sessions WHERE user_id = ?"));
  stmt->BindInt(1, user_id);
  return StepDone(stmt);
}

base::Status AccountTable::DeleteExpiredSessions(base::Timestamp now, base::Timestamp idle_cutoff) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("DELETE FROM sessions WHERE expires_us <= ? OR last_seen_us <= ?"));
  stmt->BindInt(1, now.micros());
  stmt->BindInt(2, idle_cutoff.micros());
  return StepDone(stmt);
}

// ---- login attempts ----

base::Result<std::optional<domain::LoginAttempts>> AccountTable::GetLoginAttempts(std::string_view key) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT failures, window_start_us, locked_until_us FROM "
                                      "login_attempts WHERE attempt_key = ?"));
  stmt->BindText(1, key);
  std::optional<domain::LoginAttempts> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* s) {
    domain::LoginAttempts a;
    a.failures = s->Int(0);
    a.window_start = base::Timestamp(s->Int(1));
    a.locked_until = OptionalTime(s, 2);
    out = a;
    return base::Status::OK();
  }));
  return out;
}

base::Status AccountTable::PutLoginAttempts(std::string_view key, const domain::LoginAttempts& a) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO login_attempts (attempt_key, failures, window_start_us, "
                    "locked_until_us) VALUES (?, ?, ?, ?) ON CONFLICT (attempt_key) DO UPDATE SET "
                    "failures = excluded.failures, window_start_us = excluded.window_start_us, "
                    "locked_until_us = excluded.locked_until_us"));
  stmt->BindText(1, key);
  stmt->BindInt(2, a.failures);
  stmt->BindInt(3, a.window_start.micros());
  BindOptionalTime(stmt, 4, a.locked_until);
  return StepDone(stmt);
}

base::Status AccountTable::DeleteLoginAttempts(std::string_view key) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("DELETE FROM login_attempts WHERE attempt_key = ?"));
  stmt->BindText(1, key);
  return StepDone(stmt);
}

base::Status AccountTable::DeleteStaleLoginAttempts(base::Timestamp now, base::Timestamp window_cutoff) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("DELETE FROM login_attempts WHERE (locked_until_us IS NOT NULL AND "
                    "locked_until_us <= ?) OR (locked_until_us IS NULL AND window_start_us <= ?)"));
  stmt->BindInt(1, now.micros());
  stmt->BindInt(2, window_cutoff.micros());
  return StepDone(stmt);
}

}  // namespace aims::store
